import { useEffect, useRef } from 'react';
import { Link } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { caseKey } from '../cases/casesApi.ts';
import { DeconflictionNotice } from './DeconflictionNotice.tsx';
import { HitAnswerControls, HitAnswers } from './HitAnswer.tsx';
import { useHits } from './deconflictionApi.ts';

/**
 * The case's deconfliction hits, asked for every few seconds while the page is open: the investigator on the
 * other side of a new hit sees the warning within seconds, without reloading.
 */
export function CaseHits({ caseId, canAnswer }: { caseId: string; canAnswer: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const hits = useHits({ caseId, poll: true });
  const mine = (hits.data ?? []).filter((hit) => hit.mine?.case.id === caseId);
  const open = mine.filter((hit) => hit.status === 'open');
  const settled = mine.filter((hit) => hit.status !== 'open');

  // Once both sides agree the case gains a partner: ask for the case again when a hit's state moves.
  const signature = mine.map((hit) => `${hit.id}:${hit.status}`).join(',');
  const seen = useRef(signature);
  useEffect(() => {
    if (seen.current !== signature) void client.invalidateQueries({ queryKey: caseKey(caseId) });
    seen.current = signature;
  }, [signature, caseId, client]);

  if (mine.length === 0) return null;
  return (
    <section className="case-hits" aria-labelledby="case-hits-heading" aria-live="polite">
      <h2 id="case-hits-heading" className="visually-hidden">
        {t('deconfliction.caseHits.title')}
      </h2>
      {open.map((hit) =>
        hit.other ? (
          <DeconflictionNotice key={hit.id} agencyName={hit.other.agency.name} contact={hit.other.pointOfContact} matchedKinds={hit.matchedKinds}>
            <HitAnswers hit={hit} />
            {canAnswer && <HitAnswerControls hit={hit} />}
            <p className="standalone-link">
              <Link to={`/deconfliction/${hit.id}`}>{t('deconfliction.caseHits.open', { agency: hit.other.agency.name })}</Link>
            </p>
          </DeconflictionNotice>
        ) : null,
      )}
      {settled.length > 0 && (
        <ul className="plain-list hit-settled standalone-link">
          {settled.map((hit) => (
            <li key={hit.id}>
              <Link to={`/deconfliction/${hit.id}`}>
                {hit.status === 'shared' ? t('deconfliction.caseHits.shared', { agency: hit.other?.agency.name ?? '' }) : t('deconfliction.caseHits.declined', { agency: hit.other?.agency.name ?? '' })}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
