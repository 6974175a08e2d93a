import type { ReactNode } from 'react';
import { Link, useLocation, useParams, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { Page } from '../../components/Page.tsx';
import { Loading, LoadError } from '../../components/Loading.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { formatDateTime } from '../../components/format.ts';
import { NotFoundPage } from '../layout/NotFoundPage.tsx';
import { CapacityPanel } from './CapacityPanel.tsx';
import { DirectoryNav } from './DirectoryNav.tsx';
import { InquiryForm } from './InquiryForm.tsx';
import { LocationPanel } from './LocationPanel.tsx';
import { accessibilityLabel, costLabel, dayLabel, eligibilitySummary, hoursText, immigrationLabel, languageName, serviceTypeLabel } from './directoryLabels.ts';
import { useProvider } from './directoryApi.ts';
import type { ProviderDetail } from './directoryTypes.ts';

export function ProviderPage() {
  const { providerId = '' } = useParams();
  return <ProviderView key={providerId} providerId={providerId} />;
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function About({ provider }: { provider: ProviderDetail }) {
  const { t } = useTranslation();
  const none = <span className="muted">{t('directory.notGiven')}</span>;
  return (
    <section className="card" aria-labelledby="about-heading">
      <h2 id="about-heading">{t('directory.detail.about')}</h2>
      {provider.description && <p className="narrative">{provider.description}</p>}
      <dl className="details">
        <Fact label={t('directory.fields.services')}>
          <ul className="tag-list">
            {provider.serviceTypes.map((s) => (
              <li key={s} className="tag">
                {serviceTypeLabel(t, s)}
              </li>
            ))}
          </ul>
        </Fact>
        <Fact label={t('directory.fields.languages')}>{provider.languages.length ? provider.languages.map(languageName).join(', ') : none}</Fact>
        <Fact label={t('directory.fields.serves')}>{eligibilitySummary(t, provider)}</Fact>
        <Fact label={t('directory.fields.immigration')}>{immigrationLabel(t, provider.immigrationRequirement)}</Fact>
        <Fact label={t('directory.fields.cost')}>
          {costLabel(t, provider.cost)}
          {provider.costNotes && <span className="muted"> · {provider.costNotes}</span>}
        </Fact>
        <Fact label={t('directory.fields.hours')}>
          {provider.open24Hours || provider.hours.length ? hoursText(t, provider.open24Hours, provider.hours) : none}
          {provider.hoursNotes && <div className="small">{provider.hoursNotes}</div>}
          {provider.openNow !== null && <div className="small">{provider.openNow ? t('directory.openNow') : t('directory.closedNow')}</div>}
        </Fact>
        <Fact label={t('directory.fields.accessibility')}>
          {provider.accessibility.length ? provider.accessibility.map((a) => accessibilityLabel(t, a)).join(', ') : none}
          {provider.accessibilityNotes && <div className="small">{provider.accessibilityNotes}</div>}
        </Fact>
        {provider.eligibilityNotes && <Fact label={t('directory.fields.eligibilityNotes')}>{provider.eligibilityNotes}</Fact>}
        <Fact label={t('directory.fields.intake')}>{provider.intakeProcess ?? none}</Fact>
        <Fact label={t('directory.fields.email')}>{provider.email ? <a href={`mailto:${provider.email}`}>{provider.email}</a> : none}</Fact>
        <Fact label={t('directory.fields.website')}>
          {provider.website ? (
            <a href={provider.website} rel="noopener noreferrer" target="_blank">
              {provider.website}
            </a>
          ) : (
            none
          )}
        </Fact>
        <Fact label={t('directory.fields.keptBy')}>{provider.linkedAgency ? provider.linkedAgency.name : t('directory.detail.keptByTaskForce')}</Fact>
        <Fact label={t('directory.fields.updated')}>{formatDateTime(provider.updatedAt)}</Fact>
      </dl>
    </section>
  );
}

function HubSessions({ provider }: { provider: ProviderDetail }) {
  const { t } = useTranslation();
  if (provider.hubSessions.length === 0) return null;
  return (
    <section className="card" aria-labelledby="hubs-heading">
      <h2 id="hubs-heading">{t('directory.detail.atHubs')}</h2>
      <ul className="plain-list">
        {provider.hubSessions.map((s) => (
          <li key={s.id}>
            <Link to={`/directory/hubs/${s.hub.id}`}>{s.hub.name}</Link>: {serviceTypeLabel(t, s.serviceType)}, {s.days.map((d) => dayLabel(t, d)).join(', ')} {s.opens}–{s.closes}
          </li>
        ))}
      </ul>
    </section>
  );
}

function ProviderView({ providerId }: { providerId: string }) {
  const { t } = useTranslation();
  const provider = useProvider(providerId);
  const [params] = useSearchParams();
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  if (provider.error instanceof ApiError && provider.error.status === 404) return <NotFoundPage />;
  const data = provider.data;
  return (
    <Page
      back={{ to: '/directory/providers', label: t('directory.detail.back') }}
      title={data ? data.name : t('directory.detail.title')}
      lead={data ? data.organizationName : undefined}
      actions={
        data?.abilities.edit && (
          <Link className="button button-secondary" to={`/directory/providers/${data.id}/edit`}>
            {t('directory.detail.edit')}
          </Link>
        )
      }
    >
      <DirectoryNav />
      {provider.isPending && <Loading />}
      {provider.isError && <LoadError error={provider.error} />}
      {data && (
        <>
          <StatusMessage message={notice === 'created' ? t('directory.editor.created') : notice === 'saved' ? t('common.saved') : null} />
          <div className="provider-flags provider-flags-page">
            {data.status === 'inactive' && <span className="badge badge-off">{t('directory.inactive')}</span>}
            {data.confidentialLocation && <span className="badge badge-info">{t('directory.confidential.badge')}</span>}
          </div>
          <div className="detail-layout">
            <div className="detail-main">
              <About provider={data} />
              <HubSessions provider={data} />
            </div>
            <div className="detail-side">
              <CapacityPanel provider={data} />
              <LocationPanel provider={data} />
              {data.abilities.refer && <InquiryForm provider={data} initialService={params.get('ask')} initialAge={params.get('age')} initialLanguage={params.get('language')} />}
            </div>
          </div>
        </>
      )}
    </Page>
  );
}
