import { z } from 'zod';
import { US_STATE_CODES } from '../geo/us-states.ts';
import { minutesOf, WEEKDAYS } from './hours.ts';

export const SAFE_PLACE_KINDS = ['library', 'fire_station', 'police_station', 'youth_center', 'community_center', 'business', 'other'] as const;
export type SafePlaceKind = (typeof SAFE_PLACE_KINDS)[number];

// The states and DC, and the territories with USPS codes.
const STATE_CODES = [...US_STATE_CODES, 'PR', 'VI', 'GU', 'AS', 'MP'];

const optionalText = (max: number) => z.string().trim().max(max, `Keep this under ${max} characters.`).nullish().transform((v) => (v ? v : null));
const time = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'Write times as HH:MM on a 24-hour clock, such as 09:00 or 21:30.');

const period = z
  .object({ opens: time, closes: time })
  .refine((p) => p.opens !== '24:00', { message: 'A period cannot open at 24:00; use 00:00.', path: ['opens'] })
  .refine((p) => minutesOf(p.opens) !== minutesOf(p.closes) || p.closes === '24:00', { message: 'A period cannot open and close at the same time. For a whole day, use 00:00 to 24:00.', path: ['closes'] });

const dayPeriods = z.array(period).max(4, 'At most 4 opening periods a day.').default([]);

export const weeklyHours = z
  .object({
    alwaysOpen: z.boolean().default(false),
    days: z.object(Object.fromEntries(WEEKDAYS.map((d) => [d, dayPeriods])) as Record<(typeof WEEKDAYS)[number], typeof dayPeriods>).default(Object.fromEntries(WEEKDAYS.map((d) => [d, []])) as never),
  })
  .refine((h) => h.alwaysOpen || WEEKDAYS.some((d) => h.days[d].length > 0), {
    message: 'Give the opening hours of at least one day, or mark the place open 24 hours.',
    path: ['days'],
  });

const latitude = z.number({ message: 'Give the latitude as a number, such as 29.7604.' }).min(-90, 'Latitude is between -90 and 90.').max(90, 'Latitude is between -90 and 90.');
const longitude = z.number({ message: 'Give the longitude as a number, such as -95.3698.' }).min(-180, 'Longitude is between -180 and 180.').max(180, 'Longitude is between -180 and 180.');

export const safePlaceInput = z.object({
  name: z.string().trim().min(2, 'Give the place a name of at least 2 characters.').max(200),
  kind: z.enum(SAFE_PLACE_KINDS, { message: 'Choose one of the listed kinds of place.' }),
  address: z.string().trim().min(3, 'Give the street address.').max(200),
  city: z.string().trim().min(2, 'Give the city.').max(100),
  state: z
    .string()
    .trim()
    .toUpperCase()
    .refine((s) => STATE_CODES.includes(s), 'Use the two-letter state code, such as TX.'),
  zip: z
    .string()
    .trim()
    .regex(/^\d{5}(-\d{4})?$/, 'Give a 5-digit ZIP code.')
    .transform((z5) => z5.slice(0, 5)),
  lat: latitude,
  lng: longitude,
  /** IANA zone; without it, the zone at the coordinates. */
  timeZone: z.string().trim().max(64).nullish(),
  hours: weeklyHours,
  publicPhone: optionalText(40),
  publicNote: optionalText(300),
  contactName: optionalText(120),
  contactPhone: optionalText(40),
  contactPhonePublic: z.boolean().default(false),
  staffLastTrainedOn: z.iso.date('Give the date as YYYY-MM-DD.').nullish().transform((v) => v ?? null),
});

export const safePlacePatch = z
  .object({
    ...safePlaceInput.shape,
    contactPhonePublic: z.boolean(),
    isActive: z.boolean(),
  })
  .partial();

const periodView = z.object({ opens: z.string(), closes: z.string() });
export const hoursView = z.object({ alwaysOpen: z.boolean(), days: z.object(Object.fromEntries(WEEKDAYS.map((d) => [d, z.array(periodView)])) as Record<(typeof WEEKDAYS)[number], z.ZodArray<typeof periodView>>) });
const moment = z.object({ day: z.enum(WEEKDAYS), time: z.string() });
export const openStatusView = z.union([z.object({ isOpen: z.literal(true), closes: moment.nullable() }), z.object({ isOpen: z.literal(false), opens: moment.nullable() })]);

export const safePlaceView = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(SAFE_PLACE_KINDS),
  address: z.string(),
  city: z.string(),
  state: z.string(),
  zip: z.string(),
  lat: z.number(),
  lng: z.number(),
  timeZone: z.string(),
  hours: hoursView,
  publicPhone: z.string().nullable(),
  publicNote: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  contactPhonePublic: z.boolean(),
  staffLastTrainedOn: z.string().nullable(),
  isActive: z.boolean(),
  /** At the moment of the answer, in the place's own time zone. */
  openNow: openStatusView,
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const safePlaceListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  kind: z.enum(SAFE_PLACE_KINDS, { message: 'Choose one of the listed kinds of place.' }).optional(),
  active: z.enum(['true', 'false', 'all'], { message: 'Use true, false or all.' }).default('all'),
});

export const safePlaceIdParams = z.object({ id: z.uuid('That is not a valid Safe Place id.') });

export type SafePlaceInput = z.infer<typeof safePlaceInput>;
export type SafePlacePatch = z.infer<typeof safePlacePatch>;
export type SafePlaceView = z.infer<typeof safePlaceView>;
export type SafePlaceListQuery = z.infer<typeof safePlaceListQuery>;
