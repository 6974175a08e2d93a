import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { FormAlert } from '../../components/form/FormAlert.tsx';
import { TextField } from '../../components/form/TextField.tsx';
import { SubmitButton } from '../../components/form/SubmitButton.tsx';
import { NewPasswordFields, newPasswordProblems } from '../../components/form/NewPasswordFields.tsx';
import { fromApiError, fromFieldProblems, type FormErrors } from '../../components/form/formErrors.ts';
import type { SignInArrival } from '../auth/SignInPage.tsx';

const FIELDS = ['body.agencyName', 'body.displayName', 'body.email', 'body.password'];

export function SetupForm({ token }: { token: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [agencyName, setAgencyName] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [errors, setErrors] = useState<FormErrors | null>(null);

  const setUp = useMutation({
    mutationFn: () =>
      api.post('/api/setup', { token, agencyName: agencyName.trim(), displayName: displayName.trim(), email: email.trim(), password }, { expectUnauthorized: true }),
    onSuccess: () => {
      const arrival: SignInArrival = { notice: 'setUp', email: email.trim() };
      navigate('/sign-in', { replace: true, state: arrival });
    },
    onError: (error) => setErrors(fromApiError(t, error, FIELDS)),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (setUp.isPending) return;
    const problems = fromFieldProblems(t, {
      'body.agencyName': agencyName.trim() ? undefined : t('setup.agencyNameRequired'),
      'body.displayName': displayName.trim() ? undefined : t('fields.displayNameRequired'),
      'body.email': /^\S+@\S+\.\S+$/.test(email.trim()) ? undefined : t('fields.emailInvalid'),
      ...newPasswordProblems(t, 'body.password', password, confirmation),
    });
    setErrors(problems);
    if (!problems) setUp.mutate();
  };

  return (
    <form className="card form" noValidate onSubmit={submit}>
      <FormAlert errors={errors} />
      <TextField
        path="body.agencyName"
        label={t('setup.agencyName')}
        hint={t('setup.agencyNameHint')}
        autoComplete="organization"
        value={agencyName}
        onValueChange={setAgencyName}
        error={errors?.fields['body.agencyName']}
      />
      <TextField
        path="body.displayName"
        label={t('fields.displayName')}
        autoComplete="name"
        value={displayName}
        onValueChange={setDisplayName}
        error={errors?.fields['body.displayName']}
      />
      <TextField
        path="body.email"
        label={t('fields.email')}
        type="email"
        autoComplete="username"
        spellCheck={false}
        value={email}
        onValueChange={setEmail}
        error={errors?.fields['body.email']}
      />
      <NewPasswordFields
        path="body.password"
        password={password}
        confirmation={confirmation}
        onPasswordChange={setPassword}
        onConfirmationChange={setConfirmation}
        errors={errors?.fields}
      />
      <SubmitButton busy={setUp.isPending} busyLabel={t('setup.busy')}>
        {t('setup.submit')}
      </SubmitButton>
    </form>
  );
}
