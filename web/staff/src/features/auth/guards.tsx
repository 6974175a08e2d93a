import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Loading, LoadError } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import { hasAnyPermission, useSession } from './session.ts';

export interface ReturnState {
  from?: string;
}

/** Where a finished sign-in goes: back to the page that asked for it, or home. */
export function returnPath(state: unknown): string {
  const from = (state as ReturnState | null)?.from;
  return from && from.startsWith('/') && !from.startsWith('/sign-in') ? from : '/';
}

/** Pages for people who are signed in with MFA done; anyone else goes to the step they are at. */
export function RequireSignedIn() {
  const { t } = useTranslation();
  const location = useLocation();
  const session = useSession();
  if (session.isPending) return <Loading label={t('auth.checkingSession')} />;
  if (session.isError) return <LoadError error={session.error} />;
  const state: ReturnState = { from: location.pathname + location.search };
  if (!session.data) return <Navigate to="/sign-in" replace state={state} />;
  if (session.data.mfa === 'enroll') return <Navigate to="/sign-in/enroll" replace state={state} />;
  if (session.data.mfa === 'verify') return <Navigate to="/sign-in/verify" replace state={state} />;
  return <Outlet />;
}

/** Shows its children only to people holding one of the permissions. */
export function RequirePermission({ anyOf, children }: { anyOf: readonly string[]; children: ReactNode }) {
  const { t } = useTranslation();
  const { data } = useSession();
  if (!hasAnyPermission(data?.user, ...anyOf)) {
    return (
      <Page title={t('errors.notAllowed.title')}>
        <p>{t('errors.notAllowed.body')}</p>
      </Page>
    );
  }
  return <>{children}</>;
}
