import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { StatusBadge } from './TipFlags.tsx';
import type { TipDetail } from './tipTypes.ts';

/** Other tips that share a phone, email, link, plate or address with this one (only those the reader may see). */
export function RelatedTips({ tip }: { tip: TipDetail }) {
  const { t } = useTranslation();
  if (tip.related.length === 0) return null;
  return (
    <section className="card" aria-labelledby="tip-related-heading">
      <h2 id="tip-related-heading">{t('tips.related.title')}</h2>
      <ul className="plain-list">
        {tip.related.map((other) => (
          <li key={other.id} className="related-item">
            <Link to={`/tips/${other.id}`}>{t('tips.number', { number: other.number })}</Link> <StatusBadge status={other.status} />{' '}
            <span className="muted small">{t('tips.related.matchedOn', { kinds: other.matchedOn.map((kind) => t(`tips.identifier.${kind}`, { defaultValue: kind })).join(', ') })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function MergedNotice({ tip }: { tip: TipDetail }) {
  const { t } = useTranslation();
  if (!tip.mergedIntoId) return null;
  return (
    <p className="notice">
      {t('tips.merge.mergedInto')} <Link to={`/tips/${tip.mergedIntoId}`}>{t('tips.merge.openSurvivor')}</Link>
    </p>
  );
}
