import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page.tsx';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';
import { ProfileDetailsForm } from './ProfileDetailsForm.tsx';
import { RecoveryCodesSection } from './RecoveryCodesSection.tsx';
import { ResetMfaSection } from './ResetMfaSection.tsx';
import { useSignedInUser } from '../auth/session.ts';

export function ProfilePage() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  return (
    <Page title={t('profile.title')} lead={t('profile.lead')} width="narrow">
      <ProfileDetailsForm user={user} />
      <ChangePasswordForm />
      <ResetMfaSection />
      <RecoveryCodesSection />
    </Page>
  );
}
