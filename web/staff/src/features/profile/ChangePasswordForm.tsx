import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { FormAlert } from '../../components/form/FormAlert.tsx';
import { NewPasswordFields, newPasswordProblems } from '../../components/form/NewPasswordFields.tsx';
import { SubmitButton } from '../../components/form/SubmitButton.tsx';
import { fromApiError, fromFieldProblems, type FormErrors } from '../../components/form/formErrors.ts';
import { CURRENT_PASSWORD_PATH, CurrentPasswordField } from './CurrentPasswordField.tsx';

const NEW_PASSWORD_PATH = 'body.newPassword';

export function ChangePasswordForm() {
  const { t } = useTranslation();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  const change = useMutation({
    mutationFn: () => api.post('/api/me/password', { currentPassword, newPassword }, { expectUnauthorized: true }),
    onSuccess: () => {
      setCurrentPassword('');
      setNewPassword('');
      setConfirmation('');
      setStatus(t('profile.password.changed'));
    },
    onError: (error) => setErrors(fromApiError(t, error, [CURRENT_PASSWORD_PATH, NEW_PASSWORD_PATH])),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (change.isPending) return;
    setStatus(null);
    const problems = fromFieldProblems(t, {
      [CURRENT_PASSWORD_PATH]: currentPassword ? undefined : t('profile.currentPasswordRequired'),
      ...newPasswordProblems(t, NEW_PASSWORD_PATH, newPassword, confirmation),
    });
    setErrors(problems);
    if (!problems) change.mutate();
  };

  return (
    <section className="card" aria-labelledby="profile-password-heading">
      <h2 id="profile-password-heading">{t('profile.password.title')}</h2>
      <p>{t('profile.password.explain')}</p>
      <StatusMessage message={status} />
      <form className="form" noValidate onSubmit={submit}>
        <FormAlert errors={errors} />
        <CurrentPasswordField idSuffix="password" value={currentPassword} onValueChange={setCurrentPassword} error={errors?.fields[CURRENT_PASSWORD_PATH]} />
        <NewPasswordFields
          path={NEW_PASSWORD_PATH}
          password={newPassword}
          confirmation={confirmation}
          onPasswordChange={setNewPassword}
          onConfirmationChange={setConfirmation}
          errors={errors?.fields}
        />
        <SubmitButton busy={change.isPending} busyLabel={t('common.saving')}>
          {t('profile.password.submit')}
        </SubmitButton>
      </form>
    </section>
  );
}
