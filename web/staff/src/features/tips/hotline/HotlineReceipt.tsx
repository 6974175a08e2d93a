import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { CopyButton } from '../../../components/CopyButton.tsx';
import type { TipDetail } from '../tipTypes.ts';

/**
 * The caller's receipt, shown once and never again: Haven keeps only a keyed hash of it. The public site is
 * served by the same Haven server as this app, so its follow-up page lives at this origin.
 */
export function HotlineReceipt({ tip, receipt }: { tip: TipDetail; receipt: string }) {
  const { t } = useTranslation();
  const followUpUrl = `${window.location.origin}/follow-up`;
  return (
    <section className="card receipt-panel" aria-labelledby="receipt-heading">
      <h2 id="receipt-heading">{t('tips.hotline.receiptTitle')}</h2>
      <p className="receipt-code" data-testid="hotline-receipt">
        {receipt}
      </p>
      <p className="notice notice-warning">{t('tips.hotline.readReceipt', { url: followUpUrl })}</p>
      <p>{t('tips.hotline.receiptOnce')}</p>
      <div className="button-row">
        <CopyButton text={receipt} label={t('tips.hotline.copyReceipt')} />
        <Link to={`/tips/${tip.id}`} className="button button-primary">
          {t('tips.hotline.openTip', { number: tip.number })}
        </Link>
      </div>
    </section>
  );
}
