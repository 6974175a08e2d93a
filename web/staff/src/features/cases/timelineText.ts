import type { TFunction } from 'i18next';
import { formatDate } from '../../components/format.ts';
import { accessInSentence, caseRoleLabel, caseStatusLabel, entityKindLabel, identifierKindLabel, linkTypeLabel, offenseLabel, outcomeTypeLabel, taskStatusLabel } from './caseLabels.ts';
import type { TimelineEvent } from './caseTypes.ts';

type Label = (t: TFunction, code: string) => string;

const str = (value: unknown) => (value === null || value === undefined ? '' : String(value));

/**
 * The values each kind's sentence needs, with its codes turned into words. Codes are looked up only in the
 * catalog they belong to: a `from` is a status for a case, a role for an entity, a status for a task.
 */
function valuesOf(t: TFunction, event: TimelineEvent): Record<string, string> {
  const data = event.data;
  const named = (label: Label, value: unknown) => (str(value) ? label(t, str(value)) : '');
  const family = event.kind.split('.')[0];
  const transition: Label | null = event.kind === 'case.status_changed' ? caseStatusLabel : event.kind === 'entity.role_changed' ? caseRoleLabel : event.kind === 'task.status_changed' ? taskStatusLabel : null;
  return {
    number: str(data.number),
    title: str(data.title),
    tipNumber: str(data.tipNumber),
    fields: Array.isArray(data.fields) ? data.fields.map((field) => t(`cases.timeline.fields.${String(field)}`, { defaultValue: String(field) })).join(', ') : '',
    from: transition ? named(transition, data.from) : str(data.from),
    to: transition ? named(transition, data.to) : str(data.to),
    reason: str(data.reason),
    agency: str(data.agencyName ?? data.otherAgencyName),
    level: named(accessInSentence, data.level),
    name: str(data.name),
    assignmentRole: family === 'assignment' ? named((tt, code) => tt(`cases.assignments.roles.${code}`), data.role) : '',
    kind: named(entityKindLabel, data.entityKind),
    label: str(data.label),
    role: family === 'entity' ? named(caseRoleLabel, data.role) : '',
    linkType: family === 'link' ? named(linkTypeLabel, data.type) : '',
    dueOn: data.dueOn ? formatDate(str(data.dueOn)) : '',
    excerpt: str(data.excerpt),
    outcomeType: family === 'outcome' ? named(outcomeTypeLabel, data.type) : '',
    offense: named(offenseLabel, data.offenseCategory),
    occurredOn: data.occurredOn ? formatDate(str(data.occurredOn)) : '',
    matchedKind: named(identifierKindLabel, data.matchedKind),
    entities: str(data.entities),
    documents: str(data.documents),
  };
}

/** One timeline entry as a sentence; kinds the app does not know yet are still listed by their code. */
export function timelineText(t: TFunction, event: TimelineEvent): string {
  const values = valuesOf(t, event);
  let key = `cases.timeline.kinds.${event.kind}`;
  // A few kinds read differently with or without an optional part.
  if (event.kind === 'case.status_changed' && values.reason) key += 'WithReason';
  if (event.kind === 'task.added' && values.dueOn) key += 'WithDue';
  if (event.kind === 'case.created' && values.tipNumber) key += 'FromTip';
  if (event.kind === 'entity.added' && event.data.role === 'involved') key += 'Involved';
  return t(key, { ...values, defaultValue: t('cases.timeline.kinds.other', { kind: event.kind }) });
}
