import { z } from 'zod';
import { SERVICE_TYPES } from '../../../common/directory/vocabulary.ts';
import { referralSummaryView, survivorIdParams, survivorView } from '../survivors/survivors.schema.ts';

const text = (max: number) => z.string().trim().max(max, `Keep this under ${max} characters.`);

export const referralParams = z.object({ id: z.uuid('That is not a valid referral id.') });
export { survivorIdParams };

export const referralInput = z.object({
  providerId: z.uuid('Choose a provider from the directory.'),
  serviceType: z.enum(SERVICE_TYPES, { message: 'Choose a service from the directory’s list.' }),
  /** Seen by the receiving agency: logistics only, never identifying details (those travel under consent). */
  note: text(1_000).nullish().transform((v) => v ?? null),
});

export const referralListQuery = z.object({ box: z.enum(['inbox', 'sent']).default('inbox'), limit: z.coerce.number().int().min(1).max(200).default(100) });
export const declineInput = z.object({ reason: text(500).min(3, 'Say why, so the referrer can find another place.') });
export const completeInput = z.object({ outcome: text(1_000).min(3, 'Describe the outcome in a few words.') });

export const referralDetailView = referralSummaryView.extend({ survivor: survivorView.nullable() });
export { referralSummaryView };
