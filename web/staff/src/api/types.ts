/** Shapes of the Haven API answers the staff app reads (see docs/api.md). */

export type MfaState = 'enroll' | 'verify' | 'complete';

export interface AgencySummary {
  id: string;
  name: string;
  type: string;
}

export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  locale: string;
  agency: AgencySummary;
  roles: string[];
  permissions: string[];
}

export interface Session {
  mfa: MfaState;
  csrfToken: string;
  user: SessionUser;
}

export interface Agency {
  id: string;
  name: string;
  shortName: string | null;
  type: string;
  contactEmail: string | null;
  contactPhone: string | null;
  isActive: boolean;
  createdAt: string;
}

export type UserStatus = 'invited' | 'active' | 'locked' | 'disabled';

export interface User {
  id: string;
  agencyId: string;
  agencyName: string;
  email: string;
  displayName: string;
  roles: string[];
  status: UserStatus;
  mfaEnrolled: boolean;
  /** Set while failed sign-ins keep the person from signing in; source is a label, never an address. */
  signInLock: { lockedAt: string; failures: number; source: string | null } | null;
  lastActiveAt: string | null;
  createdAt: string;
  /** Only on one person's record (GET /api/users/:id): who issued each activation link and how it ended. */
  activationLinks?: ActivationLink[];
}

export interface ActivationLink {
  issuedAt: string;
  issuedByUserId: string | null;
  issuedByName: string | null;
  expiresAt: string;
  usedAt: string | null;
  outcome: 'used' | 'replaced' | 'refused_signed_in_as_other' | null;
  signedInAsUserId: string | null;
}

export interface Meta {
  agencyTypes: string[];
  roles: string[];
  roleAgencyTypes: Record<string, string[]>;
}

export interface AuditEntry {
  seq: number | string;
  occurredAt: string;
  actorUserId: string | null;
  actorName: string | null;
  actorAgencyId: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  outcome: string;
  details: unknown;
}

export interface AuditPage {
  entries: AuditEntry[];
  nextBefore: number | string | null;
}

export interface MfaEnrollment {
  secret: string;
  otpauthUri: string;
  qrSvg: string;
}
