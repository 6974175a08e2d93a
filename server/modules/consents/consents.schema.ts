import { z } from 'zod';
import { CONSENT_CATEGORIES, CONSENT_METHODS, DISCLOSURE_BASES } from '../../../common/survivors/vocabulary.ts';
import { survivorIdParams } from '../survivors/survivors.schema.ts';

const text = (max: number) => z.string().trim().max(max, `Keep this under ${max} characters.`);
const instant = z.iso.datetime({ offset: true, message: 'Enter a date and time (ISO 8601).' });
const categories = z.array(z.enum(CONSENT_CATEGORIES, { message: 'Choose identity, contact, needs, narrative or services.' })).min(1, 'Choose at least one category of information.').max(5).transform((c) => [...new Set(c)].sort());

export const consentParams = survivorIdParams.extend({ consentId: z.uuid('That is not a valid consent id.') });
export const disclosureParams = survivorIdParams.extend({ disclosureId: z.uuid('That is not a valid disclosure id.') });

export const consentInput = z.object({
  recipientAgencyId: z.uuid('Choose the agency that will receive the information.'),
  purpose: text(500).min(3, 'Say why the information is shared, in plain words.'),
  categories,
  method: z.enum(CONSENT_METHODS, { message: 'Choose signed form, e-signature or documented verbal consent in an emergency.' }),
  startsAt: instant.nullish().transform((v) => v ?? null),
  expiresAt: instant,
  /** For a minor: the non-abusive parent or guardian who consents too. */
  guardian: z.object({ name: text(200).min(2), relationship: z.enum(['parent', 'legal_guardian', 'other_caregiver']), isAllegedTrafficker: z.boolean().default(false) }).nullish().transform((v) => v ?? null),
  /** For a minor who may lawfully consent alone: the law or rule that allows it. */
  minorConsentBasis: text(300).min(3).nullish().transform((v) => v ?? null),
});
export type ConsentInput = z.infer<typeof consentInput>;

export const revokeInput = z.object({ note: text(500).nullish().transform((v) => v ?? null) });

export const formQuery = z.object({ lang: z.enum(['en', 'es']).default('en') });

export const disclosureInput = z.object({
  recipientAgencyId: z.uuid().nullish().transform((v) => v ?? null),
  recipientDescription: text(300).min(3, 'Say who receives the information (the court, the agency).'),
  basis: z.enum(DISCLOSURE_BASES, { message: 'Choose court order, mandated report or other legal duty.' }),
  legalReference: text(300).min(3, 'Give the order number, the statute or the rule.'),
  categories,
  expiresAt: instant,
  notice: z.object({ givenAt: instant, method: text(100).min(2), note: text(1_000).nullish().transform((v) => v ?? null) }),
});
export type DisclosureInput = z.infer<typeof disclosureInput>;

export const decisionInput = z.object({ decision: z.enum(['approved', 'refused']), reason: text(1_000).min(3, 'Give the reason.') });
