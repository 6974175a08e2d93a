import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusMessage } from '../../../components/StatusMessage.tsx';
import { describeError } from '../../../components/form/formErrors.ts';
import { formatDate } from '../../../components/format.ts';
import { caseRoleLabel, entityKindPlural, identifierKindLabel, suspectRoleLabel } from '../caseLabels.ts';
import { useRemoveEntity } from '../caseContentApi.ts';
import { ENTITY_KINDS, type CaseEntity } from '../caseTypes.ts';

/** A person's age as recorded: a date of birth, or an estimate and the day it was made. */
function personAge(t: TFunction, entity: CaseEntity['entity']): string | null {
  if (entity.birthDate) return t('cases.entities.born', { date: formatDate(entity.birthDate) });
  if (entity.estimatedAge !== null) return t('cases.entities.estimatedAge', { age: entity.estimatedAge, date: formatDate(entity.ageAsOf) });
  return null;
}

const VICTIM_BADGE: Record<string, string> = { potential_victim: 'badge badge-warn', confirmed_victim: 'badge badge-danger', suspect: 'badge badge-info' };

/** The case's entities by kind, each with its role and its identifiers as Haven normalized them. */
export function EntityList({ caseId, entities, canEdit }: { caseId: string; entities: CaseEntity[]; canEdit: boolean }) {
  const { t } = useTranslation();
  const remove = useRemoveEntity(caseId);
  const [status, setStatus] = useState<string | null>(null);

  const removeOne = (item: CaseEntity) => {
    if (remove.isPending) return;
    setStatus(null);
    remove.mutate(item.id, { onSuccess: () => setStatus(t('cases.entities.removed', { label: item.entity.label })), onError: (error) => setStatus(describeError(t, error)) });
  };

  if (entities.length === 0) return <p className="muted">{t('cases.entities.none')}</p>;
  return (
    <>
      <StatusMessage message={status} />
      {ENTITY_KINDS.map((kind) => {
        const group = entities.filter((item) => item.entity.kind === kind);
        if (group.length === 0) return null;
        return (
          <div key={kind} className="entity-group">
            <h3 id={`entities-${kind}`}>{t('cases.entities.group', { kind: entityKindPlural(t, kind), count: group.length })}</h3>
            <ul className="entity-list" aria-labelledby={`entities-${kind}`}>
              {group.map((item) => {
                const age = kind === 'person' ? personAge(t, item.entity) : null;
                return (
                  <li key={item.id} className="entity-item">
                    <div className="entity-head">
                      <strong className="entity-label">{item.entity.label}</strong>
                      {kind === 'person' && <span className={VICTIM_BADGE[item.role] ?? 'badge'}>{caseRoleLabel(t, item.role)}</span>}
                    </div>
                    {item.suspectRoles.length > 0 && <p className="small">{t('cases.entities.suspectRoles', { roles: item.suspectRoles.map((r) => suspectRoleLabel(t, r)).join(', ') })}</p>}
                    {age && <p className="small">{age}</p>}
                    {item.entity.identifiers.length > 0 && (
                      <ul className="tag-list identifier-list" aria-label={t('cases.entities.identifiers')}>
                        {item.entity.identifiers.map((identifier) => (
                          <li key={`${identifier.kind}:${identifier.value}`} className="tag">
                            {identifierKindLabel(t, identifier.kind)}: <code>{identifier.value}</code>
                          </li>
                        ))}
                      </ul>
                    )}
                    {item.note && <p className="small muted">{item.note}</p>}
                    {canEdit && (
                      <button type="button" className="button button-secondary button-small" onClick={() => removeOne(item)}>
                        {t('cases.entities.remove', { label: item.entity.label })}
                      </button>
                    )}
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
    </>
  );
}
