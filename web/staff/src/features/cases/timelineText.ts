import type { TFunction } from 'i18next';
import { formatDate } from '../../components/format.ts';
import { accessLabel, caseRoleLabel, caseStatusLabel, entityKindLabel, identifierKindLabel, linkTypeLabel, offenseLabel, outcomeTypeLabel, taskStatusLabel } from './caseLabels.ts';
import type { TimelineEvent } from './caseTypes.ts';

const str = (value: unknown) => (value === null || value === undefined ? '' : String(value));

/** The values each kind's sentence needs, with codes turned into words. */
function valuesOf(t: TFunction, data: Record<string, unknown>): Record<string, string> {
  return {
    number: str(data.number),
    title: str(data.title),
    tipNumber: str(data.tipNumber),
    fields: Array.isArray(data.fields) ? data.fields.map((field) => t(`cases.timeline.fields.${String(field)}`, { defaultValue: String(field) })).join(', ') : '',
    from: str(data.from),
    to: str(data.to),
    fromStatus: caseStatusLabel(t, str(data.from)),
    toStatus: caseStatusLabel(t, str(data.to)),
    fromRole: caseRoleLabel(t, str(data.from)),
    toRole: caseRoleLabel(t, str(data.to)),
    fromTask: taskStatusLabel(t, str(data.from)),
    toTask: taskStatusLabel(t, str(data.to)),
    reason: str(data.reason),
    agency: str(data.agencyName ?? data.otherAgencyName),
    level: accessLabel(t, str(data.level)),
    name: str(data.name),
    assignmentRole: data.role === 'lead' || data.role === 'member' ? t(`cases.assignments.roles.${data.role}`) : '',
    kind: entityKindLabel(t, str(data.entityKind)),
    label: str(data.label),
    role: caseRoleLabel(t, str(data.role)),
    linkType: linkTypeLabel(t, str(data.type)),
    dueOn: data.dueOn ? formatDate(str(data.dueOn)) : '',
    excerpt: str(data.excerpt),
    outcomeType: outcomeTypeLabel(t, str(data.type)),
    offense: data.offenseCategory ? offenseLabel(t, str(data.offenseCategory)) : '',
    occurredOn: data.occurredOn ? formatDate(str(data.occurredOn)) : '',
    matchedKind: identifierKindLabel(t, str(data.matchedKind)),
    entities: str(data.entities),
    documents: str(data.documents),
  };
}

/** One timeline entry as a sentence; kinds the app does not know yet are still listed by their code. */
export function timelineText(t: TFunction, event: TimelineEvent): string {
  const values = valuesOf(t, event.data);
  let key = `cases.timeline.kinds.${event.kind}`;
  // A few kinds read differently with or without an optional part.
  if (event.kind === 'case.status_changed' && values.reason) key += 'WithReason';
  if (event.kind === 'task.added' && values.dueOn) key += 'WithDue';
  if (event.kind === 'case.created' && values.tipNumber) key += 'FromTip';
  return t(key, { ...values, defaultValue: t('cases.timeline.kinds.other', { kind: event.kind }) });
}
