import type { z } from 'zod';
import type { FieldProblem } from '../../platform/errors.ts';
import { reportInput, type ReportInput } from '../tips/tips.schema.ts';

export type FormValues = Record<string, string>;

export const PERSON_ROWS = 3;
export const VEHICLE_ROWS = 2;

const lines = (text: string | undefined) => (text ?? '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
const blankToNull = (v: string | undefined) => (v && v.trim() ? v.trim() : null);

/** Turns the plain HTML form (which works without JavaScript) into a validated report, or the problems per field. */
export function parseReportForm(values: FormValues, locale: 'en' | 'es'): { report: ReportInput } | { problems: FieldProblem[] } {
  const people = Array.from({ length: PERSON_ROWS }, (_, i) => ({ description: values[`p${i + 1}_desc`]?.trim() ?? '', age: values[`p${i + 1}_age`]?.trim() ?? '' }))
    .filter((p) => p.description || p.age)
    .map((p) => ({ description: p.description, approxAge: p.age ? Number(p.age) : null }));
  const vehicles = Array.from({ length: VEHICLE_ROWS }, (_, i) => ({ plate: blankToNull(values[`v${i + 1}_plate`]), state: blankToNull(values[`v${i + 1}_state`]), description: blankToNull(values[`v${i + 1}_desc`]) }))
    .filter((v) => v.plate || v.state || v.description);
  const share = values.contact_choice === 'share';
  const candidate = {
    concernType: values.concern || undefined,
    narrative: values.narrative,
    locationAddress: values.address,
    locationCity: values.city,
    locationZip: values.zip,
    businessName: values.business,
    occurredOn: blankToNull(values.occurred_on),
    occurredText: values.occurred_text,
    people,
    vehicles,
    phones: lines(values.phones),
    emails: lines(values.emails),
    online: lines(values.online),
    immediateDanger: values.danger === 'yes',
    heardVia: blankToNull(values.heard),
    campaignCode: blankToNull(values.c),
    language: locale,
    contact: share ? { name: values.contact_name, phone: values.contact_phone, email: values.contact_email, safeTimes: values.contact_safe } : null,
  };
  const parsed = reportInput.safeParse(candidate);
  if (parsed.success) return { report: parsed.data };
  return { problems: parsed.error.issues.map((issue) => ({ path: formFieldFor(issue), message: issue.message })) };
}

const FIELD_OF: Record<string, string> = {
  concernType: 'concern', narrative: 'narrative', locationAddress: 'address', locationCity: 'city', locationZip: 'zip', businessName: 'business',
  occurredOn: 'occurred_on', occurredText: 'occurred_text', phones: 'phones', emails: 'emails', online: 'online', heardVia: 'heard', campaignCode: 'c',
};

function formFieldFor(issue: z.core.$ZodIssue): string {
  const [head, index, leaf] = issue.path.map(String);
  if (head === 'people') return `p${Number(index) + 1}_${leaf === 'approxAge' ? 'age' : 'desc'}`;
  if (head === 'vehicles') return `v${Number(index) + 1}_${leaf === 'description' ? 'desc' : leaf ?? 'plate'}`;
  if (head === 'contact') return `contact_${leaf === 'safeTimes' ? 'safe' : leaf ?? 'name'}`;
  return FIELD_OF[head ?? ''] ?? head ?? 'form';
}
