import type { ServiceType, Weekday } from '../../../../../common/directory/vocabulary.ts';

export {
  ACCESSIBILITY_FEATURES,
  COSTS,
  GENDERS,
  IMMIGRATION_REQUIREMENTS,
  IMMIGRATION_STATUSES,
  SERVICE_TYPES,
  WEEKDAYS,
  capacityUnit,
} from '../../../../../common/directory/vocabulary.ts';
export type { ServiceType, Weekday };

export interface Capacity {
  serviceType: ServiceType;
  unit: 'beds' | 'slots';
  available: number;
  total: number | null;
  updatedAt: string;
  stale: boolean;
}

export interface WeeklyHours {
  days: Weekday[];
  opens: string;
  closes: string;
}

export interface ProviderSummary {
  id: string;
  organizationName: string;
  name: string;
  serviceTypes: ServiceType[];
  languages: string[];
  minAge: number | null;
  maxAge: number | null;
  acceptsMinors: boolean;
  genders: string[];
  immigrationRequirement: string;
  cost: string;
  phone: string | null;
  city: string | null;
  state: string | null;
  area: string | null;
  confidentialLocation: boolean;
  status: 'active' | 'inactive';
  linkedAgency: { id: string; name: string } | null;
  openNow: boolean | null;
  capacity: Capacity[];
}

export interface SearchResult extends ProviderSummary {
  distanceKm: number | null;
  distanceApproximate: boolean;
}

export interface ProviderDetail extends ProviderSummary {
  description: string | null;
  eligibilityNotes: string | null;
  hours: WeeklyHours[];
  open24Hours: boolean;
  hoursNotes: string | null;
  costNotes: string | null;
  accessibility: string[];
  accessibilityNotes: string | null;
  intakeProcess: string | null;
  email: string | null;
  website: string | null;
  timeZone: string;
  location: { address1: string | null; address2: string | null; postalCode: string | null; latitude: number | null; longitude: number | null } | null;
  addressOnFile: boolean;
  hubSessions: Array<{ id: string; hub: { id: string; name: string }; serviceType: ServiceType; days: Weekday[]; opens: string; closes: string }>;
  createdAt: string;
  updatedAt: string;
  abilities: { edit: boolean; link: boolean; updateCapacity: boolean; refer: boolean; seeLocation: boolean };
}

export interface RevealedLocation {
  address1: string | null;
  address2: string | null;
  city: string | null;
  state: string | null;
  postalCode: string | null;
  latitude: number | null;
  longitude: number | null;
}

/** What the editor sends: every field, empty ones as null. */
export interface ProviderInput {
  organizationName: string;
  name: string;
  description: string | null;
  serviceTypes: string[];
  languages: string[];
  minAge: number | null;
  maxAge: number | null;
  acceptsMinors: boolean;
  genders: string[];
  immigrationRequirement: string;
  eligibilityNotes: string | null;
  hours: WeeklyHours[];
  open24Hours: boolean;
  hoursNotes: string | null;
  cost: string;
  costNotes: string | null;
  accessibility: string[];
  accessibilityNotes: string | null;
  intakeProcess: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  address1?: string | null;
  address2?: string | null;
  city: string | null;
  state: string | null;
  postalCode?: string | null;
  area: string | null;
  latitude?: number | null;
  longitude?: number | null;
  timeZone: string;
  confidentialLocation: boolean;
  status: 'active' | 'inactive';
  linkedAgencyId?: string | null;
}

export interface Inquiry {
  id: string;
  number: number;
  provider: { id: string; name: string; organizationName: string; phone: string | null };
  serviceType: ServiceType;
  unit: 'beds' | 'slots';
  peopleCount: number;
  age: number | null;
  language: string | null;
  needed: 'today' | 'this_week' | 'flexible';
  note: string | null;
  status: 'open' | 'accepted' | 'declined' | 'withdrawn';
  responseNote: string | null;
  capacityHeld: boolean;
  fromAgency: { id: string; name: string };
  fromUser: string;
  toAgency: { id: string; name: string };
  answeredBy: string | null;
  createdAt: string;
  answeredAt: string | null;
  abilities: { answer: boolean; withdraw: boolean };
}

export interface InquiryInput {
  serviceType: string;
  peopleCount: number;
  age: number | null;
  language: string | null;
  needed: 'today' | 'this_week' | 'flexible';
  note: string | null;
}

export interface HubSession {
  id: string;
  provider: { id: string; name: string; organizationName: string };
  serviceType: ServiceType;
  days: Weekday[];
  opens: string;
  closes: string;
  notes: string | null;
  openNow: boolean;
}

export interface HubSummary {
  id: string;
  name: string;
  city: string | null;
  state: string | null;
  area: string | null;
  phone: string | null;
  status: 'active' | 'inactive';
  providerCount: number;
  serviceTypes: ServiceType[];
  openNow: boolean;
}

export interface HubDetail extends HubSummary {
  description: string | null;
  email: string | null;
  website: string | null;
  address1: string | null;
  address2: string | null;
  postalCode: string | null;
  latitude: number | null;
  longitude: number | null;
  timeZone: string;
  hoursNotes: string | null;
  sessions: HubSession[];
  canManage: boolean;
}

export interface ImportResult {
  dryRun: boolean;
  rows: number;
  created: number;
  updated: number;
}
