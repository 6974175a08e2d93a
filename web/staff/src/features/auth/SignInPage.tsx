import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api, setCsrfToken } from '../../api/client.ts';
import { Page } from '../../components/Page.tsx';
import { FormAlert } from '../../components/form/FormAlert.tsx';
import { TextField } from '../../components/form/TextField.tsx';
import { SubmitButton } from '../../components/form/SubmitButton.tsx';
import { fromApiError, fromFieldProblems, type FormErrors } from '../../components/form/formErrors.ts';
import { refreshSession, takeSessionEndedNotice, useSession } from './session.ts';
import { returnPath } from './guards.tsx';

const FIELDS = ['body.email', 'body.password'];

/** What the page that sent the person here had to say. */
export interface SignInArrival {
  from?: string;
  email?: string;
  notice?: 'signedOut' | 'setUp' | 'activated';
}

interface LoginAnswer {
  next: 'enroll' | 'verify';
  csrfToken: string;
}

export function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const session = useSession();
  const [sessionEnded] = useState(takeSessionEndedNotice);
  const arrival = (location.state ?? {}) as SignInArrival;
  const [email, setEmail] = useState(arrival.email ?? '');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FormErrors | null>(null);

  const signIn = useMutation({
    mutationFn: () => api.post<LoginAnswer>('/api/auth/login', { email: email.trim(), password }, { expectUnauthorized: true }),
    onSuccess: async (answer) => {
      setCsrfToken(answer.csrfToken);
      await refreshSession(queryClient);
      navigate(answer.next === 'enroll' ? '/sign-in/enroll' : '/sign-in/verify', { state: { from: arrival.from } });
    },
    onError: (error) => {
      setPassword('');
      setErrors(fromApiError(t, error, FIELDS));
    },
  });

  if (session.data?.mfa === 'complete' && !signIn.isPending) return <Navigate to={returnPath(location.state)} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (signIn.isPending) return;
    const problems = fromFieldProblems(t, {
      'body.email': email.trim() ? undefined : t('auth.signIn.emailRequired'),
      'body.password': password ? undefined : t('auth.signIn.passwordRequired'),
    });
    setErrors(problems);
    if (!problems) signIn.mutate();
  };

  return (
    <Page title={t('auth.signIn.title')} lead={t('auth.signIn.lead')} width="narrow">
      {sessionEnded && <p className="notice">{t('auth.signIn.sessionEnded')}</p>}
      {arrival.notice && <p className="notice notice-success">{t(`auth.signIn.notice.${arrival.notice}`)}</p>}
      <form className="card form" noValidate onSubmit={submit}>
        <FormAlert errors={errors} />
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
        <TextField
          path="body.password"
          label={t('fields.password')}
          type="password"
          autoComplete="current-password"
          value={password}
          onValueChange={setPassword}
          error={errors?.fields['body.password']}
        />
        <SubmitButton busy={signIn.isPending} busyLabel={t('auth.signIn.busy')}>
          {t('auth.signIn.submit')}
        </SubmitButton>
      </form>
      <p className="aside">{t('auth.signIn.help')}</p>
    </Page>
  );
}
