import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/Loading.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useRevealLocation } from './directoryApi.ts';
import type { ProviderDetail } from './directoryTypes.ts';

function AddressLines({ lines }: { lines: Array<string | null> }) {
  const shown = lines.filter(Boolean);
  return (
    <address className="address">
      {shown.map((line, i) => (
        <span key={i}>
          {line}
          {i < shown.length - 1 && <br />}
        </span>
      ))}
    </address>
  );
}

/**
 * Where the provider is. A confidential location shows its area and phone only; the staff of the agency that
 * runs it may ask for the address on purpose, and each look is written to the audit trail (decision 007).
 */
export function LocationPanel({ provider }: { provider: ProviderDetail }) {
  const { t } = useTranslation();
  const reveal = useRevealLocation(provider.id);
  const place = [provider.city, provider.state].filter(Boolean).join(', ');
  return (
    <section className="card" aria-labelledby="location-heading">
      <h2 id="location-heading">{t('directory.location.title')}</h2>
      <dl className="details details-stacked">
        <div>
          <dt>{t('directory.fields.area')}</dt>
          <dd>{[provider.area, place].filter(Boolean).join(' · ') || <span className="muted">{t('directory.notGiven')}</span>}</dd>
        </div>
        <div>
          <dt>{t('directory.fields.phone')}</dt>
          <dd>{provider.phone ? <a href={`tel:${provider.phone.replace(/[^\d+]/g, '')}`}>{provider.phone}</a> : <span className="muted">{t('directory.notGiven')}</span>}</dd>
        </div>
        {!provider.confidentialLocation && provider.location && (
          <div>
            <dt>{t('directory.fields.address')}</dt>
            <dd>{provider.location.address1 ? <AddressLines lines={[provider.location.address1, provider.location.address2, [place, provider.location.postalCode].filter(Boolean).join(' ')]} /> : <span className="muted">{t('directory.notGiven')}</span>}</dd>
          </div>
        )}
      </dl>
      {provider.confidentialLocation && (
        <div className="confidential-note">
          <p className="notice">{t('directory.confidential.explain')}</p>
          <StatusMessage message={reveal.isSuccess ? t('directory.confidential.recorded') : null} takeFocus />
          {reveal.isSuccess ? (
            <div data-testid="confidential-address">
              <AddressLines lines={[reveal.data.address1, reveal.data.address2, [reveal.data.city, reveal.data.state, reveal.data.postalCode].filter(Boolean).join(' ')]} />
              {!reveal.data.address1 && <p className="muted">{t('directory.confidential.noneOnFile')}</p>}
            </div>
          ) : provider.abilities.seeLocation ? (
            <>
              <p className="hint">{t('directory.confidential.askExplain')}</p>
              <button type="button" className="button button-secondary" onClick={() => !reveal.isPending && reveal.mutate()} aria-disabled={reveal.isPending || undefined}>
                {reveal.isPending ? t('common.loading') : t('directory.confidential.show')}
              </button>
            </>
          ) : (
            <p className="muted">{provider.addressOnFile ? t('directory.confidential.onFile') : t('directory.confidential.noneOnFile')}</p>
          )}
          {reveal.isError && <LoadError error={reveal.error} />}
        </div>
      )}
    </section>
  );
}
