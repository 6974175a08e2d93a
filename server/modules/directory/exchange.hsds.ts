import { createHash } from 'node:crypto';
import { SERVICE_TYPES, WEEKDAYS, capacityUnit, type ServiceType, type Weekday } from '../../../common/directory/vocabulary.ts';
import { orderDays, type WeeklyHours } from './hours.ts';
import type { CapacityRow, ProviderRow } from './directory.repo.ts';
import type { FieldNames, ImportRow } from './exchange.rows.ts';

/**
 * Open Referral HSDS 3.0 (JSON, as its API serves services): one HSDS service is one directory entry, with its
 * organization, one service_at_location, phones, languages, weekly schedules and (HSDS 3.1) capacities. What
 * HSDS has no field for travels as attributes: service types as taxonomy terms of `haven-service-types`, the
 * rest as terms of `haven-directory` whose code names the field and whose attribute `value` holds it.
 */
export const SERVICE_TYPE_TAXONOMY = 'haven-service-types';
export const HAVEN_TAXONOMY = 'haven-directory';

const LOCATION = 'service_at_locations[0].location';
const ADDRESS = `${LOCATION}.addresses[0]`;
const attr = (code: string) => `attributes[${HAVEN_TAXONOMY}:${code}]`;

export const HSDS_FIELD_NAMES: FieldNames = {
  organizationName: 'organization.name', name: 'name', description: 'description', serviceTypes: `attributes[${SERVICE_TYPE_TAXONOMY}]`,
  languages: 'languages', minAge: 'minimum_age', maxAge: 'maximum_age', acceptsMinors: attr('accepts_minors'), genders: attr('gender'),
  immigrationRequirement: attr('immigration_requirement'), eligibilityNotes: 'eligibility_description', hours: 'schedules', open24Hours: 'schedules',
  hoursNotes: 'schedules[0].description', cost: attr('cost'), costNotes: 'fees_description', accessibility: attr('accessibility'),
  accessibilityNotes: `${LOCATION}.accessibility`, intakeProcess: 'application_process', phone: 'phones[0].number', email: 'email', website: 'url',
  address1: `${ADDRESS}.address_1`, address2: `${ADDRESS}.address_2`, city: `${ADDRESS}.city`, state: `${ADDRESS}.state_province`,
  postalCode: `${ADDRESS}.postal_code`, area: attr('area'), latitude: `${LOCATION}.latitude`, longitude: `${LOCATION}.longitude`,
  timeZone: attr('time_zone'), confidentialLocation: attr('confidential_location'), status: 'status',
};

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | null => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : null);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : null);
/** HSDS numbers sometimes arrive as strings ("12"); anything else is passed on for the validator to name. */
const num = (v: unknown): unknown => (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v.trim()) ? Number(v) : v === undefined || v === '' ? null : v);

const HSDS_STATUS: Record<string, 'active' | 'inactive'> = { active: 'active', inactive: 'inactive', defunct: 'inactive', 'temporarily closed': 'inactive' };

/** "09:00", "09:00:00", "09:00-05:00" or "09:00Z" → "09:00": the offset is the place's time zone, kept apart. */
const hhmm = (v: unknown) => {
  const text = str(v);
  const match = text ? /^(\d{2}:\d{2})/.exec(text) : null;
  return match ? match[1]! : null;
};

function readSchedules(service: Json, problem: (field: string, message: string) => void): { hours: WeeklyHours[]; open24Hours: boolean; notes: string | null } {
  const hours: WeeklyHours[] = [];
  let notes: string | null = null;
  arr(service.schedules).forEach((raw, i) => {
    const s = obj(raw);
    if (!s) return;
    notes ??= str(s.description);
    const opens = hhmm(s.opens_at);
    const closes = hhmm(s.closes_at);
    if (!opens && !closes && !str(s.byday)) return;
    const freq = str(s.freq)?.toUpperCase() ?? 'WEEKLY';
    const days = (str(s.byday) ?? '').split(',').map((d) => d.trim().toUpperCase()).filter(Boolean);
    if (freq !== 'WEEKLY' || days.some((d) => !(WEEKDAYS as readonly string[]).includes(d))) {
      problem(`schedules[${i}]`, 'Haven keeps weekly hours only: freq WEEKLY and byday as day codes such as MO,TU.');
      return;
    }
    if (!opens || !closes || days.length === 0) {
      problem(`schedules[${i}]`, 'A schedule needs byday, opens_at and closes_at (or only a description).');
      return;
    }
    hours.push({ days: orderDays(days as Weekday[]), opens, closes: closes === '23:59' && opens === '00:00' ? '24:00' : closes });
  });
  const allDay = hours.length > 0 && hours.every((h) => h.opens === '00:00' && h.closes === '24:00') && WEEKDAYS.every((d) => hours.some((h) => h.days.includes(d)));
  return allDay ? { hours: [], open24Hours: true, notes } : { hours, open24Hours: false, notes };
}

