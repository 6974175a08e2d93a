import { z } from 'zod';
import {
  ACCESSIBILITY_FEATURES,
  COSTS,
  GENDERS,
  IMMIGRATION_REQUIREMENTS,
  IMMIGRATION_STATUSES,
  INQUIRY_STATUSES,
  PROVIDER_STATUSES,
  SERVICE_TYPES,
  WEEKDAYS,
} from '../../../common/directory/vocabulary.ts';
import { isTimeZone } from '../../platform/config.ts';
import { CLOSING_PATTERN, orderDays, TIME_PATTERN } from './hours.ts';

// ---- Field validators, shared by the HTTP inputs and the import rows ----

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Keep this under ${max} characters.`)
    .nullable()
    .transform((v) => (v ? v : null));

const requiredText = (max: number, message: string) => z.string().trim().min(2, message).max(max, `Keep this under ${max} characters.`);

/** A BCP-47 language tag, stored in its canonical form (es-mx → es-MX). */
export const languageTag = z
  .string()
  .trim()
  .min(2, 'Give a language code such as es or es-MX.')
  .max(35)
  .transform((tag, ctx) => {
    try {
      const [canonical] = Intl.getCanonicalLocales(tag);
      if (canonical && /^[a-z]{2,3}(-|$)/.test(canonical)) return canonical;
    } catch {
      // reported below
    }
    ctx.addIssue({ code: 'custom', message: `"${tag}" is not a language code (BCP 47), such as es, vi or zh-Hant.` });
    return z.NEVER;
  });

const uniqueList = <T extends z.ZodType<string>>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .transform((list) => [...new Set(list)] as z.output<T>[]);

const phone = z
  .string()
  .trim()
  .max(40, 'Keep the phone number under 40 characters.')
  .refine((v) => /^[0-9+().\s/-]+((ext\.?|x)\s*\d{1,6})?$/i.test(v) && (v.match(/\d/g)?.length ?? 0) >= 3, 'Enter a phone number such as 713-555-0100 (an extension may follow as "ext 12").')
  .nullable()
  .transform((v) => (v ? v : null));

const website = z
  .string()
  .trim()
  .max(500)
  .refine((v) => /^https?:\/\/[^\s/$.?#].[^\s]*$/i.test(v), 'Enter a web address starting with https:// or http://.')
  .nullable()
  .transform((v) => (v ? v : null));

export const postalCode = z
  .string()
  .trim()
  .regex(/^\d{5}(-\d{4})?$/, 'Enter a 5-digit ZIP code, such as 77002.')
  .nullable()
  .or(z.literal('').transform(() => null));

const age = z.number({ message: 'Enter an age as a whole number.' }).int('Enter an age as a whole number.').min(0, 'An age cannot be negative.').max(120, 'Enter an age up to 120.');

export const timeZone = z.string().trim().refine(isTimeZone, 'Choose a time zone such as America/Chicago.');

const weeklyHours = z.object({
  days: z.array(z.enum(WEEKDAYS, { message: 'Days are MO, TU, WE, TH, FR, SA or SU.' })).min(1, 'Choose at least one day.').transform(orderDays),
  opens: z.string().regex(TIME_PATTERN, 'Give the opening time as HH:MM, such as 09:00.'),
  closes: z.string().regex(CLOSING_PATTERN, 'Give the closing time as HH:MM, such as 17:00 (24:00 for midnight).'),
});

/** One place's address and position: a provider's or a hub's. */
const placeShape = {
  address1: optionalText(200),
  address2: optionalText(200),
  city: optionalText(100),
  state: optionalText(40),
  postalCode,
  area: optionalText(120),
  latitude: z.number().min(-90, 'Latitude is between -90 and 90.').max(90, 'Latitude is between -90 and 90.').nullable(),
  longitude: z.number().min(-180, 'Longitude is between -180 and 180.').max(180, 'Longitude is between -180 and 180.').nullable(),
  timeZone,
};

const providerShape = {
  organizationName: requiredText(200, 'Give the organization’s name.'),
  name: requiredText(200, 'Give the service a name of at least 2 characters.'),
  description: optionalText(4000),
  serviceTypes: uniqueList(z.enum(SERVICE_TYPES, { error: (issue) => `"${String(issue.input)}" is not a service type; use codes such as shelter, counseling or legal_immigration.` }), SERVICE_TYPES.length).refine((v) => v.length > 0, 'Choose at least one service.'),
  languages: uniqueList(languageTag, 30),
  minAge: age.nullable(),
  maxAge: age.nullable(),
  acceptsMinors: z.boolean(),
  genders: uniqueList(z.enum(GENDERS, { error: (issue) => `"${String(issue.input)}" is not one of female, male or nonbinary.` }), GENDERS.length),
  immigrationRequirement: z.enum(IMMIGRATION_REQUIREMENTS, { message: 'Choose none, lawful_status or citizens_only.' }),
  eligibilityNotes: optionalText(2000),
  hours: z.array(weeklyHours).max(21, 'Give at most 21 openings.'),
  open24Hours: z.boolean(),
  hoursNotes: optionalText(1000),
  cost: z.enum(COSTS, { message: 'Choose free, sliding_scale or fee.' }),
  costNotes: optionalText(1000),
  accessibility: uniqueList(z.enum(ACCESSIBILITY_FEATURES, { error: (issue) => `"${String(issue.input)}" is not an accessibility feature; use ${ACCESSIBILITY_FEATURES.join(', ')}.` }), ACCESSIBILITY_FEATURES.length),
  accessibilityNotes: optionalText(1000),
  intakeProcess: optionalText(4000),
  phone,
  email: z.email('Enter an email address such as intake@shelter.org.').max(254).nullable().or(z.literal('').transform(() => null)),
  website,
  ...placeShape,
  confidentialLocation: z.boolean(),
  status: z.enum(PROVIDER_STATUSES),
};

/** Every field of a provider, as stored: what an import row must become. */
export const providerRecord = z.object(providerShape);
export type ProviderValues = z.output<typeof providerRecord>;

/** What a new entry starts with when a field is not given. */
export const PROVIDER_DEFAULTS: Omit<ProviderValues, 'organizationName' | 'name' | 'serviceTypes' | 'timeZone'> = {
  description: null,
  languages: [],
  minAge: null,
  maxAge: null,
  acceptsMinors: false,
  genders: [],
  immigrationRequirement: 'none',
  eligibilityNotes: null,
  hours: [],
  open24Hours: false,
  hoursNotes: null,
  cost: 'free',
  costNotes: null,
  accessibility: [],
  accessibilityNotes: null,
  intakeProcess: null,
  phone: null,
  email: null,
  website: null,
  address1: null,
  address2: null,
  city: null,
  state: null,
  postalCode: null,
  area: null,
  latitude: null,
  longitude: null,
  confidentialLocation: false,
  status: 'active',
};

const linkedAgencyId = z.uuid('Choose an agency from the list.').nullable();

export const providerInput = z
  .object({ ...providerShape, linkedAgencyId })
  .partial()
  .required({ organizationName: true, name: true, serviceTypes: true });

export const providerPatch = z
  .object({ ...providerShape, linkedAgencyId })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'Send at least one field to change.' });

export type ProviderInput = z.infer<typeof providerInput>;
export type ProviderPatch = z.infer<typeof providerPatch>;

export interface FieldIssue {
  field: keyof ProviderValues;
  message: string;
}

/**
 * Rules across fields, checked on the whole entry (after a patch is applied, and for every import row), so
 * a change can never leave an entry that contradicts itself.
 */
export function providerProblems(v: ProviderValues): FieldIssue[] {
  const problems: FieldIssue[] = [];
  if ((v.latitude === null) !== (v.longitude === null)) problems.push({ field: v.latitude === null ? 'latitude' : 'longitude', message: 'Give both latitude and longitude, or neither.' });
  if (v.minAge !== null && v.maxAge !== null && v.minAge > v.maxAge) problems.push({ field: 'maxAge', message: 'The maximum age is below the minimum age.' });
  if (!v.acceptsMinors && v.minAge !== null && v.minAge < 18) problems.push({ field: 'acceptsMinors', message: `A minimum age of ${v.minAge} means minors are accepted; tick "accepts minors" or raise the minimum age to 18.` });
  else if (!v.acceptsMinors && v.maxAge !== null && v.maxAge < 18) problems.push({ field: 'acceptsMinors', message: 'A maximum age under 18 serves only minors; tick "accepts minors".' });
  if (v.confidentialLocation && !v.phone) problems.push({ field: 'phone', message: 'A confidential location needs a phone number: it is the only way the public and most staff can reach it.' });
  if (v.confidentialLocation && !v.area) problems.push({ field: 'area', message: 'A confidential location needs a general area (such as "East Houston") to show instead of its address.' });
  if (v.open24Hours && v.hours.length > 0) problems.push({ field: 'hours', message: 'An entry open 24 hours needs no other opening hours.' });
  return problems;
}

// ---- Capacity ----

export const capacityInput = z
  .object({
    serviceType: z.enum(SERVICE_TYPES, { message: 'Choose one of the services this provider offers.' }),
    available: z.number({ message: 'Enter how many are free now.' }).int('Enter a whole number.').min(0, 'Free places cannot be fewer than 0.').max(100_000),
    total: z.number().int('Enter a whole number.').min(0).max(100_000).nullable().optional(),
  })
  .refine((v) => v.total === undefined || v.total === null || v.available <= v.total, { message: 'More are free than there are in all; raise the total or lower the free count.', path: ['available'] });
export type CapacityInput = z.infer<typeof capacityInput>;

export const capacityView = z.object({
  serviceType: z.enum(SERVICE_TYPES),
  unit: z.enum(['beds', 'slots']),
  available: z.number(),
  total: z.number().nullable(),
  updatedAt: z.string(),
  stale: z.boolean(),
});
export type CapacityView = z.infer<typeof capacityView>;

export const capacityHistoryView = z.object({
  history: z.array(z.object({ serviceType: z.enum(SERVICE_TYPES), available: z.number(), total: z.number().nullable(), source: z.enum(['staff', 'import', 'inquiry_hold']), changedAt: z.string() })),
});

// ---- Provider views ----

const ref = z.object({ id: z.uuid(), name: z.string() });
const weeklyHoursView = z.object({ days: z.array(z.enum(WEEKDAYS)), opens: z.string(), closes: z.string() });

export const providerSummaryView = z.object({
  id: z.uuid(),
  organizationName: z.string(),
  name: z.string(),
  serviceTypes: z.array(z.enum(SERVICE_TYPES)),
  languages: z.array(z.string()),
  minAge: z.number().nullable(),
  maxAge: z.number().nullable(),
  acceptsMinors: z.boolean(),
  genders: z.array(z.enum(GENDERS)),
  immigrationRequirement: z.enum(IMMIGRATION_REQUIREMENTS),
  cost: z.enum(COSTS),
  phone: z.string().nullable(),
  city: z.string().nullable(),
  state: z.string().nullable(),
  area: z.string().nullable(),
  confidentialLocation: z.boolean(),
  status: z.enum(PROVIDER_STATUSES),
  linkedAgency: ref.nullable(),
  openNow: z.boolean().nullable(),
  capacity: z.array(capacityView),
});
export type ProviderSummaryView = z.infer<typeof providerSummaryView>;

/** The street address and exact position: null for a confidential location (its own agency asks for it on purpose, audited). */
export const locationView = z.object({
  address1: z.string().nullable(),
  address2: z.string().nullable(),
  postalCode: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
});

export const providerDetailView = providerSummaryView.extend({
  description: z.string().nullable(),
  eligibilityNotes: z.string().nullable(),
  hours: z.array(weeklyHoursView),
  open24Hours: z.boolean(),
  hoursNotes: z.string().nullable(),
  costNotes: z.string().nullable(),
  accessibility: z.array(z.enum(ACCESSIBILITY_FEATURES)),
  accessibilityNotes: z.string().nullable(),
  intakeProcess: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  timeZone: z.string(),
  location: locationView.nullable(),
  /** For a confidential location shown without its address: whether one is on file at all. */
  addressOnFile: z.boolean(),
  hubSessions: z.array(z.object({ id: z.uuid(), hub: ref, serviceType: z.enum(SERVICE_TYPES), days: z.array(z.enum(WEEKDAYS)), opens: z.string(), closes: z.string() })),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** What the reader may do with this entry, so the staff app shows only what will work. */
  abilities: z.object({ edit: z.boolean(), link: z.boolean(), updateCapacity: z.boolean(), refer: z.boolean(), seeLocation: z.boolean() }),
});
export type ProviderDetailView = z.infer<typeof providerDetailView>;

export const providerIdParams = z.object({ id: z.uuid('That is not a valid directory entry id.') });

export const providerListQuery = z.object({
  q: z.string().trim().max(200).optional(),
  serviceType: z.enum(SERVICE_TYPES).optional(),
  status: z.enum([...PROVIDER_STATUSES, 'all']).default('active'),
  linkedAgencyId: z.uuid().optional(),
  mine: z.enum(['true', 'false']).optional().transform((v) => v === 'true'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type ProviderListQuery = z.infer<typeof providerListQuery>;

// ---- Referral search ----

const boolParam = z.enum(['true', 'false']).optional().transform((v) => v === 'true');

export const searchQuery = z.object({
  need: z.enum(SERVICE_TYPES, { message: 'Choose a service from the list.' }).optional(),
  language: languageTag.optional(),
  age: z.coerce.number({ message: 'Enter an age as a whole number.' }).int('Enter an age as a whole number.').min(0).max(120, 'Enter an age up to 120.').optional(),
  gender: z.enum(GENDERS).optional(),
  immigrationStatus: z.enum(IMMIGRATION_STATUSES).optional(),
  openCapacity: boolParam,
  includeStale: boolParam,
  openNow: boolParam,
  near: z.string().trim().max(60).optional(),
  radiusKm: z.coerce.number().min(1, 'Search at least 1 km around.').max(1000, 'Search at most 1,000 km around.').optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type SearchQuery = z.infer<typeof searchQuery>;

export const searchResultView = providerSummaryView.extend({
  /** Kilometres from `near`; rounded up to whole 5 km for a confidential location, so its place cannot be worked out. */
  distanceKm: z.number().nullable(),
  distanceApproximate: z.boolean(),
});

export const searchView = z.object({
  near: z.object({ latitude: z.number(), longitude: z.number(), label: z.string() }).nullable(),
  results: z.array(searchResultView),
});

// ---- Hubs ----

export const hubShape = {
  name: requiredText(200, 'Give the hub a name of at least 2 characters.'),
  description: optionalText(4000),
  phone,
  email: z.email('Enter an email address.').max(254).nullable().or(z.literal('').transform(() => null)),
  website,
  ...placeShape,
  hoursNotes: optionalText(1000),
  status: z.enum(PROVIDER_STATUSES),
};
export const hubInput = z.object(hubShape).partial().required({ name: true });
export const hubPatch = z
  .object(hubShape)
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'Send at least one field to change.' });
export type HubInput = z.infer<typeof hubInput>;
export type HubPatch = z.infer<typeof hubPatch>;

export const hubSessionInput = z.object({
  providerId: z.uuid('Choose a provider from the directory.'),
  serviceType: z.enum(SERVICE_TYPES, { message: 'Choose one of the services the provider offers.' }),
  days: weeklyHours.shape.days,
  opens: weeklyHours.shape.opens,
  closes: weeklyHours.shape.closes,
  notes: optionalText(500).optional(),
});
export type HubSessionInput = z.infer<typeof hubSessionInput>;

const hubSessionView = z.object({
  id: z.uuid(),
  provider: ref.extend({ organizationName: z.string() }),
  serviceType: z.enum(SERVICE_TYPES),
  days: z.array(z.enum(WEEKDAYS)),
  opens: z.string(),
  closes: z.string(),
  notes: z.string().nullable(),
  openNow: z.boolean(),
});

export const hubSummaryView = z.object({
  id: z.uuid(),
  name: z.string(),
  city: z.string().nullable(),
  state: z.string().nullable(),
  area: z.string().nullable(),
  phone: z.string().nullable(),
  status: z.enum(PROVIDER_STATUSES),
  providerCount: z.number(),
  serviceTypes: z.array(z.enum(SERVICE_TYPES)),
  openNow: z.boolean(),
});

export const hubDetailView = hubSummaryView.extend({
  description: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  address1: z.string().nullable(),
  address2: z.string().nullable(),
  postalCode: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  timeZone: z.string(),
  hoursNotes: z.string().nullable(),
  sessions: z.array(hubSessionView),
  canManage: z.boolean(),
});
export type HubSummaryView = z.infer<typeof hubSummaryView>;
export type HubDetailView = z.infer<typeof hubDetailView>;

export const hubIdParams = z.object({ id: z.uuid('That is not a valid hub id.') });
export const hubSessionParams = hubIdParams.extend({ sessionId: z.uuid('That is not a valid session id.') });

// ---- Referral inquiries ----

/** Leave out anything that could name the person: consented survivor referrals come with survivor services. */
const inquiryNote = z
  .string()
  .trim()
  .max(500, 'Keep the note under 500 characters.')
  .refine((v) => !/[^\s@]+@[^\s@]+\.[^\s@]+/.test(v), 'Leave out email addresses: this inquiry must not identify the person.')
  .refine((v) => (v.match(/\d/g)?.length ?? 0) < 7 || !/\d[\d\s().-]{6,}\d/.test(v), 'Leave out phone numbers and other long numbers: this inquiry must not identify the person.')
  .nullable()
  .transform((v) => (v ? v : null));

export const inquiryInput = z.object({
  serviceType: z.enum(SERVICE_TYPES, { message: 'Choose one of the services this provider offers.' }),
  peopleCount: z.number().int().min(1, 'At least one person.').max(20, 'For more than 20 people, call the provider.').default(1),
  age: age.nullable().optional(),
  language: languageTag.nullable().optional(),
  needed: z.enum(['today', 'this_week', 'flexible']).default('today'),
  note: inquiryNote.optional(),
});
export type InquiryInput = z.infer<typeof inquiryInput>;

export const inquiryAnswer = z
  .object({
    decision: z.enum(['accepted', 'declined'], { message: 'Accept or decline the inquiry.' }),
    note: optionalText(500).optional(),
    holdCapacity: z.boolean().default(false),
  })
  .refine((v) => v.decision === 'accepted' || !v.holdCapacity, { message: 'Only an accepted inquiry can hold a place.', path: ['holdCapacity'] });
export type InquiryAnswer = z.infer<typeof inquiryAnswer>;

export const inquiryListQuery = z.object({
  box: z.enum(['inbox', 'sent']).default('inbox'),
  status: z.enum(INQUIRY_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const inquiryView = z.object({
  id: z.uuid(),
  number: z.number(),
  provider: ref.extend({ organizationName: z.string(), phone: z.string().nullable() }),
  serviceType: z.enum(SERVICE_TYPES),
  unit: z.enum(['beds', 'slots']),
  peopleCount: z.number(),
  age: z.number().nullable(),
  language: z.string().nullable(),
  needed: z.enum(['today', 'this_week', 'flexible']),
  note: z.string().nullable(),
  status: z.enum(INQUIRY_STATUSES),
  responseNote: z.string().nullable(),
  capacityHeld: z.boolean(),
  fromAgency: ref,
  fromUser: z.string(),
  toAgency: ref,
  answeredBy: z.string().nullable(),
  createdAt: z.string(),
  answeredAt: z.string().nullable(),
  abilities: z.object({ answer: z.boolean(), withdraw: z.boolean() }),
});
export type InquiryView = z.infer<typeof inquiryView>;
export const inquiryIdParams = z.object({ id: z.uuid('That is not a valid inquiry id.') });

// ---- Exchange ----

export const exchangeFormat = z.object({ format: z.enum(['hsds', 'csv'], { message: 'Choose format=hsds (Open Referral HSDS 3.0 JSON) or format=csv.' }) });
export const importQuery = exchangeFormat.extend({ dryRun: boolParam });

export const importResultView = z.object({
  dryRun: z.boolean(),
  rows: z.number(),
  created: z.number(),
  updated: z.number(),
});
