import { z } from 'zod';

export const ENTITY_KINDS = ['person', 'organization', 'location', 'phone', 'email', 'vehicle', 'online_account', 'payment_handle'] as const;
export type EntityKindName = (typeof ENTITY_KINDS)[number];

/** What a person is in a case. Potential and confirmed victims are counted apart, never both. */
export const PERSON_ROLES = ['potential_victim', 'confirmed_victim', 'suspect', 'witness', 'reporting_party', 'other'] as const;
/** Organizations, places, phones and the rest are simply involved. */
export const CASE_ROLES = [...PERSON_ROLES, 'involved'] as const;
export const VICTIM_ROLES = ['potential_victim', 'confirmed_victim'] as const;
/** A suspect's role in the process: HTCDS per_RoleInProcess, plus the buyer and controller US task forces record. */
export const SUSPECT_ROLES = [
  'recruiter', 'transporter', 'exploiter', 'controller', 'buyer', 'broker_travel_agent', 'harbourer', 'seller', 'smuggler', 'abuser', 'kidnapper', 'financier', 'advertiser', 'travelling_partner', 'other',
] as const;

export const LINK_TYPES = [
  'uses', 'owns', 'works_at', 'employs', 'lives_at', 'located_at', 'operates', 'advertises', 'paid', 'recruited', 'transported', 'controls', 'exploits', 'associate_of', 'family_of', 'related',
] as const;

export const PLACE_KINDS = ['residence', 'business', 'hotel_motel', 'massage_parlor', 'cantina_bar', 'strip_club', 'farm', 'construction_site', 'factory', 'restaurant', 'truck_stop', 'street', 'other'] as const;
export const ORG_TYPES = ['business', 'nonprofit', 'government', 'informal', 'other'] as const;
export const INDUSTRIES = [
  'agriculture', 'construction', 'domestic_work', 'hospitality', 'restaurant', 'massage_spa', 'nail_salon', 'bar_club', 'escort_service', 'manufacturing', 'cleaning', 'landscaping', 'retail', 'transport', 'online', 'other',
] as const;
export const PAYMENT_SERVICES = ['cashapp', 'venmo', 'paypal', 'zelle', 'crypto', 'bitcoin', 'other'] as const;

const text = (max: number) => z.string().trim().max(max, `Keep this under ${max} characters.`);
const optional = (max: number) => text(max).nullish().transform((v) => (v ? v : null));
const date = z.iso.date({ message: 'Enter the date as YYYY-MM-DD.' });

const person = z
  .object({
    kind: z.literal('person'),
    name: optional(200),
    aliases: z.array(text(200).min(1)).max(20, 'List at most 20 aliases.').default([]),
    birthDate: date.nullish().transform((v) => v ?? null),
    estimatedAge: z.number().int().min(0).max(120).nullish().transform((v) => v ?? null),
    /** The day the age was estimated; the day it is recorded when not given. */
    ageAsOf: date.nullish().transform((v) => v ?? null),
    sex: z.enum(['female', 'male', 'other', 'unknown']).nullish().transform((v) => v ?? null),
    nationality: optional(100),
    description: optional(4000),
  })
  .refine((v) => v.name || v.aliases.length > 0 || v.description, { message: 'Give a name, an alias or a description.', path: ['name'] })
  .refine((v) => !(v.birthDate && v.estimatedAge !== null), { message: 'Give a date of birth or an estimated age, not both.', path: ['estimatedAge'] });

const organization = z.object({
  kind: z.literal('organization'),
  name: text(200).min(1, 'Give the organization a name.'),
  orgType: z.enum(ORG_TYPES).default('business'),
  industry: z.enum(INDUSTRIES).nullish().transform((v) => v ?? null),
  description: optional(4000),
});

const location = z
  .object({
    kind: z.literal('location'),
    address: text(300).min(3, 'Give the street address.'),
    city: optional(120),
    state: optional(2),
    zip: optional(10),
    latitude: z.number().min(-90).max(90).nullish().transform((v) => v ?? null),
    longitude: z.number().min(-180).max(180).nullish().transform((v) => v ?? null),
    placeKind: z.enum(PLACE_KINDS).default('other'),
    description: optional(4000),
  })
  .refine((v) => (v.latitude === null) === (v.longitude === null), { message: 'Give both latitude and longitude, or neither.', path: ['longitude'] });

const phone = z.object({ kind: z.literal('phone'), number: text(40).min(4, 'Enter the phone number.'), description: optional(1000) });
const email = z.object({ kind: z.literal('email'), address: text(254).min(3, 'Enter the email address.'), description: optional(1000) });
const vehicle = z.object({
  kind: z.literal('vehicle'),
  plate: text(12).min(2, 'Enter the plate.'),
  state: optional(2),
  make: optional(40),
  model: optional(40),
  color: optional(30),
  year: z.number().int().min(1900).max(2100).nullish().transform((v) => v ?? null),
  description: optional(1000),
});
const onlineAccount = z
  .object({
    kind: z.literal('online_account'),
    accountType: z.enum(['account', 'ad']).default('account'),
    platform: optional(60),
    handle: optional(100),
    url: optional(2000),
    description: optional(4000),
  })
  .refine((v) => v.handle || v.url, { message: 'Give the handle or the address (URL).', path: ['handle'] });
const paymentHandle = z.object({ kind: z.literal('payment_handle'), service: z.enum(PAYMENT_SERVICES), handle: text(200).min(1, 'Enter the handle.'), description: optional(1000) });

