import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { FormAlert } from '../../components/form/FormAlert.tsx';
import { SubmitButton } from '../../components/form/SubmitButton.tsx';
import { fromApiError, fromFieldProblems, type FormErrors } from '../../components/form/formErrors.ts';
import { RecoveryCodesPanel } from '../auth/RecoveryCodesPanel.tsx';
import { CURRENT_PASSWORD_PATH, CurrentPasswordField } from './CurrentPasswordField.tsx';

export function RecoveryCodesSection() {
  const { t } = useTranslation();
  const [currentPassword, setCurrentPassword] = useState('');
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  const regenerate = useMutation({
    mutationFn: () => api.post<{ recoveryCodes: string[] }>('/api/me/recovery-codes', { currentPassword }, { expectUnauthorized: true }),
    onSuccess: (answer) => {
      setCurrentPassword('');
      setCodes(answer.recoveryCodes);
    },
    onError: (error) => {
      setCurrentPassword('');
      setErrors(fromApiError(t, error, [CURRENT_PASSWORD_PATH]));
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (regenerate.isPending) return;
    setStatus(null);
    const problems = fromFieldProblems(t, { [CURRENT_PASSWORD_PATH]: currentPassword ? undefined : t('profile.currentPasswordRequired') });
    setErrors(problems);
    if (!problems) regenerate.mutate();
  };

  if (codes) {
    return (
      <RecoveryCodesPanel
        codes={codes}
        onDone={() => {
          setCodes(null);
          setStatus(t('profile.recovery.replaced'));
        }}
      />
    );
  }

  return (
    <section className="card" aria-labelledby="profile-recovery-heading">
      <h2 id="profile-recovery-heading">{t('profile.recovery.title')}</h2>
      <p>{t('profile.recovery.explain')}</p>
      <StatusMessage message={status} takeFocus />
      <form className="form" noValidate onSubmit={submit}>
        <FormAlert errors={errors} />
        <CurrentPasswordField idSuffix="recovery" value={currentPassword} onValueChange={setCurrentPassword} error={errors?.fields[CURRENT_PASSWORD_PATH]} />
        <SubmitButton busy={regenerate.isPending} busyLabel={t('common.working')} variant="secondary">
          {t('profile.recovery.submit')}
        </SubmitButton>
      </form>
    </section>
  );
}
