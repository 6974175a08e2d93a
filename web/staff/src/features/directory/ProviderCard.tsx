import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { CapacityBadges } from './CapacityBadges.tsx';
import { distanceText, eligibilitySummary, languageName, serviceTypeLabel } from './directoryLabels.ts';
import type { SearchResult } from './directoryTypes.ts';

/** One provider in a search result: what a referrer needs to decide whether to call or ask. */
/** `carry` is what the referrer already said in the search (age, language), handed on to the inquiry form. */
export function ProviderCard({ provider, need, canRefer, carry = {} }: { provider: SearchResult; need: string; canRefer: boolean; carry?: Record<string, string> }) {
  const { t } = useTranslation();
  const headingId = `provider-${provider.id}-name`;
  const distance = distanceText(t, provider.distanceKm, provider.distanceApproximate);
  const place = [provider.area, provider.city, provider.state].filter(Boolean).join(', ');
  const askFor = need && provider.serviceTypes.includes(need as never) ? need : provider.serviceTypes[0];
  const inquiryQuery = new URLSearchParams({ ask: askFor ?? '', ...Object.fromEntries(Object.entries(carry).filter(([, v]) => v)) }).toString();
  return (
    <article className="card provider-card" aria-labelledby={headingId}>
      <div className="provider-card-head">
        <div>
          <h3 id={headingId} className="provider-name">
            <Link to={`/directory/providers/${provider.id}`}>{provider.name}</Link>
          </h3>
          <p className="muted provider-org">{provider.organizationName}</p>
        </div>
        <div className="provider-flags">
          {provider.openNow === true && <span className="badge badge-ok">{t('directory.openNow')}</span>}
          {provider.confidentialLocation && <span className="badge badge-info">{t('directory.confidential.badge')}</span>}
        </div>
      </div>
      <CapacityBadges capacity={provider.capacity} highlight={need} />
      <dl className="details details-compact">
        <div>
          <dt>{t('directory.fields.services')}</dt>
          <dd>{provider.serviceTypes.map((s) => serviceTypeLabel(t, s)).join(', ')}</dd>
        </div>
        <div>
          <dt>{t('directory.fields.languages')}</dt>
          <dd>{provider.languages.length ? provider.languages.map(languageName).join(', ') : <span className="muted">{t('directory.notGiven')}</span>}</dd>
        </div>
        <div>
          <dt>{t('directory.fields.serves')}</dt>
          <dd>{eligibilitySummary(t, provider)}</dd>
        </div>
        <div>
          <dt>{t('directory.fields.where')}</dt>
          <dd>
            {place || <span className="muted">{t('directory.notGiven')}</span>}
            {distance && <span className="provider-distance"> · {distance}</span>}
          </dd>
        </div>
        <div>
          <dt>{t('directory.fields.phone')}</dt>
          <dd>{provider.phone ? <a href={`tel:${provider.phone.replace(/[^\d+]/g, '')}`}>{provider.phone}</a> : <span className="muted">{t('directory.notGiven')}</span>}</dd>
        </div>
      </dl>
      <div className="button-row">
        {canRefer && provider.linkedAgency && askFor && (
          <Link className="button button-primary button-small" to={`/directory/providers/${provider.id}?${inquiryQuery}#inquiry`}>
            {t('directory.search.startInquiry')}
            <span className="visually-hidden"> {t('directory.search.startInquiryAt', { name: provider.name })}</span>
          </Link>
        )}
        <Link className="button button-secondary button-small" to={`/directory/providers/${provider.id}`}>
          {t('directory.search.details')}
          <span className="visually-hidden"> {provider.name}</span>
        </Link>
      </div>
    </article>
  );
}