/** Reads one HSDS service into an import row. `row` is its place in the file, counted from 1. */
export function serviceToRow(raw: unknown, row: number): ImportRow {
  const problems: ImportRow['problems'] = [];
  const problem = (field: string, message: string) => problems.push({ row, field, message });
  const service = obj(raw);
  if (!service) {
    problem('', 'Each item of contents must be an HSDS service object.');
    return { row, sourceId: null, fields: {}, capacity: null, keepStoredAddress: false, problems, unreadable: true };
  }
  const sourceId = str(service.id);
  if (!sourceId) problem('id', 'Every service needs an id (HSDS requires one).');
  const fields: ImportRow['fields'] = {};
  fields.name = str(service.name) ?? '';
  const organization = obj(service.organization);
  fields.organizationName = str(organization?.name) ?? '';
  if (!organization) problem('organization', 'The service has no organization; give organization.name.');
  fields.description = str(service.description);
  const status = str(service.status)?.toLowerCase() ?? 'active';
  if (HSDS_STATUS[status]) fields.status = HSDS_STATUS[status];
  else problem('status', `"${status}" is not an HSDS status (active, inactive, defunct, temporarily closed).`);
  fields.eligibilityNotes = str(service.eligibility_description);
  fields.minAge = num(service.minimum_age);
  fields.maxAge = num(service.maximum_age);
  fields.intakeProcess = str(service.application_process);
  fields.costNotes = str(service.fees_description);
  fields.email = str(service.email);
  fields.website = str(service.url);

  // Attributes: service types, and the fields HSDS has no place for.
  const serviceTypes: string[] = [];
  const values = new Map<string, string[]>();
  for (const a of arr(service.attributes).map(obj)) {
    const term = obj(a?.taxonomy_term);
    const taxonomy = str(term?.taxonomy);
    const code = str(term?.code);
    if (!code) continue;
    if (taxonomy === SERVICE_TYPE_TAXONOMY) serviceTypes.push(code.toLowerCase());
    else if (taxonomy === HAVEN_TAXONOMY) values.set(code, [...(values.get(code) ?? []), str(a?.value) ?? '']);
  }
  fields.serviceTypes = serviceTypes;
  if (serviceTypes.length === 0) problem(HSDS_FIELD_NAMES.serviceTypes, `No Haven service type: add attributes whose taxonomy_term has taxonomy "${SERVICE_TYPE_TAXONOMY}" and a code such as shelter or legal_immigration.`);
  const one = (code: string) => values.get(code)?.[0];
  const flag = (code: string) => {
    const v = one(code)?.toLowerCase();
    if (v === undefined) return undefined;
    if (v === 'true' || v === 'false') return v === 'true';
    problem(attr(code), `The value must be true or false, not "${v}".`);
    return undefined;
  };
  if (values.has('gender')) fields.genders = values.get('gender')!.map((g) => g.toLowerCase());
  if (values.has('accessibility')) fields.accessibility = values.get('accessibility')!.map((g) => g.toLowerCase());
  if (one('immigration_requirement') !== undefined) fields.immigrationRequirement = one('immigration_requirement');
  if (one('cost') !== undefined) fields.cost = one('cost');
  if (one('area') !== undefined) fields.area = one('area') || null;
  if (one('time_zone') !== undefined) fields.timeZone = one('time_zone');
  const minors = flag('accepts_minors');
  if (minors !== undefined) fields.acceptsMinors = minors;
  const confidential = flag('confidential_location');
  if (confidential !== undefined) fields.confidentialLocation = confidential;

  const languages: string[] = [];
  arr(service.languages).forEach((l, i) => {
    const code = str(obj(l)?.code);
    if (code) languages.push(code);
    else problem(`languages[${i}].code`, `The language "${str(obj(l)?.name) ?? '?'}" has no code; give its ISO 639 code, such as es.`);
  });
  fields.languages = languages;

  const phone = obj(arr(service.phones)[0]);
  const extension = str(phone?.extension);
  fields.phone = phone ? `${str(phone.number) ?? ''}${extension ? ` ext ${extension}` : ''}` || null : null;

  const schedules = readSchedules(service, problem);
  fields.hours = schedules.hours;
  fields.open24Hours = schedules.open24Hours;
  fields.hoursNotes = schedules.notes;

  const locations = arr(service.service_at_locations);
  if (locations.length > 1) problem('service_at_locations', 'Haven keeps one location per service; give each location as a service of its own.');
  const location = obj(obj(locations[0])?.location);
  const addresses = arr(location?.addresses).map(obj).filter((a): a is Json => a !== null);
  const address = addresses.find((a) => str(a.address_type) === 'physical') ?? addresses[0] ?? null;
  fields.address1 = str(address?.address_1);
  fields.address2 = str(address?.address_2);
  fields.city = str(address?.city);
  fields.state = str(address?.state_province);
  fields.postalCode = str(address?.postal_code);
  fields.latitude = num(location?.latitude);
  fields.longitude = num(location?.longitude);
  const access = arr(location?.accessibility).map((a) => str(obj(a)?.description)).filter(Boolean);
  fields.accessibilityNotes = access.length ? access.join(' ') : null;

  const capacity: NonNullable<ImportRow['capacity']> = [];
  arr(service.capacities).forEach((c, i) => {
    const entry = obj(c);
    const unit = obj(entry?.unit);
    const type = (str(unit?.identifier) ?? (serviceTypes.length === 1 ? serviceTypes[0] : null))?.toLowerCase();
    const available = num(entry?.available);
    const maximum = num(entry?.maximum);
    if (!type || !(SERVICE_TYPES as readonly string[]).includes(type)) problem(`capacities[${i}].unit.identifier`, 'Name the service the capacity counts: unit.identifier is a Haven service type such as shelter.');
    else if (typeof available !== 'number' || !Number.isInteger(available) || available < 0) problem(`capacities[${i}].available`, 'available is a whole number of free places, 0 or more.');
    else if (maximum !== null && (typeof maximum !== 'number' || !Number.isInteger(maximum) || maximum < available)) problem(`capacities[${i}].maximum`, 'maximum is a whole number, at least the free places.');
    else capacity.push({ serviceType: type, available, total: maximum as number | null });
  });

  const noAddress = !fields.address1 && !fields.address2 && !fields.postalCode && fields.latitude === null && fields.longitude === null;
  return { row, sourceId, fields, capacity: capacity.length ? capacity : null, keepStoredAddress: fields.confidentialLocation === true && noAddress, problems };
}

