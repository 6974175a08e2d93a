import { useQuery, type QueryClient } from '@tanstack/react-query';
import { api, ApiError, setCsrfToken } from '../../api/client.ts';
import type { Session, SessionUser } from '../../api/types.ts';

export const sessionQueryKey = ['session'] as const;

/** The current session, or null when nobody is signed in. Keeps the CSRF token it carries. */
export async function fetchSession(): Promise<Session | null> {
  try {
    const session = await api.get<Session>('/api/auth/session', { expectUnauthorized: true });
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useSession() {
  return useQuery({ queryKey: sessionQueryKey, queryFn: fetchSession, staleTime: 60_000 });
}

/** The signed-in person; only for pages behind RequireSignedIn, where a complete session exists. */
export function useSignedInUser(): SessionUser {
  const { data } = useSession();
  if (!data) throw new Error('useSignedInUser is only for pages behind RequireSignedIn.');
  return data.user;
}

export function hasAnyPermission(user: SessionUser | undefined, ...permissions: string[]): boolean {
  return Boolean(user && permissions.some((permission) => user.permissions.includes(permission)));
}

export const PERMISSIONS = {
  manageAgencies: ['manage:agency:any'],
  manageUsers: ['manage:user:any', 'manage:user:own-agency'],
  readAudit: ['read:audit:any', 'read:audit:own-agency'],
  readUsers: ['read:user:any', 'read:user:own-agency', 'manage:user:any', 'manage:user:own-agency'],
  readTips: ['read:tip:any', 'read:tip:own-agency'],
  createTips: ['create:tip:any', 'create:tip:own-agency'],
  readSafePlaces: ['read:safe-place:any'],
  manageSafePlaces: ['manage:safe-place:any'],
} as const;

/** Forgets everything cached for the previous person, then asks the server who is signed in now. */
export async function refreshSession(queryClient: QueryClient): Promise<Session | null> {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
  return queryClient.fetchQuery({ queryKey: sessionQueryKey, queryFn: fetchSession, staleTime: 0 });
}

// Set when an authenticated call finds the session gone, so the sign-in page can say why the person is there.
let sessionEndedNotice = false;
export function noteSessionEnded(): void {
  sessionEndedNotice = true;
}
export function takeSessionEndedNotice(): boolean {
  const noticed = sessionEndedNotice;
  sessionEndedNotice = false;
  return noticed;
}
