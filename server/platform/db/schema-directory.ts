import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, DefaultedTimestamp, Json, Timestamp } from './schema-columns.ts';

/** Table types of the service directory and Safe Places (migrations 2026-11-23T1900 and T1910). */
/** A weekly opening: the days, and local times in the place's time zone (`closes` before `opens` runs past midnight). */
export interface WeeklyHours {
  days: string[];
  opens: string;
  closes: string;
}

export interface DirectoryProviderTable {
  id: Generated<string>;
  external_id: string | null;
  organization_name: string;
  name: string;
  description: string | null;
  service_types: string[];
  languages: Generated<string[]>;
  min_age: number | null;
  max_age: number | null;
  accepts_minors: Generated<boolean>;
  genders: Generated<string[]>;
  immigration_requirement: Generated<'none' | 'lawful_status' | 'citizens_only'>;
  eligibility_notes: string | null;
  hours: Json<WeeklyHours[]>;
  open_24_hours: Generated<boolean>;
  hours_notes: string | null;
  cost: Generated<'free' | 'sliding_scale' | 'fee'>;
  cost_notes: string | null;
  accessibility: Generated<string[]>;
  accessibility_notes: string | null;
  intake_process: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  address_1: string | null;
  address_2: string | null;
  city: string | null;
  state: string | null;
  postal_code: string | null;
  area: string | null;
  latitude: number | null;
  longitude: number | null;
  time_zone: string;
  confidential_location: Generated<boolean>;
  status: Generated<'active' | 'inactive'>;
  linked_agency_id: string | null;
  created_by_user_id: string | null;
  updated_by_user_id: string | null;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

export interface DirectoryCapacityTable {
  provider_id: string;
  service_type: string;
  available: number;
  total: number | null;
  updated_at: Timestamp;
  updated_by_user_id: string | null;
}

export interface DirectoryCapacityHistoryTable {
  id: Generated<number>;
  provider_id: string;
  service_type: string;
  available: number;
  total: number | null;
  source: 'staff' | 'import' | 'inquiry_hold';
  changed_by_user_id: string | null;
  changed_at: DefaultedTimestamp;
}

export interface DirectoryHubTable {
  id: Generated<string>;
  name: string;
  description: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  address_1: string | null;
  address_2: string | null;
  city: string | null;
  state: string | null;
  postal_code: string | null;
  area: string | null;
  latitude: number | null;
  longitude: number | null;
  time_zone: string;
  hours_notes: string | null;
  status: Generated<'active' | 'inactive'>;
  created_by_user_id: string | null;
  updated_by_user_id: string | null;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

export interface DirectoryHubSessionTable {
  id: Generated<string>;
  hub_id: string;
  provider_id: string;
  service_type: string;
  days: string[];
  opens: string;
  closes: string;
  notes: string | null;
  created_at: DefaultedTimestamp;
}

export interface DirectoryReferralInquiryTable {
  id: Generated<string>;
  number: Generated<number>;
  provider_id: string;
  service_type: string;
  people_count: Generated<number>;
  age: number | null;
  language: string | null;
  needed: Generated<'today' | 'this_week' | 'flexible'>;
  note: string | null;
  status: Generated<'open' | 'accepted' | 'declined' | 'withdrawn'>;
  response_note: string | null;
  capacity_held: Generated<boolean>;
  from_agency_id: string;
  from_user_id: string;
  to_agency_id: string;
  answered_by_user_id: string | null;
  created_at: DefaultedTimestamp;
  answered_at: Timestamp | null;
  updated_at: DefaultedTimestamp;
}

/** A Safe Place's week: per weekday, local opening periods ('HH:MM'; `closes` before `opens` runs past midnight). */
export interface SafePlaceHours {
  alwaysOpen: boolean;
  days: Record<'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun', Array<{ opens: string; closes: string }>>;
}

export interface SafePlaceTable {
  id: Generated<string>;
  name: string;
  kind: 'library' | 'fire_station' | 'police_station' | 'youth_center' | 'community_center' | 'business' | 'other';
  address: string;
  city: string;
  state: string;
  zip: string;
  lat: number;
  lng: number;
  /** `point(lng, lat)`, computed by the database for the nearest-site index; never written. */
  location: ColumnType<string, never, never>;
  time_zone: string;
  hours: Json<SafePlaceHours>;
  public_phone: string | null;
  public_note: string | null;
  contact_name: string | null;
  contact_phone: string | null;
  contact_phone_public: Generated<boolean>;
  staff_last_trained_on: ColumnType<string | null, string | null | undefined, string | null>;
  is_active: Generated<boolean>;
  created_by_user_id: string | null;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
}

export interface DirectoryTables {
  directory_providers: DirectoryProviderTable;
  directory_capacity: DirectoryCapacityTable;
  directory_capacity_history: DirectoryCapacityHistoryTable;
  directory_hubs: DirectoryHubTable;
  directory_hub_sessions: DirectoryHubSessionTable;
  directory_referral_inquiries: DirectoryReferralInquiryTable;
  safe_places: SafePlaceTable;
}