/** A stable UUID for an object derived from an entry (its phone, its location…), so exports differ only where data does. */
export function derivedId(...parts: string[]): string {
  const h = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });
const languageName = (code: string) => {
  try {
    return languageNames.of(code) ?? code;
  } catch {
    return code;
  }
};

const SERVICE_TYPE_NAMES: Record<ServiceType, string> = {
  shelter: 'Shelter', emergency_housing: 'Emergency housing', transitional_housing: 'Transitional housing', case_management: 'Case management',
  counseling: 'Counseling', mental_health: 'Mental health', substance_use: 'Substance use treatment', medical: 'Medical care',
  legal_criminal: 'Legal help: criminal', legal_civil: 'Legal help: civil', legal_immigration: 'Legal help: immigration', interpretation: 'Interpretation',
  employment: 'Employment', education: 'Education', basic_needs: 'Basic needs', child_welfare: 'Child welfare', hotline: 'Hotline', transportation: 'Transportation',
};

function havenAttribute(serviceId: string, code: string, value: string | number | boolean) {
  return {
    id: derivedId(serviceId, 'attribute', code, String(value)),
    taxonomy_term_id: derivedId(HAVEN_TAXONOMY, code),
    taxonomy_term: { id: derivedId(HAVEN_TAXONOMY, code), code, name: code, description: `Haven directory field ${code}`, taxonomy: HAVEN_TAXONOMY },
    link_entity: 'service',
    value: String(value),
  };
}

/**
 * One entry as an HSDS service. A confidential location goes out with its area and phone only: no address,
 * ZIP code or coordinates, whoever exports (decision 007).
 */
