import { z } from 'zod';

export const CONCERN_TYPES = ['sex', 'labor', 'minor', 'unsure'] as const;
export const CHANNELS = ['web', 'phone', 'text', 'email', 'walk_in', 'other'] as const;
export const HEARD_VIA = ['campaign', 'poster', 'social_media', 'friend_or_family', 'training', 'news', 'other'] as const;
export const TIP_STATUSES = ['new', 'under_review', 'assigned', 'closed', 'merged'] as const;
export const PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;

const text = (max: number) => z.string().trim().max(max, `Keep this under ${max} characters.`).nullish().transform((v) => (v ? v : null));
const list = (max: number, itemMax: number) => z.array(z.string().trim().max(itemMax)).max(max).default([]).transform((items) => items.filter(Boolean));

/** What a person reports. Everything but the kind of concern is optional. */
export const reportInput = z.object({
  concernType: z.enum(CONCERN_TYPES, { message: 'Choose what kind of concern this is (or “not sure”).' }),
  narrative: text(20_000),
  locationAddress: text(300),
  locationCity: text(120),
  locationZip: z.string().trim().max(10).nullish().transform((v) => (v ? v : null)).refine((v) => v === null || /^\d{5}(-\d{4})?$/.test(v), 'Enter a 5-digit ZIP code.'),
  businessName: text(200),
  occurredOn: z.iso.date({ message: 'Enter the date as YYYY-MM-DD.' }).nullish().transform((v) => v ?? null),
  occurredText: text(300),
  people: z.array(z.object({ description: z.string().trim().max(1000), approxAge: z.number().int().min(0).max(120).nullable() })).max(10).default([]),
  vehicles: z.array(z.object({ plate: text(12), state: text(2), description: text(300) })).max(5).default([]),
  phones: list(10, 40),
  emails: list(10, 254),
  online: list(10, 500),
  immediateDanger: z.boolean().default(false),
  heardVia: z.enum(HEARD_VIA).nullish().transform((v) => v ?? null),
  campaignCode: z.string().trim().regex(/^[A-Za-z0-9_-]{1,32}$/, 'That campaign code is not valid.').nullish().transform((v) => (v ? v.toUpperCase() : null)),
  language: z.enum(['en', 'es']).default('en'),
  contact: z
    .object({ name: text(120), phone: text(40), email: text(254), safeTimes: text(300) })
    .nullish()
    .transform((v) => (v && (v.name || v.phone || v.email) ? v : null)),
});

export type ReportInput = z.infer<typeof reportInput>;
export type ReporterContact = NonNullable<ReportInput['contact']>;
