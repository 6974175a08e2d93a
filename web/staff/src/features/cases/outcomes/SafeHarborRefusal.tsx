import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SubmitButton } from '../../../components/form/SubmitButton.tsx';
import { TextAreaField } from '../../../components/form/TextAreaField.tsx';
import { currentLanguage } from '../../../i18n/i18n.ts';
import type { SafeHarborCheck } from '../caseTypes.ts';

interface SafeHarborRefusalProps {
  /** What the server said when it refused: its reasons and where to refer the young person. */
  check: SafeHarborCheck | null;
  /** The refusal's own message, shown when the reasons could not be asked for. */
  serverMessage: string;
  action: 'arrest' | 'charge';
  canOverride: boolean;
  busy: boolean;
  onOverride: (reason: string) => void;
}

/**
 * Why Haven refused to record an arrest or charge for commercial sex of a minor victim (Safe Harbor), and what
 * to do instead. Only a supervisor may record it anyway, with a reason that is kept and audited.
 */
export function SafeHarborRefusal({ check, serverMessage, action, canOverride, busy, onOverride }: SafeHarborRefusalProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  // The server writes its reasons in English; a Spanish page marks them so they are read as English.
  const serverLanguage = currentLanguage() === 'en' ? undefined : 'en';

  useEffect(() => ref.current?.focus(), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const short = reason.trim().length < 10;
    setProblem(short ? t('cases.safeHarbor.reasonTooShort') : undefined);
    if (!short) onOverride(reason.trim());
  };

  return (
    <div ref={ref} className="safe-harbor" role="alert" tabIndex={-1} data-testid="safe-harbor-refusal">
      <p className="safe-harbor-title">{t('cases.safeHarbor.title')}</p>
      <p>{t(`cases.safeHarbor.explain.${action}`)}</p>
      {check ? (
        <>
          <p className="safe-harbor-subtitle">{t('cases.safeHarbor.reasons')}</p>
          <ul lang={serverLanguage}>
            {check.reasons.map((reasonText) => (
              <li key={reasonText}>{reasonText}</li>
            ))}
          </ul>
          <p className="safe-harbor-subtitle">{t('cases.safeHarbor.instead')}</p>
          <p lang={serverLanguage}>{check.referral}</p>
        </>
      ) : (
        <p lang={serverLanguage}>{serverMessage}</p>
      )}
      {canOverride ? (
        <form className="form" noValidate onSubmit={submit}>
          <TextAreaField path="outcome.overrideReason" label={t('cases.safeHarbor.overrideReason')} hint={t('cases.safeHarbor.overrideHint')} rows={2} value={reason} onValueChange={setReason} error={problem} />
          <SubmitButton busy={busy} busyLabel={t('common.saving')} variant="danger">
            {t('cases.safeHarbor.override')}
          </SubmitButton>
        </form>
      ) : (
        <p className="small">{t('cases.safeHarbor.onlySupervisor')}</p>
      )}
    </div>
  );
}
