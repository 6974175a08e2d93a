import { capacityUnit, type AccessibilityFeature, type Gender, type ServiceType, type Weekday } from '../../../common/directory/vocabulary.ts';
import { isOpenAt, type WeeklyHours } from './hours.ts';
import type { CapacityRow, ProviderRow } from './directory.repo.ts';
import type { CapacityView, ProviderDetailView, ProviderSummaryView } from './directory.schema.ts';

/** Counts older than the configured hours are shown, but marked stale: call to confirm before relying on them. */
export function presentCapacity(rows: readonly CapacityRow[], now: Date, staleHours: number): CapacityView[] {
  const staleBefore = now.getTime() - staleHours * 3_600_000;
  return rows.map((c) => ({
    serviceType: c.service_type as ServiceType,
    unit: capacityUnit(c.service_type as ServiceType),
    available: c.available,
    total: c.total,
    updatedAt: c.updated_at.toISOString(),
    stale: c.updated_at.getTime() < staleBefore,
  }));
}

export interface PresentOptions {
  now: Date;
  staleHours: number;
}

/**
 * A directory entry in a list or search result. Never the street address or position, whoever reads it: a
 * confidential location's address appears only in its detail, to its own agency (see presentProviderDetail).
 */
export function presentProviderSummary(row: ProviderRow, capacity: readonly CapacityRow[], o: PresentOptions): ProviderSummaryView {
  return {
    id: row.id,
    organizationName: row.organization_name,
    name: row.name,
    serviceTypes: row.service_types as ServiceType[],
    languages: row.languages,
    minAge: row.min_age,
    maxAge: row.max_age,
    acceptsMinors: row.accepts_minors,
    genders: row.genders as Gender[],
    immigrationRequirement: row.immigration_requirement,
    cost: row.cost,
    phone: row.phone,
    city: row.city,
    state: row.state,
    area: row.area,
    confidentialLocation: row.confidential_location,
    status: row.status,
    linkedAgency: row.linked_agency_id ? { id: row.linked_agency_id, name: row.linked_agency_name ?? '' } : null,
    openNow: isOpenAt(row.open_24_hours, row.hours as WeeklyHours[], row.time_zone, o.now),
    capacity: presentCapacity(capacity, o.now, o.staleHours),
  };
}

export interface DetailExtras {
  /** Whether this reader may see the street address and position (policy: canSeeLocation). */
  showLocation: boolean;
  hubSessions: ReadonlyArray<{ id: string; hub_id: string; hub_name: string; service_type: string; days: string[]; opens: string; closes: string }>;
  abilities: ProviderDetailView['abilities'];
}

export function presentProviderDetail(row: ProviderRow, capacity: readonly CapacityRow[], o: PresentOptions, extras: DetailExtras): ProviderDetailView {
  const hasAddress = Boolean(row.address_1 || row.postal_code || row.latitude !== null);
  return {
    ...presentProviderSummary(row, capacity, o),
    description: row.description,
    eligibilityNotes: row.eligibility_notes,
    hours: row.hours as WeeklyHours[],
    open24Hours: row.open_24_hours,
    hoursNotes: row.hours_notes,
    costNotes: row.cost_notes,
    accessibility: row.accessibility as AccessibilityFeature[],
    accessibilityNotes: row.accessibility_notes,
    intakeProcess: row.intake_process,
    email: row.email,
    website: row.website,
    timeZone: row.time_zone,
    location: extras.showLocation ? { address1: row.address_1, address2: row.address_2, postalCode: row.postal_code, latitude: row.latitude, longitude: row.longitude } : null,
    addressOnFile: hasAddress,
    hubSessions: extras.hubSessions.map((s) => ({ id: s.id, hub: { id: s.hub_id, name: s.hub_name }, serviceType: s.service_type as ServiceType, days: s.days as Weekday[], opens: s.opens, closes: s.closes })),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    abilities: extras.abilities,
  };
}

/** What the public may know of a provider: for the portal's finder, later. */
export interface PublicProvider {
  id: string;
  organizationName: string;
  name: string;
  description: string | null;
  serviceTypes: ServiceType[];
  languages: string[];
  eligibility: { minAge: number | null; maxAge: number | null; acceptsMinors: boolean; genders: Gender[]; immigrationRequirement: ProviderRow['immigration_requirement']; notes: string | null };
  hours: WeeklyHours[];
  open24Hours: boolean;
  hoursNotes: string | null;
  openNow: boolean | null;
  cost: ProviderRow['cost'];
  costNotes: string | null;
  accessibility: AccessibilityFeature[];
  intakeProcess: string | null;
  phone: string | null;
  website: string | null;
  city: string | null;
  state: string | null;
  area: string | null;
  /** Only for a place that is not confidential; a confidential one is a phone number and an area, nothing more. */
  address: { address1: string | null; address2: string | null; postalCode: string | null; latitude: number | null; longitude: number | null } | null;
}

/**
 * The public-safe shape of an entry, for pages anyone can open. A confidential location never carries its
 * address, ZIP code or position here, whatever the caller asks; nor does any entry carry capacity, the linked
 * agency, or the staff email.
 */
export function presentProviderPublic(row: ProviderRow, now: Date): PublicProvider {
  return {
    id: row.id,
    organizationName: row.organization_name,
    name: row.name,
    description: row.description,
    serviceTypes: row.service_types as ServiceType[],
    languages: row.languages,
    eligibility: { minAge: row.min_age, maxAge: row.max_age, acceptsMinors: row.accepts_minors, genders: row.genders as Gender[], immigrationRequirement: row.immigration_requirement, notes: row.eligibility_notes },
    hours: row.hours as WeeklyHours[],
    open24Hours: row.open_24_hours,
    hoursNotes: row.hours_notes,
    openNow: isOpenAt(row.open_24_hours, row.hours as WeeklyHours[], row.time_zone, now),
    cost: row.cost,
    costNotes: row.cost_notes,
    accessibility: row.accessibility as AccessibilityFeature[],
    intakeProcess: row.intake_process,
    phone: row.phone,
    website: row.website,
    city: row.city,
    state: row.state,
    area: row.area,
    address: row.confidential_location ? null : { address1: row.address_1, address2: row.address_2, postalCode: row.postal_code, latitude: row.latitude, longitude: row.longitude },
  };
}