export function providerToService(p: ProviderRow, capacity: readonly CapacityRow[]): Json {
  const id = p.external_id ?? p.id;
  const hide = p.confidential_location;
  const attributes: Json[] = [
    ...p.service_types.map((code) => ({
      id: derivedId(id, 'service-type', code),
      taxonomy_term_id: derivedId(SERVICE_TYPE_TAXONOMY, code),
      taxonomy_term: { id: derivedId(SERVICE_TYPE_TAXONOMY, code), code, name: SERVICE_TYPE_NAMES[code as ServiceType] ?? code, description: SERVICE_TYPE_NAMES[code as ServiceType] ?? code, taxonomy: SERVICE_TYPE_TAXONOMY },
      link_entity: 'service',
    })),
    havenAttribute(id, 'accepts_minors', p.accepts_minors),
    havenAttribute(id, 'immigration_requirement', p.immigration_requirement),
    havenAttribute(id, 'cost', p.cost),
    havenAttribute(id, 'time_zone', p.time_zone),
    havenAttribute(id, 'confidential_location', p.confidential_location),
    ...p.genders.map((g) => havenAttribute(id, 'gender', g)),
    ...p.accessibility.map((a) => havenAttribute(id, 'accessibility', a)),
    ...(p.area ? [havenAttribute(id, 'area', p.area)] : []),
  ];
  const schedules = p.open_24_hours
    ? [{ id: derivedId(id, 'schedule', '24/7'), freq: 'WEEKLY', wkst: 'MO', byday: WEEKDAYS.join(','), opens_at: '00:00', closes_at: '23:59', description: p.hours_notes ?? 'Open 24 hours, every day' }]
    : (p.hours as WeeklyHours[]).map((h, i) => ({ id: derivedId(id, 'schedule', String(i)), freq: 'WEEKLY', wkst: 'MO', byday: h.days.join(','), opens_at: h.opens, closes_at: h.closes === '24:00' ? '23:59' : h.closes, ...(i === 0 && p.hours_notes ? { description: p.hours_notes } : {}) }));
  if (schedules.length === 0 && p.hours_notes) schedules.push({ id: derivedId(id, 'schedule', 'notes'), description: p.hours_notes } as (typeof schedules)[number]);
  const locationId = derivedId(id, 'location');
  const location: Json = {
    id: locationId,
    location_type: 'physical',
    name: hide ? (p.area ?? p.name) : p.name,
    ...(hide ? {} : { latitude: p.latitude, longitude: p.longitude }),
    // A confidential location keeps its city and state (public, like its area) and nothing more precise.
    addresses:
      !p.address_1 && !p.city && !p.state
        ? []
        : [
            {
              id: derivedId(id, 'address'),
              location_id: locationId,
              address_1: hide ? '' : (p.address_1 ?? ''),
              ...(hide ? {} : { address_2: p.address_2 }),
              city: p.city ?? '',
              state_province: p.state ?? '',
              postal_code: hide ? '' : (p.postal_code ?? ''),
              country: 'US',
              address_type: 'physical',
            },
          ],
    accessibility: p.accessibility_notes ? [{ id: derivedId(id, 'accessibility'), location_id: locationId, description: p.accessibility_notes }] : [],
  };
  return {
    id,
    name: p.name,
    description: p.description,
    url: p.website,
    email: p.email,
    status: p.status,
    application_process: p.intake_process,
    fees_description: p.cost_notes,
    eligibility_description: p.eligibility_notes,
    minimum_age: p.min_age,
    maximum_age: p.max_age,
    last_modified: p.updated_at.toISOString(),
    organization: { id: derivedId('organization', p.organization_name.toLowerCase()), name: p.organization_name, description: p.organization_name },
    phones: p.phone ? [{ id: derivedId(id, 'phone'), number: p.phone, type: 'voice' }] : [],
    languages: p.languages.map((code) => ({ id: derivedId(id, 'language', code), name: languageName(code), code })),
    schedules,
    service_at_locations: [{ id: derivedId(id, 'service-at-location'), service_id: id, location_id: locationId, location }],
    capacities: capacity.map((c) => ({
      id: derivedId(id, 'capacity', c.service_type),
      unit: { id: derivedId('unit', c.service_type), name: capacityUnit(c.service_type as ServiceType) === 'beds' ? 'Bed' : 'Slot', scheme: SERVICE_TYPE_TAXONOMY, identifier: c.service_type },
      available: c.available,
      maximum: c.total,
      description: `${SERVICE_TYPE_NAMES[c.service_type as ServiceType] ?? c.service_type}: free ${capacityUnit(c.service_type as ServiceType)}`,
      updated: c.updated_at.toISOString(),
    })),
    attributes,
  };
}
