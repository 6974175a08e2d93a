import type { ConsentCategoryCode } from '../../../../../common/survivors/vocabulary.ts';

export { CONSENT_CATEGORIES, CONSENT_METHODS, DELIVERED_SERVICE_TYPES, GENDERS, NEED_DOMAINS } from '../../../../../common/survivors/vocabulary.ts';
export type ConsentCategory = ConsentCategoryCode;

interface Ref {
  id: string;
  name: string;
}

export interface SurvivorSummary {
  id: string;
  number: number;
  agency: Ref;
  access: 'own' | 'consented';
  label: string | null;
  isMinor: boolean | null;
  status: string | null;
  identifiedAt: string | null;
}

export interface Identity {
  names: string[];
  aliases: string[];
  birthDate: string | null;
  documents: Array<{ type: string; number: string }>;
  allegedTraffickers: string[];
}

export interface Contact {
  phones: string[];
  emails: string[];
  addresses: string[];
  safeToContact: string | null;
}

export interface Screening {
  id: string;
  screenedAt: string;
  indicators: Array<{ id: string; domain: string }>;
  score: number;
  potentialVictim: boolean;
  reasons: string[];
  methodsOfControl: string[];
  typesOfExploitation: string[];
  answers: Record<string, string> | null;
}

export interface Need {
  id: string;
  domain: string;
  detail: string | null;
  priority: string;
  status: string;
  note: string | null;
}

export interface Goal {
  id: string;
  domain: string;
  description: string;
  targetDate: string | null;
  status: string;
  achievedOn: string | null;
}

export interface DeliveredService {
  id: string;
  serviceType: string;
  deliveredOn: string;
  provider: Ref | null;
  units: number | null;
  hours: number | null;
  note: string | null;
}

export interface SurvivorTask {
  id: string;
  kind: string;
  title: string;
  dueAt: string | null;
  status: string;
  doneAt: string | null;
}

export interface SurvivorDocument {
  id: string;
  title: string;
  contentType: string;
  byteSize: number;
  createdAt: string;
}

export interface Consent {
  id: string;
  recipientAgency: Ref;
  purpose: string;
  categories: ConsentCategory[];
  method: string;
  startsAt: string;
  expiresAt: string;
  signer: string;
  minorConsentBasis: string | null;
  revokedAt: string | null;
  state: 'pending' | 'active' | 'expired' | 'revoked';
  createdAt: string;
}

export interface Disclosure {
  id: string;
  recipientAgency: Ref | null;
  recipientDescription: string;
  basis: string;
  legalReference: string;
  categories: ConsentCategory[];
  status: string;
  expiresAt: string;
  requestedAt: string;
  decidedAt: string | null;
}

export interface Referral {
  id: string;
  survivorId: string;
  fromAgency: Ref;
  provider: Ref | null;
  toAgency: Ref | null;
  serviceType: string;
  kind: string;
  note: string | null;
  status: 'draft' | 'sent' | 'accepted' | 'declined' | 'completed' | 'withdrawn';
  declineReason: string | null;
  outcome: string | null;
  createdAt: string;
  sentAt: string | null;
  respondedAt: string | null;
  completedAt: string | null;
  withdrawnAt: string | null;
}

export interface Facts {
  gender: string | null;
  ageAtIdentification: number | null;
  ageBasis: string | null;
  isMinor: boolean;
  primaryLanguage: string | null;
  traffickingType: string;
  identifiedAt: string;
  status: string;
  safeHarbor: 'not_applicable' | 'routed' | 'overridden' | string;
}

/** A record as the server lets this person see it: a part the viewer may not read is null. */
export interface Survivor {
  id: string;
  number: number;
  agency: Ref;
  access: 'own' | 'consented';
  shared: { categories: ConsentCategory[]; until: string | null } | null;
  facts: Facts | null;
  identity: Identity | null;
  contact: Contact | null;
  narrative: string | null;
  screenings: Screening[] | null;
  needs: Need[] | null;
  goals: Goal[] | null;
  services: DeliveredService[] | null;
  tasks: SurvivorTask[] | null;
  documents: SurvivorDocument[] | null;
  consents: Consent[] | null;
  disclosures: Disclosure[] | null;
  referrals: Referral[] | null;
  createdAt: string;
}

export interface NewSurvivor {
  identity: Identity;
  contact: Contact;
  narrative?: string;
  gender?: string;
  estimatedAge?: number;
  primaryLanguage?: string;
  traffickingType?: string;
  identifiedAt?: string;
}

export interface ScreeningQuestions {
  intro: { en: string; es: string };
  domains: string[];
  questions: Array<{ id: string; domain: string; text: { en: string; es: string } }>;
  answers: string[];
}
