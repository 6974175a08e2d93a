import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api, setCsrfToken } from '../../api/client.ts';
import { Page } from '../../components/Page.tsx';
import { Loading, LoadError } from '../../components/Loading.tsx';
import { FormAlert } from '../../components/form/FormAlert.tsx';
import { TextField } from '../../components/form/TextField.tsx';
import { SubmitButton } from '../../components/form/SubmitButton.tsx';
import { fromApiError, fromFieldProblems, type FormErrors } from '../../components/form/formErrors.ts';
import { CODE_PATH, isWellFormedCode, normalizeCode, TotpCodeField } from './TotpCodeField.tsx';
import { returnPath } from './guards.tsx';
import { refreshSession, useSession } from './session.ts';

const RECOVERY_PATH = 'body.recoveryCode';

/** The second step of signing in: a code from the app, or one of the recovery codes. */
export function VerifyMfaPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const session = useSession();
  const [searchParams] = useSearchParams();
  const useRecovery = searchParams.get('method') === 'recovery-code';
  const [value, setValue] = useState('');
  const [errors, setErrors] = useState<FormErrors | null>(null);

  const verify = useMutation({
    mutationFn: () =>
      api.post<{ csrfToken: string }>(
        '/api/auth/mfa/verify',
        useRecovery ? { recoveryCode: value.trim() } : { code: normalizeCode(value) },
        { expectUnauthorized: true },
      ),
    onSuccess: async (answer) => {
      setCsrfToken(answer.csrfToken);
      await refreshSession(queryClient);
      navigate(returnPath(location.state), { replace: true });
    },
    onError: (error) => {
      setValue('');
      setErrors(fromApiError(t, error, [CODE_PATH, RECOVERY_PATH]));
    },
  });

  if (session.isPending) return <Loading />;
  if (session.isError) return <LoadError error={session.error} />;
  if (!session.data && !verify.isPending) return <Navigate to="/sign-in" replace />;
  if (session.data?.mfa === 'enroll') return <Navigate to="/sign-in/enroll" replace state={location.state} />;
  if (session.data?.mfa === 'complete' && !verify.isPending) return <Navigate to={returnPath(location.state)} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (verify.isPending) return;
    const problems = useRecovery
      ? fromFieldProblems(t, { [RECOVERY_PATH]: value.trim() ? undefined : t('auth.verify.recoveryRequired') })
      : fromFieldProblems(t, { [CODE_PATH]: isWellFormedCode(value) ? undefined : t('auth.code.malformed') });
    setErrors(problems);
    if (!problems) verify.mutate();
  };

  const switchMethod = () => {
    setValue('');
    setErrors(null);
  };

  return (
    <Page title={t('auth.verify.title')} lead={useRecovery ? t('auth.verify.leadRecovery') : t('auth.verify.lead')} width="narrow">
      <form className="card form" noValidate onSubmit={submit}>
        <FormAlert errors={errors} />
        {useRecovery ? (
          <TextField
            path={RECOVERY_PATH}
            label={t('auth.verify.recoveryLabel')}
            autoComplete="off"
            spellCheck={false}
            className="input-code"
            value={value}
            onValueChange={setValue}
            error={errors?.fields[RECOVERY_PATH]}
          />
        ) : (
          <TotpCodeField value={value} onValueChange={setValue} error={errors?.fields[CODE_PATH]} />
        )}
        <SubmitButton busy={verify.isPending} busyLabel={t('auth.verify.busy')}>
          {t('auth.verify.submit')}
        </SubmitButton>
      </form>
      <p className="aside">
        {useRecovery ? (
          <Link to="/sign-in/verify" replace state={location.state} onClick={switchMethod}>
            {t('auth.verify.useApp')}
          </Link>
        ) : (
          <Link to="/sign-in/verify?method=recovery-code" replace state={location.state} onClick={switchMethod}>
            {t('auth.verify.useRecovery')}
          </Link>
        )}
      </p>
      <p className="aside">{t('auth.verify.lostBoth')}</p>
    </Page>
  );
}
