import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { Page } from '../../components/Page.tsx';
import { FormAlert } from '../../components/form/FormAlert.tsx';
import { SubmitButton } from '../../components/form/SubmitButton.tsx';
import { NewPasswordFields, newPasswordProblems } from '../../components/form/NewPasswordFields.tsx';
import { fromApiError, fromFieldProblems, type FormErrors } from '../../components/form/formErrors.ts';
import { readLinkToken } from '../auth/linkToken.ts';
import type { SignInArrival } from '../auth/SignInPage.tsx';

const FIELDS = ['body.password'];

/** A new person opens the link their administrator gave them and chooses a password. */
export function ActivatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [token] = useState(() => readLinkToken(window.location.hash));
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [errors, setErrors] = useState<FormErrors | null>(null);

  const activate = useMutation({
    mutationFn: () => api.post<{ email: string }>('/api/activate', { token, password }, { expectUnauthorized: true }),
    onSuccess: (answer) => {
      const arrival: SignInArrival = { notice: 'activated', email: answer.email };
      navigate('/sign-in', { replace: true, state: arrival });
    },
    onError: (error) => setErrors(fromApiError(t, error, FIELDS)),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (activate.isPending) return;
    const problems = fromFieldProblems(t, newPasswordProblems(t, 'body.password', password, confirmation));
    setErrors(problems);
    if (!problems) activate.mutate();
  };

  return (
    <Page title={t('activate.title')} lead={t('activate.lead')} width="narrow">
      {token ? (
        <form className="card form" noValidate onSubmit={submit}>
          <FormAlert errors={errors} />
          <NewPasswordFields
            path="body.password"
            password={password}
            confirmation={confirmation}
            onPasswordChange={setPassword}
            onConfirmationChange={setConfirmation}
            errors={errors?.fields}
          />
          <SubmitButton busy={activate.isPending} busyLabel={t('activate.busy')}>
            {t('activate.submit')}
          </SubmitButton>
        </form>
      ) : (
        <div className="card">
          <p>{t('activate.missingToken')}</p>
        </div>
      )}
    </Page>
  );
}
