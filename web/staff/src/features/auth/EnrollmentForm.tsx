import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, setCsrfToken } from '../../api/client.ts';
import type { MfaEnrollment } from '../../api/types.ts';
import { FormAlert } from '../../components/form/FormAlert.tsx';
import { SubmitButton } from '../../components/form/SubmitButton.tsx';
import { fromApiError, fromFieldProblems, type FormErrors } from '../../components/form/formErrors.ts';
import { Loading, LoadError } from '../../components/Loading.tsx';
import { CODE_PATH, isWellFormedCode, normalizeCode, TotpCodeField } from './TotpCodeField.tsx';
import { svgDataUrl } from './svgDataUrl.ts';

interface EnrollAnswer {
  recoveryCodes: string[];
  csrfToken: string;
}

/** Shows the secret as a QR code and as text, then confirms it with a first code. */
export function EnrollmentForm({ onEnrolled }: { onEnrolled: (recoveryCodes: string[]) => void }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<FormErrors | null>(null);
  // The secret is made once per enrollment; asking again must not replace what the person already scanned.
  const enrollment = useQuery({
    queryKey: ['mfa-enrollment'],
    queryFn: () => api.get<MfaEnrollment>('/api/auth/mfa/enrollment'),
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
    retry: false,
  });

  const enroll = useMutation({
    mutationFn: () => api.post<EnrollAnswer>('/api/auth/mfa/enroll', { code: normalizeCode(code) }, { expectUnauthorized: true }),
    onSuccess: (answer) => {
      setCsrfToken(answer.csrfToken);
      onEnrolled(answer.recoveryCodes);
    },
    onError: (error) => {
      setCode('');
      setErrors(fromApiError(t, error, [CODE_PATH]));
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (enroll.isPending) return;
    const problems = fromFieldProblems(t, { [CODE_PATH]: isWellFormedCode(code) ? undefined : t('auth.code.malformed') });
    setErrors(problems);
    if (!problems) enroll.mutate();
  };

  if (enrollment.isPending) return <Loading />;
  if (enrollment.isError) return <LoadError error={enrollment.error} />;
  const { secret, qrSvg } = enrollment.data;

  return (
    <form className="card form" noValidate onSubmit={submit}>
      <FormAlert errors={errors} />
      <ol className="steps">
        <li>
          <h2>{t('auth.enroll.step1Title')}</h2>
          <p>{t('auth.enroll.step1Body')}</p>
        </li>
        <li>
          <h2>{t('auth.enroll.step2Title')}</h2>
          <img className="qr-code" src={svgDataUrl(qrSvg)} alt={t('auth.enroll.qrAlt')} width={200} height={200} />
          <p>{t('auth.enroll.manualEntry')}</p>
          <p className="secret">
            <code data-testid="totp-secret">
              {secret.match(/.{1,4}/g)?.map((group, index) => <span key={index}>{group}</span>)}
            </code>
          </p>
        </li>
        <li>
          <h2>{t('auth.enroll.step3Title')}</h2>
          <TotpCodeField value={code} onValueChange={setCode} error={errors?.fields[CODE_PATH]} />
        </li>
      </ol>
      <SubmitButton busy={enroll.isPending} busyLabel={t('auth.enroll.busy')}>
        {t('auth.enroll.submit')}
      </SubmitButton>
    </form>
  );
}
