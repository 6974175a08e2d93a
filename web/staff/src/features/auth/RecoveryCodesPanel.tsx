import { useTranslation } from 'react-i18next';
import { CopyButton } from '../../components/CopyButton.tsx';

/** Recovery codes, shown once: the person keeps them somewhere safe before going on. */
export function RecoveryCodesPanel({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="recovery-codes-heading">
      <h2 id="recovery-codes-heading">{t('auth.recovery.title')}</h2>
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
