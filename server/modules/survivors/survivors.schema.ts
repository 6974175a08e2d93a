import { z } from 'zod';
import { CONSENT_CATEGORIES, DELIVERED_SERVICE_TYPES, GENDERS, NEED_DOMAINS, PURGE_PARTS, RETENTION_PARTS } from '../../../common/survivors/vocabulary.ts';

const text = (max: number) => z.string().trim().max(max, `Keep this under ${max} characters.`);
const optionalText = (max: number) => text(max).nullish().transform((v) => (v ? v : null));
const list = (max: number, item: z.ZodType<string>) => z.array(item).max(max, `List at most ${max}.`).default([]);
const date = z.iso.date({ message: 'Enter the date as YYYY-MM-DD.' });
const instant = z.iso.datetime({ offset: true, message: 'Enter a date and time (ISO 8601).' });

export const survivorIdParams = z.object({ id: z.uuid('That is not a valid survivor id.') });
export const needParams = survivorIdParams.extend({ needId: z.uuid('That is not a valid need id.') });
export const goalParams = survivorIdParams.extend({ goalId: z.uuid('That is not a valid goal id.') });
export const taskParams = survivorIdParams.extend({ taskId: z.uuid('That is not a valid task id.') });
export const documentParams = survivorIdParams.extend({ documentId: z.uuid('That is not a valid document id.') });

/** Sealed: names, aliases, date of birth, document numbers, people recorded as alleged traffickers. */
export const identityInput = z.object({
  names: list(5, text(200).min(1)),
  aliases: list(10, text(200).min(1)),
  birthDate: date.nullish().transform((v) => v ?? null),
  documents: z.array(z.object({ type: text(60).min(1), number: text(80).min(1) })).max(10).default([]),
  allegedTraffickers: list(10, text(200).min(1)),
});
export type IdentityInput = z.infer<typeof identityInput>;

/** Sealed: phones, emails, addresses. */
export const contactInput = z.object({
  phones: list(5, text(40).min(3)),
  emails: list(5, text(200).min(3)),
  addresses: list(5, text(400).min(3)),
  safeToContact: optionalText(500),
});
export type ContactInput = z.infer<typeof contactInput>;

const facts = {
  gender: z.enum(GENDERS).nullish().transform((v) => v ?? null),
  estimatedAge: z.number().int().min(0).max(120).nullish().transform((v) => v ?? null),
  primaryLanguage: optionalText(40),
  traffickingType: z.enum(['sex', 'labor', 'both', 'unknown']).default('unknown'),
};

export const survivorInput = z.object({
  identity: identityInput.default({ names: [], aliases: [], birthDate: null, documents: [], allegedTraffickers: [] }),
  contact: contactInput.default({ phones: [], emails: [], addresses: [], safeToContact: null }),
  narrative: optionalText(50_000),
  ...facts,
  identifiedAt: instant.nullish().transform((v) => v ?? null),
});
export type SurvivorInput = z.infer<typeof survivorInput>;

export const survivorPatch = z.object({
  identity: identityInput.optional(),
  contact: contactInput.optional(),
  narrative: optionalText(50_000).optional(),
  gender: facts.gender.optional(),
  primaryLanguage: facts.primaryLanguage.optional(),
  traffickingType: z.enum(['sex', 'labor', 'both', 'unknown']).optional(),
  status: z.enum(['open', 'closed']).optional(),
});
export type SurvivorPatch = z.infer<typeof survivorPatch>;

