import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { FormAlert } from '../../components/form/FormAlert.tsx';
import { SubmitButton } from '../../components/form/SubmitButton.tsx';
import { fromApiError, fromFieldProblems, type FormErrors } from '../../components/form/formErrors.ts';
import { refreshSession } from '../auth/session.ts';
import { CURRENT_PASSWORD_PATH, CurrentPasswordField } from './CurrentPasswordField.tsx';

/** A new phone or authenticator app: the session goes back to enrollment, and the old secret stops working. */
export function ResetMfaSection() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [currentPassword, setCurrentPassword] = useState('');
  const [errors, setErrors] = useState<FormErrors | null>(null);

  const reset = useMutation({
    mutationFn: () => api.post<{ next: 'enroll' }>('/api/me/mfa/reset', { currentPassword }, { expectUnauthorized: true }),
    onSuccess: async () => {
      await refreshSession(queryClient);
      navigate('/sign-in/enroll', { state: { from: '/profile' } });
    },
    onError: (error) => {
      setCurrentPassword('');
      setErrors(fromApiError(t, error, [CURRENT_PASSWORD_PATH]));
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reset.isPending) return;
    const problems = fromFieldProblems(t, { [CURRENT_PASSWORD_PATH]: currentPassword ? undefined : t('profile.currentPasswordRequired') });
    setErrors(problems);
    if (!problems) reset.mutate();
  };

  return (
    <section className="card" aria-labelledby="profile-mfa-heading">
      <h2 id="profile-mfa-heading">{t('profile.mfa.title')}</h2>
      <p>{t('profile.mfa.explain')}</p>
      <form className="form" noValidate onSubmit={submit}>
        <FormAlert errors={errors} />
        <CurrentPasswordField idSuffix="mfa" value={currentPassword} onValueChange={setCurrentPassword} error={errors?.fields[CURRENT_PASSWORD_PATH]} />
        <SubmitButton busy={reset.isPending} busyLabel={t('common.working')} variant="secondary">
          {t('profile.mfa.submit')}
        </SubmitButton>
      </form>
    </section>
  );
}
