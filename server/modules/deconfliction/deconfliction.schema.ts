import { z } from 'zod';

const LEVELS = ['summary', 'read', 'edit'] as const;
const answer = z.object({ answer: z.enum(['agreed', 'declined']), level: z.enum(LEVELS).nullable() }).nullable();

export const hitIdParams = z.object({ id: z.uuid('That is not a valid hit id.') });
export const hitListQuery = z.object({
  status: z.enum(['open', 'shared', 'declined']).optional(),
  /** Only the hits of this case: the case page asks every few seconds, so it asks for no more. */
  caseId: z.uuid('That is not a valid case id.').optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});
export const agreeInput = z.object({ level: z.enum(LEVELS, { message: 'Choose the level you share your case at: summary, read or edit.' }) });

/**
 * A hit as one side sees it: its own case and its own matched records; of the other side only the agency, its
 * point of contact and its answer. Coordinators who are not a party see both sides' list fields (`parties`).
 */
export const hitView = z.object({
  id: z.uuid(),
  matchedKinds: z.array(z.string()),
  status: z.enum(['open', 'shared', 'declined']),
  createdAt: z.string(),
  updatedAt: z.string(),
  sharedAt: z.string().nullable(),
  mine: z
    .object({
      case: z.object({ id: z.uuid(), number: z.number(), title: z.string() }),
      matches: z.array(z.object({ kind: z.string(), entityId: z.uuid(), label: z.string() })),
      answer,
    })
    .nullable(),
  other: z
    .object({
      agency: z.object({ id: z.uuid(), name: z.string() }),
      pointOfContact: z.object({ name: z.string(), email: z.string().nullable(), phone: z.string().nullable() }),
      answer,
    })
    .nullable(),
  parties: z.array(z.object({ agency: z.object({ id: z.uuid(), name: z.string() }), case: z.object({ id: z.uuid(), number: z.number(), title: z.string() }), answer })).nullable(),
});

export type HitView = z.infer<typeof hitView>;
