import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page.tsx';
import { Loading, LoadError } from '../../components/Loading.tsx';
import { EnrollmentForm } from './EnrollmentForm.tsx';
import { RecoveryCodesPanel } from './RecoveryCodesPanel.tsx';
import { returnPath } from './guards.tsx';
import { refreshSession, useSession } from './session.ts';

/** Two-factor set-up: at first sign-in, and again after a reset. Ends by showing the recovery codes once. */
export function EnrollMfaPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const session = useSession();
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);

  if (recoveryCodes) {
    const finish = async () => {
      await refreshSession(queryClient);
      navigate(returnPath(location.state), { replace: true });
    };
    return (
      <Page title={t('auth.recovery.pageTitle')} width="narrow">
        <RecoveryCodesPanel codes={recoveryCodes} onDone={() => void finish()} />
      </Page>
    );
  }

  if (session.isPending) return <Loading />;
  if (session.isError) return <LoadError error={session.error} />;
  if (!session.data) return <Navigate to="/sign-in" replace />;
  if (session.data.mfa === 'verify') return <Navigate to="/sign-in/verify" replace state={location.state} />;
  if (session.data.mfa === 'complete') return <Navigate to={returnPath(location.state)} replace />;

  return (
    <Page title={t('auth.enroll.title')} lead={t('auth.enroll.lead')} width="narrow">
      <EnrollmentForm onEnrolled={setRecoveryCodes} />
    </Page>
  );
}
