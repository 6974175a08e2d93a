import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format.ts';
import { contactLine } from '../deconfliction/DeconflictionNotice.tsx';
import { CaseCounts } from './CaseBadges.tsx';
import { traffickingLabel } from './caseLabels.ts';
import type { Case } from './caseTypes.ts';

/** What every level from `summary` up sees: lead agency, type, counts, whom to call; and from `read` the summary. */
export function CaseOverview({ kase }: { kase: Case }) {
  const { t } = useTranslation();
  const detail = kase.detail;
  const contact = kase.pointOfContact;
  return (
    <section className="card case-overview" aria-labelledby="case-overview-heading">
      <h2 id="case-overview-heading">{t('cases.overview.title')}</h2>
      <dl className="details case-facts">
        <div>
          <dt>{t('cases.fields.leadAgency')}</dt>
          <dd>{kase.leadAgency.name}</dd>
        </div>
        <div>
          <dt>{t('cases.fields.traffickingType')}</dt>
          <dd>{traffickingLabel(t, kase.traffickingType)}</dd>
        </div>
        <div>
          <dt>{t('cases.fields.counts')}</dt>
          <dd>
            <CaseCounts counts={kase.counts} />
          </dd>
        </div>
        <div>
          <dt>{t('cases.fields.pointOfContact')}</dt>
          <dd data-testid="case-point-of-contact">{contact ? `${contactLine(contact)} (${contact.agencyName})` : t('cases.overview.noContact')}</dd>
        </div>
        <div>
          <dt>{t('cases.fields.updated')}</dt>
          <dd>{formatDateTime(kase.updatedAt)}</dd>
        </div>
        {detail && detail.jurisdictions.length > 0 && (
          <div>
            <dt>{t('cases.fields.jurisdictions')}</dt>
            <dd>{detail.jurisdictions.join(', ')}</dd>
          </div>
        )}
        {detail?.agencyReference && (
          <div>
            <dt>{t('cases.fields.agencyReference')}</dt>
            <dd>{detail.agencyReference}</dd>
          </div>
        )}
        {detail?.sourceTip && (
          <div>
            <dt>{t('cases.fields.sourceTip')}</dt>
            <dd>
              <Link to={`/tips/${detail.sourceTip.id}`}>{t('tips.number', { number: detail.sourceTip.number })}</Link>
            </dd>
          </div>
        )}
        {detail?.closedReason && (
          <div>
            <dt>{kase.status === 'referred' ? t('cases.fields.referred') : t('cases.fields.closedReason')}</dt>
            <dd>{[detail.referredTo, detail.closedReason].filter(Boolean).join(': ')}</dd>
          </div>
        )}
      </dl>
      {detail ? (
        <>
          <h3>{t('cases.fields.summary')}</h3>
          {detail.summary ? <p className="narrative">{detail.summary}</p> : <p className="muted">{t('cases.overview.noSummary')}</p>}
        </>
      ) : (
        <p className="notice">{t('cases.overview.summaryOnly')}</p>
      )}
    </section>
  );
}
