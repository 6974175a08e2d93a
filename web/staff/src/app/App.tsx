import { useEffect } from 'react';
import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { BrowserRouter } from 'react-router-dom';
import { ApiError, onUnauthorized } from '../api/client.ts';
import { fetchSession, noteSessionEnded, sessionQueryKey } from '../features/auth/session.ts';
import { useAccountLanguage } from '../features/language/languagePreference.ts';
import { AppRoutes } from './routes.tsx';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not fix itself by asking again.
      retry: (failures, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 2,
      refetchOnWindowFocus: false,
    },
  },
});

/**
 * When an authenticated call answers 401, ask who is signed in now. With nobody, the guards send the person
 * to sign-in (which says the session ended); mid-MFA, to that step.
 */
function SessionWatcher() {
  const client = useQueryClient();
  useAccountLanguage();
  useEffect(() => {
    onUnauthorized(() => {
      fetchSession().then(
        (session) => {
          if (!session) {
            noteSessionEnded();
            client.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
          }
          client.setQueryData(sessionQueryKey, session);
        },
        () => undefined,
      );
    });
    return () => onUnauthorized(null);
  }, [client]);
  return null;
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter basename="/staff">
        <SessionWatcher />
        <AppRoutes />
      </BrowserRouter>
    </QueryClientProvider>
  );
}
