import { z } from 'zod';
import { caseEntityView } from '../entities/entities.schema.ts';

export const TRAFFICKING_TYPES = ['sex', 'labor', 'both', 'unknown'] as const;
export const CASE_STATUSES = ['open', 'active', 'closed', 'referred'] as const;
export const PARTNER_LEVELS = ['summary', 'read', 'edit'] as const;
/** What the caller may do with a case: from the list only (coordinators) to owning it (the lead agency). */
export const CASE_ACCESS = ['list', 'summary', 'read', 'edit', 'owner'] as const;
export type CaseAccess = (typeof CASE_ACCESS)[number];

const text = (max: number) => z.string().trim().max(max, `Keep this under ${max} characters.`);
const optionalText = (max: number) => text(max).nullish().transform((v) => (v ? v : null));
const jurisdictions = z.array(text(120).min(1)).max(20, 'List at most 20 jurisdictions.').transform((items) => [...new Set(items)]);

export const caseIdParams = z.object({ id: z.uuid('That is not a valid case id.') });

export const caseInput = z.object({
  title: text(200).min(3, 'Give the case a title of at least 3 characters.'),
  traffickingType: z.enum(TRAFFICKING_TYPES, { message: 'Choose sex, labor, both or unknown.' }),
  summary: optionalText(20_000),
  agencyReference: optionalText(60),
  jurisdictions: jurisdictions.default([]),
  /** A person of the lead agency who leads the case; the creator when not given. */
  leadUserId: z.uuid().nullish(),
});

export const casePatch = z
  .object({
    title: text(200).min(3, 'Give the case a title of at least 3 characters.').optional(),
    traffickingType: z.enum(TRAFFICKING_TYPES).optional(),
    status: z.enum(CASE_STATUSES).optional(),
    closedReason: text(500).min(3, 'Say in a few words why.').optional(),
    referredTo: text(200).min(2).optional(),
    summary: optionalText(20_000).optional(),
    agencyReference: optionalText(60).optional(),
    jurisdictions: jurisdictions.optional(),
    unnamedVictims: z
      .object({ potential: z.number().int().min(0).max(10_000), confirmed: z.number().int().min(0).max(10_000) })
      .optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'Send at least one field to change.' })
  .refine((v) => !['closed', 'referred'].includes(v.status ?? '') || Boolean(v.closedReason), { message: 'Say why the case is closed or referred.', path: ['closedReason'] })
  .refine((v) => v.status !== 'referred' || Boolean(v.referredTo), { message: 'Say who the case was referred to.', path: ['referredTo'] });

