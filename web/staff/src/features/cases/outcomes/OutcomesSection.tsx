import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../components/format.ts';
import { jurisdictionLevelLabel, offenseLabel, outcomeTypeLabel } from '../caseLabels.ts';
import type { CaseEntity, Outcome } from '../caseTypes.ts';
import { OutcomeForm } from './OutcomeForm.tsx';

function outcomeFacts(t: ReturnType<typeof useTranslation>['t'], outcome: Outcome): string {
  return [
    outcome.offenseCategory ? offenseLabel(t, outcome.offenseCategory) : null,
    outcome.statute,
    outcome.jurisdictionLevel ? jurisdictionLevelLabel(t, outcome.jurisdictionLevel) : null,
    outcome.disposition,
    outcome.court,
    outcome.docketNumber,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** Justice outcomes per suspect, as federal task-force reporting asks: arrest, charge, prosecution, adjudication, sentence. */
export function OutcomesSection({ caseId, entities, outcomes, canEdit, canOverride }: { caseId: string; entities: CaseEntity[]; outcomes: Outcome[]; canEdit: boolean; canOverride: boolean }) {
  const { t } = useTranslation();
  const suspects = entities.filter((item) => item.role === 'suspect');
  const people = [...new Set(outcomes.map((o) => o.entityId))];
  return (
    <section className="card" aria-labelledby="case-outcomes-heading">
      <h2 id="case-outcomes-heading">{t('cases.outcomes.title')}</h2>
      <p className="hint">{t('cases.outcomes.hint')}</p>
      {outcomes.length === 0 && <p className="muted">{t('cases.outcomes.none')}</p>}
      {people.map((entityId) => {
        const theirs = outcomes.filter((o) => o.entityId === entityId);
        return (
          <div key={entityId} className="entity-group">
            <h3>{theirs[0]!.personLabel}</h3>
            <ul className="plain-list outcome-list">
              {theirs.map((outcome) => (
                <li key={outcome.id} className="outcome-item">
                  <strong>{outcomeTypeLabel(t, outcome.type)}</strong> · {formatDate(outcome.occurredOn)}
                  {outcomeFacts(t, outcome) && <span className="small"> · {outcomeFacts(t, outcome)}</span>}
                  {outcome.description && <p className="small">{outcome.description}</p>}
                  {outcome.safeHarborOverride && (
                    <p className="small notice notice-warning">{t('cases.outcomes.overridden', { name: outcome.safeHarborOverride.by, reason: outcome.safeHarborOverride.reason })}</p>
                  )}
                </li>
              ))}
            </ul>
          </div>
        );
      })}
      {canEdit && suspects.length > 0 && <OutcomeForm caseId={caseId} suspects={suspects} canOverride={canOverride} />}
      {canEdit && suspects.length === 0 && <p className="hint">{t('cases.outcomes.needSuspect')}</p>}
    </section>
  );
}
