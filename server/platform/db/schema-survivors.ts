import type { ColumnType, Generated } from 'kysely';
import type { DefaultedTimestamp, Json, Timestamp } from './schema-columns.ts';

/** Table types of survivor services (migration 2026-11-24T1000_survivors, decision 010). */
/** numeric comes back as a string (database.ts). */
type Numeric = ColumnType<string, number | string, number | string>;

export type ConsentCategory = 'identity' | 'contact' | 'needs' | 'narrative' | 'services';

export interface SurvivorDataKeyTable {
  agency_id: string;
  version: number;
  kek_generation: number;
  wrapped_data_key: Buffer;
  wrapped_index_key: Buffer;
  created_at: DefaultedTimestamp;
}

export interface SurvivorTable {
  id: Generated<string>;
  agency_id: string;
  number: Generated<number>;
  key_version: number;
  identity_enc: Buffer | null;
  contact_enc: Buffer | null;
  narrative_enc: Buffer | null;
  gender: string | null;
  age_at_identification: number | null;
  age_basis: 'date_of_birth' | 'estimated' | null;
  is_minor: Generated<boolean>;
  primary_language: string | null;
  trafficking_type: Generated<'sex' | 'labor' | 'both' | 'unknown'>;
  identified_at: Timestamp;
  status: Generated<'open' | 'closed'>;
  closed_at: Timestamp | null;
  safe_harbor: Generated<'not_applicable' | 'routed' | 'overridden'>;
  safe_harbor_override_reason: string | null;
  created_by_user_id: string | null;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

export type BlindIndexKind = 'name' | 'birth_date' | 'phone' | 'email' | 'document' | 'trafficker';

export interface SurvivorBlindIndexTable {
  survivor_id: string;
  agency_id: string;
  kind: BlindIndexKind;
  value: Buffer;
}

export interface SurvivorScreeningTable {
  id: Generated<string>;
  survivor_id: string;
  agency_id: string;
  answers: Json<Record<string, string>>;
  indicators: string[];
  score: number;
  potential_victim: boolean;
  reasons: string[];
  methods_of_control: string[];
  types_of_exploitation: string[];
  screened_by_user_id: string | null;
  screened_at: Timestamp;
}

export interface SurvivorNeedTable {
  id: Generated<string>;
  survivor_id: string;
  agency_id: string;
  domain: string;
  detail: string | null;
  priority: Generated<'urgent' | 'high' | 'medium' | 'low'>;
  status: Generated<'open' | 'in_progress' | 'met' | 'declined'>;
  note: string | null;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

export interface SurvivorGoalTable {
  id: Generated<string>;
  survivor_id: string;
  agency_id: string;
  domain: string;
  description: string;
  target_date: string | null;
  status: Generated<'open' | 'achieved' | 'dropped'>;
  achieved_on: string | null;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

export interface SurvivorServiceTable {
  id: Generated<string>;
  survivor_id: string;
  agency_id: string;
  service_type: string;
  delivered_on: string;
  provider_id: string | null;
  units: Numeric | null;
  hours: Numeric | null;
  note: string | null;
  recorded_by_user_id: string | null;
  created_at: DefaultedTimestamp;
}

export interface SurvivorTaskTable {
  id: Generated<string>;
  survivor_id: string;
  agency_id: string;
  kind: 'mandated_report' | 'follow_up';
  title: string;
  due_at: Timestamp | null;
  status: Generated<'open' | 'done' | 'cancelled'>;
  done_at: Timestamp | null;
  created_at: DefaultedTimestamp;
}

export interface SurvivorDocumentTable {
  id: Generated<string>;
  survivor_id: string;
  agency_id: string;
  key_version: number;
  title_enc: Buffer;
  content_type: string;
  byte_size: number;
  data_enc: Buffer;
  uploaded_by_user_id: string | null;
  created_at: DefaultedTimestamp;
}

export interface SurvivorConsentTable {
  id: Generated<string>;
  survivor_id: string;
  agency_id: string;
  recipient_agency_id: string;
  purpose: string;
  categories: ConsentCategory[];
  method: 'signed_form' | 'e_signature' | 'verbal_emergency';
  starts_at: Timestamp;
  expires_at: Timestamp;
  signer: 'survivor' | 'survivor_and_guardian' | 'guardian';
  guardian_enc: Buffer | null;
  minor_consent_basis: string | null;
  revoked_at: Timestamp | null;
  revoked_by_user_id: string | null;
  revocation_note: string | null;
  recorded_by_user_id: string | null;
  created_at: DefaultedTimestamp;
}

export interface SurvivorDisclosureTable {
  id: Generated<string>;
  survivor_id: string;
  agency_id: string;
  recipient_agency_id: string | null;
  recipient_description: string;
  basis: 'court_order' | 'mandated_report' | 'other_legal_duty';
  legal_reference: string;
  categories: ConsentCategory[];
  status: Generated<'requested' | 'approved' | 'refused'>;
  expires_at: Timestamp;
  notice_given_at: Timestamp | null;
  notice_method: string | null;
  notice_note: string | null;
  requested_by_user_id: string;
  requested_at: Timestamp;
  decided_by_user_id: string | null;
  decided_at: Timestamp | null;
  decision_reason: string | null;
}

export type ReferralStatus = 'draft' | 'sent' | 'accepted' | 'declined' | 'completed' | 'withdrawn';

export interface SurvivorReferralTable {
  id: Generated<string>;
  survivor_id: string;
  agency_id: string;
  provider_id: string | null;
  to_agency_id: string | null;
  service_type: string;
  kind: Generated<'standard' | 'child_welfare'>;
  note: string | null;
  status: Generated<ReferralStatus>;
  decline_reason: string | null;
  outcome: string | null;
  created_by_user_id: string | null;
  created_at: Timestamp;
  sent_at: Timestamp | null;
  responded_at: Timestamp | null;
  responded_by_user_id: string | null;
  completed_at: Timestamp | null;
  withdrawn_at: Timestamp | null;
  updated_at: Timestamp;
}

export type RetentionPart = 'record' | 'narrative' | 'contact' | 'documents' | 'screenings';

export interface SurvivorRetentionRuleTable {
  agency_id: string;
  part: RetentionPart;
  days_after_closing: number;
  updated_by_user_id: string | null;
  updated_at: DefaultedTimestamp;
}

export interface SurvivorTables {
  survivor_data_keys: SurvivorDataKeyTable;
  survivors: SurvivorTable;
  survivor_blind_indexes: SurvivorBlindIndexTable;
  survivor_screenings: SurvivorScreeningTable;
  survivor_needs: SurvivorNeedTable;
  survivor_goals: SurvivorGoalTable;
  survivor_services: SurvivorServiceTable;
  survivor_tasks: SurvivorTaskTable;
  survivor_documents: SurvivorDocumentTable;
  survivor_consents: SurvivorConsentTable;
  survivor_disclosures: SurvivorDisclosureTable;
  survivor_referrals: SurvivorReferralTable;
  survivor_retention_rules: SurvivorRetentionRuleTable;
}
