import { z } from 'zod';
import { CHANNELS, CONCERN_TYPES, PRIORITIES, reportInput, TIP_STATUSES } from './tips.schema.ts';

export const tipIdParams = z.object({ id: z.uuid('That is not a valid tip id.') });
export const attachmentParams = tipIdParams.extend({ attachmentId: z.uuid('That is not a valid attachment id.') });

export const queueQuery = z.object({
  status: z.enum(TIP_STATUSES).optional(),
  open: z.enum(['true', 'false']).optional().transform((v) => (v === undefined ? undefined : v === 'true')),
  concernType: z.enum(CONCERN_TYPES).optional(),
  channel: z.enum(CHANNELS).optional(),
  agencyId: z.uuid().optional(),
  campaign: z.string().trim().max(32).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const triagePatch = z
  .object({
    priority: z.enum(PRIORITIES).optional(),
    concernType: z.enum(CONCERN_TYPES).optional(),
    minorInvolved: z.boolean().optional(),
    status: z.enum(['under_review', 'assigned', 'closed']).optional(),
    closedReason: z.string().trim().min(3).max(500).optional(),
    assignedAgencyId: z.uuid().nullable().optional(),
    assignedUserId: z.uuid().nullable().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'Send at least one field to change.' })
  .refine((v) => v.status !== 'closed' || Boolean(v.closedReason), { message: 'Say why the tip is closed.', path: ['closedReason'] });

export const textBody = z.object({ body: z.string().trim().min(1, 'Write something first.').max(20_000) });

export const hotlineInput = reportInput.extend({ channel: z.enum(['phone', 'text', 'email', 'walk_in', 'other']) });

export const mergeInput = z.object({ intoTipId: z.uuid('Choose the tip to merge into.') });

const ref = z.object({ id: z.uuid(), name: z.string() }).nullable();

export const tipSummaryView = z.object({
  id: z.uuid(),
  number: z.number(),
  receivedAt: z.string(),
  channel: z.enum(CHANNELS),
  status: z.enum(TIP_STATUSES),
  priority: z.enum(PRIORITIES),
  concernType: z.enum(CONCERN_TYPES),
  minorInvolved: z.boolean(),
  immediateDanger: z.boolean(),
  summary: z.string(),
  city: z.string().nullable(),
  zip: z.string().nullable(),
  campaignCode: z.string().nullable(),
  assignedAgency: ref,
  assignedUser: ref,
  hasContact: z.boolean(),
  unreadReporterMessages: z.number(),
  minutesSinceReceipt: z.number(),
  minutesToFirstReview: z.number().nullable(),
  reviewOverdue: z.boolean(),
});

export const tipDetailView = tipSummaryView.extend({
  narrative: z.string().nullable(),
  locationAddress: z.string().nullable(),
  businessName: z.string().nullable(),
  occurredOn: z.string().nullable(),
  occurredText: z.string().nullable(),
  people: z.array(z.object({ description: z.string(), approxAge: z.number().nullable() })),
  vehicles: z.array(z.object({ plate: z.string().nullable(), state: z.string().nullable(), description: z.string().nullable() })),
  phones: z.array(z.string()),
  emails: z.array(z.string()),
  online: z.array(z.object({ value: z.string(), platform: z.string().nullable() })),
  heardVia: z.string().nullable(),
  language: z.string(),
  closedReason: z.string().nullable(),
  mergedIntoId: z.uuid().nullable(),
  identifiers: z.array(z.object({ kind: z.string(), value: z.string() })),
  related: z.array(z.object({ id: z.uuid(), number: z.number(), status: z.enum(TIP_STATUSES), matchedOn: z.array(z.string()) })),
  notes: z.array(z.object({ id: z.uuid(), body: z.string(), author: z.string(), createdAt: z.string() })),
  messages: z.array(z.object({ id: z.uuid(), direction: z.enum(['to_reporter', 'from_reporter']), body: z.string(), author: z.string().nullable(), createdAt: z.string(), readByReporter: z.boolean() })),
  attachments: z.array(z.object({ id: z.uuid(), contentType: z.string(), byteSize: z.number(), messageId: z.uuid().nullable(), createdAt: z.string() })),
  links: z.array(z.object({ targetType: z.enum(['case', 'referral']), targetId: z.uuid() })),
});

export type QueueQuery = z.infer<typeof queueQuery>;
export type TriagePatch = z.infer<typeof triagePatch>;
export type TipSummaryView = z.infer<typeof tipSummaryView>;
export type TipDetailView = z.infer<typeof tipDetailView>;
