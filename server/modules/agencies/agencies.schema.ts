import { z } from 'zod';
import { AGENCY_TYPES } from '../../../common/access/agencies.ts';

const optionalText = (max: number) => z.string().trim().max(max).nullish().transform((v) => (v ? v : null));

export const agencyInput = z.object({
  name: z.string().trim().min(2, 'Give the agency a name of at least 2 characters.').max(200),
  shortName: optionalText(40),
  type: z.enum(AGENCY_TYPES, { message: 'Choose one of the listed agency types.' }),
  contactEmail: z.email('Enter a valid email address.').max(254).nullish().transform((v) => v ?? null),
  contactPhone: optionalText(40),
});

export const agencyPatch = agencyInput.partial().extend({ isActive: z.boolean().optional() });

export const agencyView = z.object({
  id: z.uuid(),
  name: z.string(),
  shortName: z.string().nullable(),
  type: z.enum(AGENCY_TYPES),
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
  isActive: z.boolean(),
  createdAt: z.string(),
});

export const agencyIdParams = z.object({ id: z.uuid('That is not a valid agency id.') });

export type AgencyInput = z.infer<typeof agencyInput>;
export type AgencyPatch = z.infer<typeof agencyPatch>;
export type AgencyView = z.infer<typeof agencyView>;
