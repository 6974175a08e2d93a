import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { api, ApiError, setCsrfToken } from '../../api/client.ts';
import { sessionQueryKey } from './session.ts';

/** Ends the session on the server, forgets everything cached, and returns to sign-in. */
export function useSignOut(): () => Promise<void> {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return async () => {
    try {
      await api.post('/api/auth/logout', undefined, { expectUnauthorized: true });
    } catch (error) {
      // Already signed out on the server is fine; anything else still ends the session here.
      if (!(error instanceof ApiError)) throw error;
    }
    setCsrfToken(null);
    queryClient.clear();
    queryClient.setQueryData(sessionQueryKey, null);
    navigate('/sign-in', { replace: true, state: { notice: 'signedOut' } });
  };
}
