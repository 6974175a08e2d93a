import type { TFunction } from 'i18next';
import type { OutcomeType } from '../caseTypes.ts';

/** The outcome form as typed; only the fields that belong to the chosen type are sent. */
export interface OutcomeDraft {
  suspect: string;
  type: OutcomeType;
  occurredOn: string;
  conductOn: string;
  offenseCategory: string;
  statute: string;
  jurisdictionLevel: string;
  description: string;
  disposition: string;
  court: string;
  docketNumber: string;
  incarcerationMonths: string;
  probationMonths: string;
  fineAmount: string;
  restitutionAmount: string;
}

export const EMPTY_OUTCOME: OutcomeDraft = {
  suspect: '', type: 'arrest', occurredOn: '', conductOn: '', offenseCategory: '', statute: '', jurisdictionLevel: '', description: '', disposition: '', court: '', docketNumber: '',
  incarcerationMonths: '', probationMonths: '', fineAmount: '', restitutionAmount: '',
};

/** Arrests and charges say what they are for; that is also what the Safe Harbor guard looks at. */
export const needsOffense = (type: OutcomeType) => type === 'arrest' || type === 'charge';
export const hasDisposition = (type: OutcomeType) => type === 'prosecution' || type === 'adjudication';
export const hasCourt = (type: OutcomeType) => type !== 'arrest';

const text = (value: string) => value.trim() || undefined;
const amount = (value: string) => (value.trim() ? Number(value.trim()) : undefined);

export function toOutcomeInput(d: OutcomeDraft, entityId: string, override: string | null): Record<string, unknown> {
  return {
    entityId,
    type: d.type,
    occurredOn: d.occurredOn,
    conductOn: text(d.conductOn),
    offenseCategory: text(d.offenseCategory),
    statute: text(d.statute),
    jurisdictionLevel: text(d.jurisdictionLevel),
    description: text(d.description),
    disposition: hasDisposition(d.type) ? text(d.disposition) : undefined,
    court: hasCourt(d.type) ? text(d.court) : undefined,
    docketNumber: hasCourt(d.type) ? text(d.docketNumber) : undefined,
    sentence:
      d.type === 'sentence'
        ? { incarcerationMonths: amount(d.incarcerationMonths), probationMonths: amount(d.probationMonths), fineAmount: amount(d.fineAmount), restitutionAmount: amount(d.restitutionAmount) }
        : undefined,
    safeHarborOverride: override ? { reason: override } : undefined,
  };
}

export function outcomeProblems(t: TFunction, d: OutcomeDraft): Record<string, string | undefined> {
  const amountProblem = (value: string) => (value.trim() && !(Number(value) >= 0) ? t('cases.outcomes.amountInvalid') : undefined);
  return {
    'body.entityId': d.suspect ? undefined : t('cases.outcomes.chooseSuspect'),
    'body.occurredOn': d.occurredOn ? undefined : t('cases.outcomes.dateRequired'),
    'body.offenseCategory': needsOffense(d.type) && !d.offenseCategory ? t('cases.outcomes.offenseRequired') : undefined,
    'body.sentence.incarcerationMonths': amountProblem(d.incarcerationMonths),
    'body.sentence.probationMonths': amountProblem(d.probationMonths),
    'body.sentence.fineAmount': amountProblem(d.fineAmount),
    'body.sentence.restitutionAmount': amountProblem(d.restitutionAmount),
  };
}
