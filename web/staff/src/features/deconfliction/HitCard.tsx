import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format.ts';
import { caseNumber, identifierKindLabel } from '../cases/caseLabels.ts';
import { DeconflictionNotice, matchedKindsText } from './DeconflictionNotice.tsx';
import { HitAnswerControls, HitAnswers } from './HitAnswer.tsx';
import type { Hit } from './deconflictionTypes.ts';

const STATUS_BADGE: Record<Hit['status'], string> = { open: 'badge badge-warn', shared: 'badge badge-ok', declined: 'badge badge-off' };

/** One hit: for a party, its own case and matched records and whom to call on the other side; for a coordinator, both sides. */
export function HitCard({ hit, canAnswer, headingLevel = 2 }: { hit: Hit; canAnswer: boolean; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const title = hit.mine ? t('deconfliction.hit.titleMine', { case: `${caseNumber(t, hit.mine.case.number)}: ${hit.mine.case.title}` }) : t('deconfliction.hit.titleParties', { kinds: matchedKindsText(t, hit.matchedKinds) });
  return (
    <article className="card hit-card" aria-labelledby={`hit-${hit.id}-heading`} id={`hit-${hit.id}`}>
      <Heading id={`hit-${hit.id}-heading`}>{title}</Heading>
      <p className="small">
        <span className={STATUS_BADGE[hit.status]}>{t(`deconfliction.status.${hit.status}`)}</span> · {t('deconfliction.hit.found', { when: formatDateTime(hit.createdAt) })}
        {hit.sharedAt && ` · ${t('deconfliction.hit.sharedAt', { when: formatDateTime(hit.sharedAt) })}`}
      </p>
      {hit.mine && hit.other && (
        <>
          <DeconflictionNotice agencyName={hit.other.agency.name} contact={hit.other.pointOfContact} matchedKinds={hit.matchedKinds}>
            <HitAnswers hit={hit} />
          </DeconflictionNotice>
          <h3 className="small-heading">{t('deconfliction.hit.yourRecords')}</h3>
          <ul className="plain-list hit-matches">
            {hit.mine.matches.map((match) => (
              <li key={`${match.kind}:${match.entityId}`}>
                {identifierKindLabel(t, match.kind)}: <strong>{match.label}</strong>
              </li>
            ))}
          </ul>
          <p>
            <Link to={`/cases/${hit.mine.case.id}`}>{t('deconfliction.hit.openCase', { number: hit.mine.case.number })}</Link>
          </p>
          {canAnswer && <HitAnswerControls hit={hit} />}
        </>
      )}
      {hit.parties && (
        <ul className="plain-list hit-parties">
          {hit.parties.map((party) => (
            <li key={party.case.id}>
              <strong>{party.agency.name}</strong>: {caseNumber(t, party.case.number)}: {party.case.title} ·{' '}
              {party.answer ? t(`deconfliction.answers.party.${party.answer.answer}`) : t('deconfliction.answers.party.none')}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