export const survivorListQuery = z.object({
  /** Exact match on a name, alias, date of birth, phone, email or document number (blind indexes). */
  q: text(200).min(2).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const screeningInput = z.object({
  answers: z.record(z.string().regex(/^[a-z_]{2,40}$/), z.enum(['yes', 'no', 'unsure'])).default({}),
});

export const needInput = z.object({
  domain: z.enum(NEED_DOMAINS, { message: 'Choose a need from the list.' }),
  detail: optionalText(1_000),
  priority: z.enum(['urgent', 'high', 'medium', 'low']).default('medium'),
});
export const needPatch = z.object({ status: z.enum(['open', 'in_progress', 'met', 'declined']).optional(), priority: z.enum(['urgent', 'high', 'medium', 'low']).optional(), note: optionalText(1_000).optional() });

export const goalInput = z.object({ domain: z.enum(NEED_DOMAINS), description: text(1_000).min(3, 'Describe the goal in a few words.'), targetDate: date.nullish().transform((v) => v ?? null) });
export const goalPatch = z.object({ status: z.enum(['open', 'achieved', 'dropped']).optional(), targetDate: date.nullable().optional(), achievedOn: date.nullable().optional() });

export const serviceInput = z
  .object({
    serviceType: z.enum(DELIVERED_SERVICE_TYPES, { message: 'Choose a service from the list.' }),
    deliveredOn: date,
    providerId: z.uuid().nullish().transform((v) => v ?? null),
    units: z.number().min(0).max(100_000).nullish().transform((v) => v ?? null),
    hours: z.number().min(0).max(100_000).nullish().transform((v) => v ?? null),
    note: optionalText(1_000),
  })
  .refine((s) => s.units !== null || s.hours !== null, { message: 'Give the units or the hours delivered.', path: ['units'] });

export const taskPatch = z.object({ status: z.enum(['open', 'done', 'cancelled']) });

export const documentInput = z.object({ title: text(200).min(1), contentBase64: z.string().min(4).max(14_000_000) });

export const safeHarborOverrideInput = z.object({ reason: text(1_000).min(10, 'Give the reason in a sentence or two.') });

export const purgeInput = z.object({ parts: z.array(z.enum(PURGE_PARTS)).min(1).max(5).default(['record']) });

export const retentionInput = z.object({ rules: z.array(z.object({ part: z.enum(RETENTION_PARTS), daysAfterClosing: z.number().int().min(0).max(36_500) })).max(5) });

export const metricsQuery = z.object({ from: date.optional(), to: date.optional() });

const category = z.enum(CONSENT_CATEGORIES);

// Answers. Every sealed part is null unless the caller's agency owns the record or a consent shares that category.
const ref = z.object({ id: z.uuid(), name: z.string() });
export const needView = z.object({ id: z.uuid(), domain: z.string(), detail: z.string().nullable(), priority: z.string(), status: z.string(), note: z.string().nullable(), createdAt: z.string(), updatedAt: z.string() });
export const goalView = z.object({ id: z.uuid(), domain: z.string(), description: z.string(), targetDate: z.string().nullable(), status: z.string(), achievedOn: z.string().nullable() });
export const serviceView = z.object({ id: z.uuid(), serviceType: z.string(), deliveredOn: z.string(), provider: ref.nullable(), units: z.number().nullable(), hours: z.number().nullable(), note: z.string().nullable() });
export const taskView = z.object({ id: z.uuid(), kind: z.string(), title: z.string(), dueAt: z.string().nullable(), status: z.string(), doneAt: z.string().nullable() });
export const documentView = z.object({ id: z.uuid(), title: z.string(), contentType: z.string(), byteSize: z.number(), createdAt: z.string() });
export const screeningView = z.object({
  id: z.uuid(),
  screenedAt: z.string(),
  indicators: z.array(z.object({ id: z.string(), domain: z.string() })),
  score: z.number(),
  potentialVictim: z.boolean(),
  reasons: z.array(z.string()),
  methodsOfControl: z.array(z.string()),
  typesOfExploitation: z.array(z.string()),
  answers: z.record(z.string(), z.string()).nullable(),
});
export const consentView = z.object({
  id: z.uuid(),
  recipientAgency: ref,
  purpose: z.string(),
  categories: z.array(category),
  method: z.string(),
  startsAt: z.string(),
  expiresAt: z.string(),
  signer: z.string(),
  minorConsentBasis: z.string().nullable(),
  revokedAt: z.string().nullable(),
  state: z.enum(['pending', 'active', 'expired', 'revoked']),
  createdAt: z.string(),
});
export const disclosureView = z.object({
  id: z.uuid(),
  recipientAgency: ref.nullable(),
  recipientDescription: z.string(),
  basis: z.string(),
  legalReference: z.string(),
  categories: z.array(category),
  status: z.string(),
  expiresAt: z.string(),
  noticeGivenAt: z.string().nullable(),
  noticeMethod: z.string().nullable(),
  requestedAt: z.string(),
  decidedAt: z.string().nullable(),
});
export const referralSummaryView = z.object({
  id: z.uuid(),
  survivorId: z.uuid(),
  fromAgency: ref,
  provider: ref.nullable(),
  toAgency: ref.nullable(),
  serviceType: z.string(),
  kind: z.string(),
  note: z.string().nullable(),
  status: z.string(),
  declineReason: z.string().nullable(),
  outcome: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  respondedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
});

export const survivorView = z.object({
  id: z.uuid(),
  number: z.number(),
  agency: ref,
  access: z.enum(['own', 'consented']),
  /** What the caller's agency reads of another agency's record, and until when. */
  shared: z.object({ categories: z.array(category), until: z.string().nullable() }).nullable(),
  facts: z
    .object({
      gender: z.string().nullable(),
      ageAtIdentification: z.number().nullable(),
      ageBasis: z.string().nullable(),
      isMinor: z.boolean(),
      primaryLanguage: z.string().nullable(),
      traffickingType: z.string(),
      identifiedAt: z.string(),
      status: z.string(),
      safeHarbor: z.string(),
    })
    .nullable(),
  identity: z
    .object({ names: z.array(z.string()), aliases: z.array(z.string()), birthDate: z.string().nullable(), documents: z.array(z.object({ type: z.string(), number: z.string() })), allegedTraffickers: z.array(z.string()) })
    .nullable(),
  contact: z.object({ phones: z.array(z.string()), emails: z.array(z.string()), addresses: z.array(z.string()), safeToContact: z.string().nullable() }).nullable(),
  narrative: z.string().nullable(),
  screenings: z.array(screeningView).nullable(),
  needs: z.array(needView).nullable(),
  goals: z.array(goalView).nullable(),
  services: z.array(serviceView).nullable(),
  tasks: z.array(taskView).nullable(),
  documents: z.array(documentView).nullable(),
  consents: z.array(consentView).nullable(),
  disclosures: z.array(disclosureView).nullable(),
  referrals: z.array(referralSummaryView).nullable(),
  createdAt: z.string(),
});
export type SurvivorView = z.infer<typeof survivorView>;

export const survivorSummaryView = z.object({
  id: z.uuid(),
  number: z.number(),
  agency: ref,
  access: z.enum(['own', 'consented']),
  label: z.string().nullable(),
  isMinor: z.boolean().nullable(),
  status: z.string().nullable(),
  identifiedAt: z.string().nullable(),
});
export type SurvivorSummaryView = z.infer<typeof survivorSummaryView>;