export const caseListQuery = z.object({
  status: z.enum(CASE_STATUSES).optional(),
  traffickingType: z.enum(TRAFFICKING_TYPES).optional(),
  /** `lead`: cases my agency leads; `partner`: cases shared with my agency; `assigned`: cases I am assigned to. */
  scope: z.enum(['all', 'lead', 'partner', 'assigned']).default('all'),
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const partnerInput = z.object({
  agencyId: z.uuid('Choose an agency.'),
  level: z.enum(PARTNER_LEVELS, { message: 'Choose summary, read or edit.' }),
});
export const partnerParams = caseIdParams.extend({ agencyId: z.uuid('That is not a valid agency id.') });

export const assignmentInput = z.object({ userId: z.uuid('Choose a person.'), role: z.enum(['lead', 'member']).default('member') });
export const assignmentParams = caseIdParams.extend({ userId: z.uuid('That is not a valid person id.') });
export const caseWorkersView = z.object({
  people: z.array(z.object({ id: z.uuid(), name: z.string(), agencyName: z.string(), assignment: z.enum(['lead', 'member']).nullable() })),
});

const ref = z.object({ id: z.uuid(), name: z.string() });

export type CaseInput = z.infer<typeof caseInput>;
export type CasePatch = z.infer<typeof casePatch>;
export type CaseListQuery = z.infer<typeof caseListQuery>;
export type CaseSummaryView = z.infer<typeof caseSummaryView>;
export type CaseView = z.infer<typeof caseView>;
export type PointOfContact = z.infer<typeof pointOfContactView>;

// Tasks, notes, documents, outcomes and the timeline.

export const taskInput = z.object({
  title: text(200).min(2, 'Say what needs doing.'),
  details: optionalText(4000),
  ownerUserId: z.uuid().nullish().transform((v) => v ?? null),
  dueOn: z.iso.date({ message: 'Enter the date as YYYY-MM-DD.' }).nullish().transform((v) => v ?? null),
});
export const taskPatch = z
  .object({
    title: text(200).min(2).optional(),
    details: optionalText(4000).optional(),
    ownerUserId: z.uuid().nullable().optional(),
    dueOn: z.iso.date({ message: 'Enter the date as YYYY-MM-DD.' }).nullable().optional(),
    status: z.enum(['open', 'done', 'cancelled']).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'Send at least one field to change.' });
export const taskParams = caseIdParams.extend({ taskId: z.uuid('That is not a valid task id.') });

export const taskView = z.object({
  id: z.uuid(),
  title: z.string(),
  details: z.string().nullable(),
  owner: ref.nullable(),
  dueOn: z.string().nullable(),
  status: z.enum(['open', 'done', 'cancelled']),
  overdue: z.boolean(),
  createdAt: z.string(),
  completedAt: z.string().nullable(),
});

export const noteInput = z.object({ body: text(20_000).min(1, 'Write something first.') });
export const noteView = z.object({ id: z.uuid(), body: z.string(), author: z.string(), agencyId: z.uuid(), createdAt: z.string() });

/** A file for the case, sent as base64 in JSON (the staff app reads it with FileReader). */
export const documentInput = z.object({
  title: text(200).min(1, 'Give the document a title.'),
  contentBase64: z
    .string()
    .max(14_000_000, 'Each file can be at most 10 MB.')
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'The file must be sent as base64.')
    .refine((v) => v.length > 0, 'The file is empty.'),
});
export const documentParams = caseIdParams.extend({ documentId: z.uuid('That is not a valid document id.') });
export const documentView = z.object({ id: z.uuid(), title: z.string(), contentType: z.string(), byteSize: z.number(), source: z.enum(['upload', 'tip']), uploadedBy: z.string().nullable(), createdAt: z.string() });

export const OUTCOME_TYPES = ['arrest', 'charge', 'prosecution', 'adjudication', 'sentence'] as const;
/** `commercial_sex`: prostitution, solicitation, loitering for prostitution and related conduct (see Safe Harbor). */
export const OFFENSE_CATEGORIES = ['sex_trafficking', 'labor_trafficking', 'commercial_sex', 'other'] as const;
export const JURISDICTION_LEVELS = ['federal', 'state', 'local', 'tribal', 'foreign'] as const;

export const outcomeInput = z
  .object({
    /** The suspect (a person in this case). */
    entityId: z.uuid('Choose the person.'),
    type: z.enum(OUTCOME_TYPES, { message: `Choose one of: ${OUTCOME_TYPES.join(', ')}.` }),
    occurredOn: z.iso.date({ message: 'Enter the date as YYYY-MM-DD.' }),
    /** When the conduct took place, if not the day of the outcome: a person's age is judged on this day. */
    conductOn: z.iso.date({ message: 'Enter the date as YYYY-MM-DD.' }).nullish().transform((v) => v ?? null),
    offenseCategory: z.enum(OFFENSE_CATEGORIES).nullish().transform((v) => v ?? null),
    statute: optionalText(200),
    jurisdictionLevel: z.enum(JURISDICTION_LEVELS).nullish().transform((v) => v ?? null),
    description: optionalText(2000),
    /** prosecution: filed, declined, dismissed…; adjudication: convicted_plea, convicted_trial, acquitted, dismissed, deferred, other. */
    disposition: optionalText(100),
    sentence: z
      .object({
        incarcerationMonths: z.number().int().min(0).max(12_000).nullish().transform((v) => v ?? null),
        probationMonths: z.number().int().min(0).max(1_200).nullish().transform((v) => v ?? null),
        fineAmount: z.number().min(0).max(1e10).nullish().transform((v) => v ?? null),
        restitutionAmount: z.number().min(0).max(1e10).nullish().transform((v) => v ?? null),
      })
      .nullish()
      .transform((v) => v ?? null),
    court: optionalText(200),
    docketNumber: optionalText(100),
    /** Only a supervisor may send this, to record an arrest or charge the Safe Harbor guard refused. */
    safeHarborOverride: z.object({ reason: text(2000).min(10, 'Explain the reason in a sentence or more.') }).nullish().transform((v) => v ?? null),
  })
  .refine((v) => !['arrest', 'charge'].includes(v.type) || v.offenseCategory !== null, { message: 'Say what the arrest or charge is for.', path: ['offenseCategory'] })
  .refine((v) => v.type === 'sentence' || v.sentence === null, { message: 'Sentence details belong to a sentence.', path: ['sentence'] });

export const outcomeView = z.object({
  id: z.uuid(),
  entityId: z.uuid(),
  personLabel: z.string(),
  type: z.enum(OUTCOME_TYPES),
  occurredOn: z.string(),
  conductOn: z.string().nullable(),
  offenseCategory: z.enum(OFFENSE_CATEGORIES).nullable(),
  statute: z.string().nullable(),
  jurisdictionLevel: z.enum(JURISDICTION_LEVELS).nullable(),
  description: z.string().nullable(),
  disposition: z.string().nullable(),
  sentence: z.record(z.string(), z.unknown()).nullable(),
  court: z.string().nullable(),
  docketNumber: z.string().nullable(),
  safeHarborOverride: z.object({ reason: z.string(), by: z.string() }).nullable(),
  recordedAt: z.string(),
});

export const safeHarborView = z.object({
  applies: z.boolean(),
  minor: z.boolean().nullable(),
  victim: z.boolean(),
  reasons: z.array(z.string()),
  referral: z.string(),
});

export const timelineQuery = z.object({
  before: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});
export const timelineView = z.object({
  events: z.array(z.object({ id: z.number(), occurredAt: z.string(), kind: z.string(), actor: z.object({ name: z.string().nullable(), agencyName: z.string().nullable() }), data: z.record(z.string(), z.unknown()) })),
  nextBefore: z.number().nullable(),
});

export const fromTipInput = z.object({
  tipId: z.uuid('Choose the tip.'),
  title: text(200).min(3, 'Give the case a title of at least 3 characters.').optional(),
  traffickingType: z.enum(TRAFFICKING_TYPES).optional(),
  jurisdictions: jurisdictions.default([]),
});

export type TaskInput = z.infer<typeof taskInput>;
export type TaskPatch = z.infer<typeof taskPatch>;
export type TaskView = z.infer<typeof taskView>;
export type NoteView = z.infer<typeof noteView>;
export type DocumentView = z.infer<typeof documentView>;
export type OutcomeInput = z.infer<typeof outcomeInput>;
export type OutcomeView = z.infer<typeof outcomeView>;
export type SafeHarborView = z.infer<typeof safeHarborView>;
export type FromTipInput = z.infer<typeof fromTipInput>;

export const caseSummaryView = z.object({
  id: z.uuid(),
  number: z.number(),
  title: z.string(),
  traffickingType: z.enum(TRAFFICKING_TYPES),
  status: z.enum(CASE_STATUSES),
  leadAgency: ref,
  access: z.enum(CASE_ACCESS),
  counts: z.object({ potentialVictims: z.number(), confirmedVictims: z.number(), suspects: z.number() }),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const pointOfContactView = z.object({ name: z.string(), email: z.string().nullable(), phone: z.string().nullable(), agencyName: z.string() });

export const caseDetailView = z.object({
  summary: z.string().nullable(),
  agencyReference: z.string().nullable(),
  jurisdictions: z.array(z.string()),
  closedReason: z.string().nullable(),
  referredTo: z.string().nullable(),
  closedAt: z.string().nullable(),
  sourceTip: z.object({ id: z.uuid(), number: z.number() }).nullable(),
  unnamedVictims: z.object({ potential: z.number(), confirmed: z.number() }),
  assignments: z.array(z.object({ userId: z.uuid(), name: z.string(), email: z.string(), agencyId: z.uuid(), role: z.enum(['lead', 'member']) })),
  partners: z.array(z.object({ agency: ref, level: z.enum(PARTNER_LEVELS), grantedAt: z.string(), viaHitId: z.uuid().nullable() })),
  entities: z.array(caseEntityView),
  tasks: z.array(taskView),
  notes: z.array(noteView),
  documents: z.array(documentView),
  outcomes: z.array(outcomeView),
});

/** One case as the caller may see it: `detail` only from `read` up; the rest of the content comes from its own endpoints. */
export const caseView = caseSummaryView.extend({
  pointOfContact: pointOfContactView.nullable(),
  detail: caseDetailView.nullable(),
});