export const entityInput = z.discriminatedUnion('kind', [person, organization, location, phone, email, vehicle, onlineAccount, paymentHandle], {
  message: `Choose the kind of entity: ${ENTITY_KINDS.join(', ')}.`,
});
export type EntityInput = z.infer<typeof entityInput>;

export const caseEntityInput = z
  .object({
    /** An entity already known (reused across cases); or `entity`, a new one. */
    entityId: z.uuid().optional(),
    entity: entityInput.optional(),
    role: z.enum(CASE_ROLES).optional(),
    suspectRoles: z.array(z.enum(SUSPECT_ROLES)).max(SUSPECT_ROLES.length).default([]),
    note: optional(2000),
  })
  .refine((v) => Boolean(v.entityId) !== Boolean(v.entity), { message: 'Send either entityId (an entity already known) or entity (a new one).', path: ['entity'] });

export const caseEntityPatch = z
  .object({ role: z.enum(CASE_ROLES).optional(), suspectRoles: z.array(z.enum(SUSPECT_ROLES)).max(SUSPECT_ROLES.length).optional(), note: optional(2000).optional() })
  .refine((v) => Object.keys(v).length > 0, { message: 'Send at least one field to change.' });

export const linkInput = z
  .object({ fromEntityId: z.uuid('Choose the first entity.'), toEntityId: z.uuid('Choose the second entity.'), type: z.enum(LINK_TYPES, { message: `Choose a link type: ${LINK_TYPES.join(', ')}.` }), note: optional(1000) })
  .refine((v) => v.fromEntityId !== v.toEntityId, { message: 'An entity cannot be linked to itself.', path: ['toEntityId'] });

export const entityIdParams = z.object({ id: z.uuid('That is not a valid entity id.') });
export const caseEntityParams = z.object({ id: z.uuid('That is not a valid case id.'), caseEntityId: z.uuid('That is not a valid case entity id.') });
export const linkParams = z.object({ id: z.uuid('That is not a valid case id.'), linkId: z.uuid('That is not a valid link id.') });

export const graphQuery = z.object({
  /** Entities to expand: their links to entities outside this case, where the caller may see them. */
  expand: z.union([z.uuid(), z.array(z.uuid()).max(20)]).optional().transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
  kinds: z
    .string()
    .max(200)
    .optional()
    .transform((v) => (v ? v.split(',').map((k) => k.trim()).filter(Boolean) : []))
    .refine((v) => v.every((k) => (ENTITY_KINDS as readonly string[]).includes(k)), `Filter by kinds from: ${ENTITY_KINDS.join(', ')}.`),
});

const identifierView = z.object({ kind: z.string(), value: z.string() });

export const entityView = z.object({
  id: z.uuid(),
  kind: z.enum(ENTITY_KINDS),
  label: z.string(),
  /** The fields of its kind, as entered (see docs/api.md). */
  details: z.record(z.string(), z.unknown()),
  identifiers: z.array(identifierView),
  birthDate: z.string().nullable(),
  estimatedAge: z.number().nullable(),
  ageAsOf: z.string().nullable(),
  ownerAgencyId: z.uuid(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const caseEntityView = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  role: z.enum(CASE_ROLES),
  suspectRoles: z.array(z.string()),
  note: z.string().nullable(),
  addedAt: z.string(),
  entity: entityView,
});

export const linkView = z.object({ id: z.uuid(), fromEntityId: z.uuid(), toEntityId: z.uuid(), type: z.string(), note: z.string().nullable(), caseId: z.uuid().nullable(), createdAt: z.string() });

const caseRef = z.object({ id: z.uuid(), number: z.number(), title: z.string() });

export const entityDetailView = entityView.extend({
  /** Cases holding this entity that the caller may read, with its role in each. */
  cases: z.array(caseRef.extend({ role: z.string(), access: z.string() })),
  links: z.array(linkView.extend({ other: z.object({ id: z.uuid(), kind: z.enum(ENTITY_KINDS), label: z.string() }) })),
});

export const deconflictionNoticeView = z.object({
  hitId: z.uuid(),
  otherAgency: z.object({ id: z.uuid(), name: z.string() }),
  pointOfContact: z.object({ name: z.string(), email: z.string().nullable(), phone: z.string().nullable() }),
  matchedKind: z.string(),
  isNew: z.boolean(),
});

export const addedEntityView = caseEntityView.extend({
  /** Other agencies holding the same identifier or person, found while adding it: only who, never what. */
  deconfliction: z.array(deconflictionNoticeView),
});

export const graphView = z.object({
  nodes: z.array(
    z.object({
      id: z.uuid(),
      kind: z.enum(ENTITY_KINDS),
      label: z.string(),
      inCase: z.boolean(),
      roles: z.array(z.string()),
      /** Other cases holding this entity (or the same identifier) that the caller may see. */
      sharedWithCases: z.array(caseRef.extend({ access: z.string() })),
    }),
  ),
  edges: z.array(z.object({ id: z.uuid(), from: z.uuid(), to: z.uuid(), type: z.string(), note: z.string().nullable() })),
});

export type CaseEntityInput = z.infer<typeof caseEntityInput>;
export type CaseEntityPatch = z.infer<typeof caseEntityPatch>;
export type LinkInput = z.infer<typeof linkInput>;
export type EntityView = z.infer<typeof entityView>;
export type CaseEntityView = z.infer<typeof caseEntityView>;
export type GraphView = z.infer<typeof graphView>;
export type DeconflictionNotice = z.infer<typeof deconflictionNoticeView>;
