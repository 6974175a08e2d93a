import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyButton } from '../../components/CopyButton.tsx';

/** Recovery codes, shown once: the person keeps them somewhere safe before going on. */
export function RecoveryCodesPanel({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  // The button that asked for the codes is gone; bring focus (and a screen reader) to the codes.
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="card" aria-labelledby="recovery-codes-heading">
      <h2 id="recovery-codes-heading" ref={heading} tabIndex={-1}>{t('auth.recovery.title')}</h2>
      <p>{t('auth.recovery.explain')}</p>
      <p className="notice notice-warning">{t('auth.recovery.onlyOnce')}</p>
      <ol className="recovery-codes" data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="button-row">
        <CopyButton text={codes.join('\n')} label={t('auth.recovery.copyAll')} />
        <button type="button" className="button button-primary" onClick={onDone}>
          {t('auth.recovery.saved')}
        </button>
      </div>
    </section>
  );
}
