import { readFileSync } from 'node:fs';
import type { AgencyType } from '../../common/access/agencies.ts';
import { ROLES, type Role } from '../../common/access/roles.ts';
import { TEST_PASSWORD } from './factories.ts';
import { pngWithText } from './fixtures/files.ts';

/**
 * Who may call which staff endpoint, written as a policy. access-matrix.test.ts calls every endpoint as every
 * role, against something of its own agency and of another one, and expects exactly what this table says:
 * the rule's status when allowed, 403 (or 404, see `visibleTo`) when not, and 401 for everyone without a
 * session or before the second factor.
 *
 * A module that registers a staff route adds its rows here; the test fails until it does, whether or not the
 * route is in docs/api.md.
 */

/**
 * `any`: whatever agency the target belongs to. `own-agency`: only a target of the caller's own agency.
 * `self`: only the caller's own (their account, their notifications). `partner`: only what another agency shared
 * with the caller's (a case's partners): neither the agency's own record nor another's as such.
 */
export type Scope = 'any' | 'own-agency' | 'self' | 'partner';

/** Roles not named are refused. */
export type Allowed = Partial<Record<Role, Scope>>;

export const everyRole = (scope: Scope): Allowed => Object.fromEntries(ROLES.map((role) => [role, scope]));

/**
 * What the call points at. These run twice, once at something of the caller's own agency (or their own) and
 * once at something of another agency (or person): `agency`, `user` (a person), `tip` (assigned to the
 * agency), `notification`. `self` is the caller's own account; `none` is nothing in particular.
 */
export type TargetKind =
  | 'agency'
  | 'user'
  | 'tip'
  | 'notification'
  | 'safe-place'
  // A confidential directory entry linked to the agency; a service hub (no agency); a referral inquiry received
  // by the agency (sent by a third one), or sent by it (to a third one's provider).
  | 'directory-provider'
  | 'directory-hub'
  | 'inquiry-received'
  | 'inquiry-sent'
  // A case led by the agency (own) or by another, unshared (other); or led by another agency and shared with
  // the caller's at a partner level (run once). `entity…`: the same, the call pointing at a person in the case.
  | CaseTargetKind
  | 'hit'
  // Survivor services (decision 010): a survivor record kept by the agency (own) or by another (other), with a
  // need, a goal, a task, a document, an active consent and a requested disclosure, under Safe Harbor routing; a
  // draft referral the agency made; a referral sent to the agency (received), or received and accepted.
  | 'survivor'
  | 'referral-draft'
  | 'referral-received'
  | 'referral-accepted'
  | 'self'
  | 'none';

export type CaseTargetKind = `${'case' | 'entity'}${'' | '@summary' | '@read' | '@edit'}`;

export interface CaseTarget {
  /** The agency the call is about (for `self` and `none`, the caller's). */
  agencyId: string;
  /** Path parameters by name (`id`, `attachmentId`), plus `intoTipId` (a second tip beside the target) and `elsewhereAgencyId`. */
  params: Record<string, string>;
  /** A value unique to this case, for names and emails. */
  unique: string;
  callerRoles: readonly Role[];
}

export interface EndpointRule {
  /** What the call does, in a few words. */
  name: string;
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** As written in docs/api.md; `:name` becomes `params[name]`. */
  path: string;
  target: TargetKind;
  allowed: Allowed;
  /**
   * Who can see that such a target exists at all, and where. A caller outside this is told 404, so that the
   * record's existence is not confirmed to them; a caller who can see it but not do this is told 403. Roles
   * not named are refused with 403. Without it, every refusal is 403.
   */
  visibleTo?: Allowed;
  /** The status of an allowed call. */
  status: number;
  query?: (t: CaseTarget) => string;
  body?: (t: CaseTarget) => unknown;
  /** The target person has not activated their account yet. */
  targetInvited?: boolean;
  /** The call changes the caller's own sign-in (password, MFA): give each case a caller of its own. */
  freshCaller?: boolean;
}

const EVERY_ROLE = everyRole('any');
const NOBODY: Allowed = {};
// Who manages accounts: every agency for the task-force administrator, their own for an agency administrator.
const MANAGE_USERS: Allowed = { taskforce_admin: 'any', agency_admin: 'own-agency' };
const READ_USERS: Allowed = { taskforce_admin: 'any', agency_admin: 'own-agency', coordinator: 'any', auditor: 'any' };
const READ_AUDIT: Allowed = { taskforce_admin: 'any', agency_admin: 'own-agency', auditor: 'any' };
const TASKFORCE_ADMIN_ONLY: Allowed = { taskforce_admin: 'any' };
// Coordinators triage every tip; the people of the agency a tip is assigned to work it.
const TIP_WORKERS: Allowed = { coordinator: 'any', investigator: 'own-agency', prosecutor: 'own-agency', victim_advocate: 'own-agency', child_welfare_worker: 'own-agency' };
const TIP_ENTRY: Allowed = { coordinator: 'any', investigator: 'own-agency', victim_advocate: 'own-agency' };
const REPORTER_CONTACT: Allowed = { coordinator: 'any', investigator: 'own-agency' };
const COORDINATORS: Allowed = { coordinator: 'any' };
const tipRule = (rule: Omit<EndpointRule, 'target' | 'visibleTo'>): EndpointRule => ({ ...rule, target: 'tip', visibleTo: TIP_WORKERS });
// Safe Places belong to the whole task force: everyone reads them; coordinators, outreach leads and task-force administrators keep them.
const SAFE_PLACE_KEEPERS: Allowed = { taskforce_admin: 'any', coordinator: 'any', outreach_lead: 'any' };
// The directory: everyone reads and searches it; its keepers add, link, import and export entries and run the hubs;
// a provider's own agency keeps its entry and beds and answers inquiries; referrers send them.
const DIRECTORY_KEEPERS: Allowed = { taskforce_admin: 'any', coordinator: 'any' };
const DIRECTORY_EDITORS: Allowed = { ...DIRECTORY_KEEPERS, provider_staff: 'own-agency', agency_admin: 'own-agency' };
const CAPACITY_KEEPERS: Allowed = { coordinator: 'any', provider_staff: 'own-agency', agency_admin: 'own-agency' };
const PROVIDER_OWN_STAFF: Allowed = { provider_staff: 'own-agency', agency_admin: 'own-agency' };
const REFERRERS: Allowed = { coordinator: 'any', victim_advocate: 'any', child_welfare_worker: 'any' };
const INQUIRY_RESPONDERS: Allowed = { provider_staff: 'own-agency', agency_admin: 'own-agency' };
const INQUIRY_SENDERS: Allowed = { coordinator: 'own-agency', victim_advocate: 'own-agency', child_welfare_worker: 'own-agency' };
const hsdsService = (t: CaseTarget) => ({ id: `matrix-${t.unique}`, name: 'Matrix service', status: 'active', organization: { id: 'o', name: 'Matrix org', description: 'x' }, attributes: [{ id: 'a', taxonomy_term: { id: 't', code: 'counseling', name: 'Counseling', description: 'x', taxonomy: 'haven-service-types' } }] });
const safePlaceBody = { name: 'Matrix Library', kind: 'library', address: '500 McKinney St', city: 'Houston', state: 'TX', zip: '77002', lat: 29.7589, lng: -95.3677, hours: { alwaysOpen: true } };

// Investigations (decision 009): the lead agency's investigators and prosecutors own a case; people of a partner
// agency who work cases reach it at the level granted; coordinators see that every case exists (the list) and
// nothing more unless their agency is a partner; everyone else does not see cases at all.
const CASE_OWNERS: Allowed = { investigator: 'own-agency', prosecutor: 'own-agency' };
const CASE_PARTNER_ROLES: Allowed = { investigator: 'own-agency', prosecutor: 'own-agency', coordinator: 'own-agency', child_welfare_worker: 'own-agency' };
const CASE_LISTERS: Allowed = { investigator: 'any', prosecutor: 'any', coordinator: 'any', child_welfare_worker: 'any' };
const HIT_READERS: Allowed = { investigator: 'own-agency', prosecutor: 'own-agency', coordinator: 'any' };
type CaseNeed = 'summary' | 'read' | 'edit' | 'owner';
const LEVEL_RANK = { summary: 1, read: 2, edit: 3, owner: 4 } as const;

/**
 * One endpoint about a case (or a person in it) as four rules: at the lead agency's own case and another's,
 * and at a case shared with the caller's agency at each partner level. `need` is the least access it takes.
 */
function caseRules(base: 'case' | 'entity', need: CaseNeed, rule: Omit<EndpointRule, 'target' | 'allowed' | 'visibleTo'>): EndpointRule[] {
  const own: EndpointRule = { ...rule, target: base, allowed: CASE_OWNERS, visibleTo: { ...CASE_OWNERS, coordinator: 'any', child_welfare_worker: 'partner' } };
  const shared = (['summary', 'read', 'edit'] as const).map(
    (level): EndpointRule => ({
      ...rule,
      name: `${rule.name}, shared at ${level}`,
      target: `${base}@${level}`,
      allowed: LEVEL_RANK[level] >= LEVEL_RANK[need] ? CASE_PARTNER_ROLES : NOBODY,
      visibleTo: { ...CASE_PARTNER_ROLES, coordinator: 'any' },
    }),
  );
  return [own, ...shared];
}

// Survivor services (decision 010): the case workers of the agency that keeps a record work it; nobody else sees
// that it exists. Supervisors approve, override and purge, reading nothing; agency administrators set retention.
// (Another agency reading under consent is pinned by survivors/wall.test.ts across every consent state.)
const SURVIVOR_WORKERS: Allowed = { victim_advocate: 'own-agency', provider_staff: 'own-agency', child_welfare_worker: 'own-agency' };
const SURVIVOR_WORKERS_ANY: Allowed = { victim_advocate: 'any', provider_staff: 'any', child_welfare_worker: 'any' };
const SUPERVISORS: Allowed = { supervisor: 'own-agency' };
const survivorRule = (rule: Omit<EndpointRule, 'target' | 'visibleTo' | 'allowed'> & { allowed?: Allowed }): EndpointRule => ({
  allowed: SURVIVOR_WORKERS,
  ...rule,
  target: 'survivor',
  visibleTo: rule.allowed ?? SURVIVOR_WORKERS,
});
const referralRule = (target: 'referral-draft' | 'referral-received' | 'referral-accepted', rule: Omit<EndpointRule, 'target' | 'visibleTo' | 'allowed'>): EndpointRule => ({ ...rule, target, allowed: SURVIVOR_WORKERS, visibleTo: SURVIVOR_WORKERS });
const survivorBody = () => ({ identity: { names: ['Matrix Survivor'] }, contact: { phones: ['713-555-0111'] }, narrative: 'Matrix account.' });
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

const caseBody = (t: CaseTarget) => ({ title: `Matrix case ${t.unique}`, traffickingType: 'labor', jurisdictions: ['Matrix County'] });

export const ENDPOINT_RULES: readonly EndpointRule[] = [
  // Reference data
  { name: 'read the lists of agency types and roles', method: 'GET', path: '/api/meta', target: 'none', allowed: EVERY_ROLE, status: 200 },

  // Agencies
  { name: 'list agencies', method: 'GET', path: '/api/agencies', target: 'none', allowed: EVERY_ROLE, status: 200 },
  { name: 'create an agency', method: 'POST', path: '/api/agencies', target: 'none', allowed: TASKFORCE_ADMIN_ONLY, status: 201, body: (t) => ({ name: `Matrix agency ${t.unique}`, type: 'legal_service' }) },
  { name: 'read an agency', method: 'GET', path: '/api/agencies/:id', target: 'agency', allowed: EVERY_ROLE, status: 200 },
  { name: 'update an agency', method: 'PATCH', path: '/api/agencies/:id', target: 'agency', allowed: TASKFORCE_ADMIN_ONLY, status: 200, body: () => ({ contactPhone: '555-0100' }) },

  // People
  { name: 'list the people of an agency', method: 'GET', path: '/api/users', target: 'agency', allowed: READ_USERS, status: 200, query: (t) => `agencyId=${t.agencyId}` },
  { name: 'add a person', method: 'POST', path: '/api/users', target: 'agency', allowed: MANAGE_USERS, status: 201, body: (t) => ({ agencyId: t.agencyId, email: `new.${t.unique}@matrix.test`, displayName: 'New Person', roles: ['agency_admin'] }) },
  // Outreach leads and analysts work for the whole task force: an agency administrator cannot make one.
  { name: 'add an outreach lead', method: 'POST', path: '/api/users', target: 'agency', allowed: TASKFORCE_ADMIN_ONLY, status: 201, body: (t) => ({ agencyId: t.agencyId, email: `lead.${t.unique}@matrix.test`, displayName: 'New Lead', roles: ['outreach_lead'] }) },
  { name: 'add an analyst', method: 'POST', path: '/api/users', target: 'agency', allowed: TASKFORCE_ADMIN_ONLY, status: 201, body: (t) => ({ agencyId: t.agencyId, email: `analyst.${t.unique}@matrix.test`, displayName: 'New Analyst', roles: ['analyst'] }) },
  { name: 'add a person with a task-force-wide role', method: 'POST', path: '/api/users', target: 'agency', allowed: TASKFORCE_ADMIN_ONLY, status: 201, body: (t) => ({ agencyId: t.agencyId, email: `wide.${t.unique}@matrix.test`, displayName: 'New Auditor', roles: ['auditor'] }) },
  { name: 'read a person', method: 'GET', path: '/api/users/:id', target: 'user', allowed: READ_USERS, status: 200 },
  { name: 'rename a person', method: 'PATCH', path: '/api/users/:id', target: 'user', allowed: MANAGE_USERS, status: 200, body: () => ({ displayName: 'Renamed Person' }) },
  { name: 'change a person’s roles', method: 'PATCH', path: '/api/users/:id', target: 'user', allowed: MANAGE_USERS, status: 200, body: () => ({ roles: ['agency_admin'] }) },
  { name: 'make a person an outreach lead', method: 'PATCH', path: '/api/users/:id', target: 'user', allowed: TASKFORCE_ADMIN_ONLY, status: 200, body: () => ({ roles: ['outreach_lead'] }) },
  { name: 'give a person a task-force-wide role', method: 'PATCH', path: '/api/users/:id', target: 'user', allowed: TASKFORCE_ADMIN_ONLY, status: 200, body: () => ({ roles: ['coordinator'] }) },
  { name: 'disable a person', method: 'PATCH', path: '/api/users/:id', target: 'user', allowed: MANAGE_USERS, status: 200, body: () => ({ disabled: true }) },
  { name: 'unlock a person', method: 'POST', path: '/api/users/:id/unlock', target: 'user', allowed: MANAGE_USERS, status: 200 },
  { name: 'reset a person’s MFA', method: 'POST', path: '/api/users/:id/reset-mfa', target: 'user', allowed: MANAGE_USERS, status: 200 },
  { name: 'end a person’s sessions', method: 'POST', path: '/api/users/:id/end-sessions', target: 'user', allowed: MANAGE_USERS, status: 200 },
  { name: 'issue a new activation link', method: 'POST', path: '/api/users/:id/activation-link', target: 'user', allowed: MANAGE_USERS, status: 200, targetInvited: true },

  // One's own account through the administration endpoints: readable by those who read accounts, never changeable.
  { name: 'read one’s own account record', method: 'GET', path: '/api/users/:id', target: 'self', allowed: READ_USERS, status: 200 },
  { name: 'change one’s own roles', method: 'PATCH', path: '/api/users/:id', target: 'self', allowed: NOBODY, status: 200, body: (t) => ({ roles: [...t.callerRoles, 'outreach_lead'] }) },
  { name: 'disable one’s own account', method: 'PATCH', path: '/api/users/:id', target: 'self', allowed: NOBODY, status: 200, body: () => ({ disabled: true }) },

  // Own profile
  { name: 'update one’s own profile', method: 'PATCH', path: '/api/me', target: 'self', allowed: EVERY_ROLE, status: 200, body: () => ({ locale: 'es' }) },
  { name: 'change one’s own password', method: 'POST', path: '/api/me/password', target: 'self', allowed: EVERY_ROLE, status: 204, freshCaller: true, body: () => ({ currentPassword: TEST_PASSWORD, newPassword: 'quiet harbour kestrel 81' }) },
  { name: 'start one’s own MFA again', method: 'POST', path: '/api/me/mfa/reset', target: 'self', allowed: EVERY_ROLE, status: 200, freshCaller: true, body: () => ({ currentPassword: TEST_PASSWORD }) },
  { name: 'replace one’s own recovery codes', method: 'POST', path: '/api/me/recovery-codes', target: 'self', allowed: EVERY_ROLE, status: 200, body: () => ({ currentPassword: TEST_PASSWORD }) },

  // Audit trail (an agency administrator's results are limited to their agency: see audit.test.ts)
  { name: 'search the audit trail', method: 'GET', path: '/api/audit', target: 'none', allowed: READ_AUDIT, status: 200 },

  // Tips: outside a caller's reach a tip answers 404, so its existence is not confirmed to other agencies.
  { name: 'list tips', method: 'GET', path: '/api/tips', target: 'none', allowed: TIP_WORKERS, status: 200 },
  { name: 'record a hotline tip', method: 'POST', path: '/api/tips', target: 'none', allowed: TIP_ENTRY, status: 201, body: () => ({ concernType: 'labor', channel: 'phone', narrative: 'Caller describes workers locked in at night.' }) },
  tipRule({ name: 'read a tip', method: 'GET', path: '/api/tips/:id', allowed: TIP_WORKERS, status: 200 }),
  tipRule({ name: 'triage a tip', method: 'PATCH', path: '/api/tips/:id', allowed: TIP_WORKERS, status: 200, body: () => ({ priority: 'high' }) }),
  tipRule({ name: 'move a tip to another agency', method: 'PATCH', path: '/api/tips/:id', allowed: COORDINATORS, status: 200, body: (t) => ({ assignedAgencyId: t.params.elsewhereAgencyId }) }),
  tipRule({ name: 'add an internal note to a tip', method: 'POST', path: '/api/tips/:id/notes', allowed: TIP_WORKERS, status: 200, body: () => ({ body: 'Checked the address against the business registry.' }) }),
  tipRule({ name: 'message a tip’s reporter', method: 'POST', path: '/api/tips/:id/messages', allowed: TIP_WORKERS, status: 200, body: () => ({ body: 'Thank you. Can you tell us when you saw this?' }) }),
  tipRule({ name: 'merge a tip into another', method: 'POST', path: '/api/tips/:id/merge', allowed: TIP_WORKERS, status: 200, body: (t) => ({ intoTipId: t.params.intoTipId }) }),
  tipRule({ name: 'read a tip reporter’s contact details', method: 'GET', path: '/api/tips/:id/contact', allowed: REPORTER_CONTACT, status: 200 }),
  tipRule({ name: 'download a tip’s attachment', method: 'GET', path: '/api/tips/:id/attachments/:attachmentId', allowed: TIP_WORKERS, status: 200 }),

  // Notifications are each person's own.
  { name: 'list one’s notifications', method: 'GET', path: '/api/notifications', target: 'none', allowed: EVERY_ROLE, status: 200 },
  { name: 'mark a notification read', method: 'POST', path: '/api/notifications/:id/read', target: 'notification', allowed: everyRole('self'), visibleTo: everyRole('self'), status: 204 },

  // Safe Places and the geography behind them (the public finds them at /safe-places and by text).
  { name: 'list Safe Places', method: 'GET', path: '/api/safe-places', target: 'none', allowed: EVERY_ROLE, status: 200 },
  { name: 'add a Safe Place', method: 'POST', path: '/api/safe-places', target: 'none', allowed: SAFE_PLACE_KEEPERS, status: 201, body: () => safePlaceBody },
  { name: 'read a Safe Place', method: 'GET', path: '/api/safe-places/:id', target: 'safe-place', allowed: EVERY_ROLE, status: 200 },
  { name: 'update a Safe Place', method: 'PATCH', path: '/api/safe-places/:id', target: 'safe-place', allowed: SAFE_PLACE_KEEPERS, status: 200, body: () => ({ publicNote: 'Ask at the front desk.', staffLastTrainedOn: '2026-01-15' }) },
  { name: 'deactivate a Safe Place', method: 'PATCH', path: '/api/safe-places/:id', target: 'safe-place', allowed: SAFE_PLACE_KEEPERS, status: 200, body: () => ({ isActive: false }) },
  { name: 'locate a ZIP code or city', method: 'GET', path: '/api/geo/locate', target: 'none', allowed: EVERY_ROLE, status: 200, query: () => 'q=77002' },
  { name: 'read the map’s tile settings', method: 'GET', path: '/api/geo/map-settings', target: 'none', allowed: EVERY_ROLE, status: 200 },

  // The service directory (the target entry is a confidential shelter linked to the agency).
  { name: 'list directory entries', method: 'GET', path: '/api/directory/providers', target: 'none', allowed: EVERY_ROLE, status: 200 },
  { name: 'add a directory entry', method: 'POST', path: '/api/directory/providers', target: 'none', allowed: DIRECTORY_KEEPERS, status: 201, body: (t) => ({ organizationName: `Matrix org ${t.unique}`, name: 'Matrix clinic', serviceTypes: ['medical'] }) },
  { name: 'read a directory entry', method: 'GET', path: '/api/directory/providers/:id', target: 'directory-provider', allowed: EVERY_ROLE, status: 200 },
  { name: 'update a directory entry', method: 'PATCH', path: '/api/directory/providers/:id', target: 'directory-provider', allowed: DIRECTORY_EDITORS, status: 200, body: () => ({ hoursNotes: 'Intake at any hour.' }) },
  { name: 'link a directory entry to another agency', method: 'PATCH', path: '/api/directory/providers/:id', target: 'directory-provider', allowed: DIRECTORY_KEEPERS, status: 200, body: (t) => ({ linkedAgencyId: t.params.elsewhereAgencyId }) },
  { name: 'read a confidential location’s address', method: 'GET', path: '/api/directory/providers/:id/location', target: 'directory-provider', allowed: PROVIDER_OWN_STAFF, status: 200 },
  { name: 'update free beds', method: 'POST', path: '/api/directory/providers/:id/capacity', target: 'directory-provider', allowed: CAPACITY_KEEPERS, status: 200, body: () => ({ serviceType: 'shelter', available: 1 }) },
  { name: 'read the history of free beds', method: 'GET', path: '/api/directory/providers/:id/capacity/history', target: 'directory-provider', allowed: EVERY_ROLE, status: 200 },
  { name: 'send a referral inquiry', method: 'POST', path: '/api/directory/providers/:id/referral-inquiries', target: 'directory-provider', allowed: REFERRERS, status: 201, body: () => ({ serviceType: 'shelter', age: 17 }) },
  { name: 'search the directory for a referral', method: 'GET', path: '/api/directory/search', target: 'none', allowed: EVERY_ROLE, status: 200, query: () => 'need=shelter&language=es&age=17&openCapacity=true&near=29.76,-95.37' },
  { name: 'list referral inquiries received', method: 'GET', path: '/api/directory/inquiries', target: 'none', allowed: { provider_staff: 'any', agency_admin: 'any' }, status: 200, query: () => 'box=inbox' },
  { name: 'list referral inquiries sent', method: 'GET', path: '/api/directory/inquiries', target: 'none', allowed: { coordinator: 'any', victim_advocate: 'any', child_welfare_worker: 'any' }, status: 200, query: () => 'box=sent' },
  { name: 'answer a referral inquiry', method: 'POST', path: '/api/directory/inquiries/:id/answer', target: 'inquiry-received', allowed: INQUIRY_RESPONDERS, visibleTo: INQUIRY_RESPONDERS, status: 200, body: () => ({ decision: 'accepted', note: 'Come tonight.' }) },
  { name: 'withdraw a referral inquiry', method: 'POST', path: '/api/directory/inquiries/:id/withdraw', target: 'inquiry-sent', allowed: INQUIRY_SENDERS, visibleTo: INQUIRY_SENDERS, status: 200 },
  { name: 'list service hubs', method: 'GET', path: '/api/directory/hubs', target: 'none', allowed: EVERY_ROLE, status: 200 },
  { name: 'add a service hub', method: 'POST', path: '/api/directory/hubs', target: 'none', allowed: DIRECTORY_KEEPERS, status: 201, body: (t) => ({ name: `Matrix hub ${t.unique}` }) },
  { name: 'read a service hub', method: 'GET', path: '/api/directory/hubs/:id', target: 'directory-hub', allowed: EVERY_ROLE, status: 200 },
  { name: 'update a service hub', method: 'PATCH', path: '/api/directory/hubs/:id', target: 'directory-hub', allowed: DIRECTORY_KEEPERS, status: 200, body: () => ({ hoursNotes: 'Closed on holidays.' }) },
  { name: 'add a provider’s hours at a hub', method: 'POST', path: '/api/directory/hubs/:id/sessions', target: 'directory-hub', allowed: DIRECTORY_KEEPERS, status: 201, body: (t) => ({ providerId: t.params.providerId, serviceType: 'counseling', days: ['MO'], opens: '09:00', closes: '12:00' }) },
  { name: 'remove a provider’s hours at a hub', method: 'DELETE', path: '/api/directory/hubs/:id/sessions/:sessionId', target: 'directory-hub', allowed: DIRECTORY_KEEPERS, status: 200 },
  { name: 'import directory entries', method: 'POST', path: '/api/directory/import', target: 'none', allowed: DIRECTORY_KEEPERS, status: 200, query: () => 'format=hsds', body: (t) => [hsdsService(t)] },
  { name: 'export the directory', method: 'GET', path: '/api/directory/export', target: 'none', allowed: DIRECTORY_KEEPERS, status: 200, query: () => 'format=csv' },

  // Investigations: cases, partners, assignments.
  { name: 'list cases', method: 'GET', path: '/api/cases', target: 'none', allowed: CASE_LISTERS, status: 200 },
  { name: 'open a case', method: 'POST', path: '/api/cases', target: 'none', allowed: { investigator: 'any', prosecutor: 'any' }, status: 201, body: caseBody },
  ...caseRules('case', 'summary', { name: 'read a case', method: 'GET', path: '/api/cases/:id', status: 200 }),
  ...caseRules('case', 'owner', { name: 'change a case', method: 'PATCH', path: '/api/cases/:id', status: 200, body: () => ({ status: 'active', jurisdictions: ['Matrix County', 'State'] }) }),
  ...caseRules('case', 'owner', { name: 'share a case with another agency', method: 'POST', path: '/api/cases/:id/partners', status: 200, body: (t) => ({ agencyId: t.params.newPartnerId, level: 'read' }) }),
  ...caseRules('case', 'owner', { name: 'stop sharing a case', method: 'DELETE', path: '/api/cases/:id/partners/:agencyId', status: 200 }),
  ...caseRules('case', 'edit', { name: 'list the people who may work a case', method: 'GET', path: '/api/cases/:id/people', status: 200 }),
  ...caseRules('case', 'owner', { name: 'assign a person to a case', method: 'POST', path: '/api/cases/:id/assignments', status: 200, body: (t) => ({ userId: t.params.assigneeId, role: 'member' }) }),
  ...caseRules('case', 'owner', { name: 'unassign a person from a case', method: 'DELETE', path: '/api/cases/:id/assignments/:userId', status: 200 }),
  tipRule({ name: 'open a case from a tip', method: 'POST', path: '/api/cases/from-tip', allowed: CASE_OWNERS, status: 201, body: (t) => ({ tipId: t.params.id }) }),

  // Investigations: the work on a case.
  ...caseRules('case', 'edit', { name: 'add a task', method: 'POST', path: '/api/cases/:id/tasks', status: 201, body: () => ({ title: 'Matrix task two', dueOn: '2030-01-01' }) }),
  ...caseRules('case', 'edit', { name: 'change a task', method: 'PATCH', path: '/api/cases/:id/tasks/:taskId', status: 200, body: () => ({ status: 'done' }) }),
  ...caseRules('case', 'edit', { name: 'add a note', method: 'POST', path: '/api/cases/:id/notes', status: 201, body: () => ({ body: 'Matrix note' }) }),
  ...caseRules('case', 'edit', { name: 'add a document', method: 'POST', path: '/api/cases/:id/documents', status: 201, body: () => ({ title: 'Matrix photo', contentBase64: pngWithText().toString('base64') }) }),
  ...caseRules('case', 'read', { name: 'download a document', method: 'GET', path: '/api/cases/:id/documents/:documentId', status: 200 }),
  ...caseRules('case', 'read', { name: 'read a case’s timeline', method: 'GET', path: '/api/cases/:id/timeline', status: 200 }),
  ...caseRules('case', 'edit', { name: 'record a suspect’s outcome', method: 'POST', path: '/api/cases/:id/outcomes', status: 201, body: (t) => ({ entityId: t.params.entityId, type: 'arrest', occurredOn: '2026-01-01', offenseCategory: 'sex_trafficking' }) }),
  ...caseRules('case', 'read', { name: 'ask the Safe Harbor guard about a person', method: 'GET', path: '/api/cases/:id/entities/:caseEntityId/safe-harbor', status: 200 }),

  // Investigations: entities, links, the chart, search.
  ...caseRules('case', 'edit', { name: 'add an entity to a case', method: 'POST', path: '/api/cases/:id/entities', status: 201, body: () => ({ entity: { kind: 'email', address: 'matrix.boss@example.com' } }) }),
  ...caseRules('case', 'edit', { name: 'change an entity’s role in a case', method: 'PATCH', path: '/api/cases/:id/entities/:caseEntityId', status: 200, body: () => ({ suspectRoles: ['recruiter'] }) }),
  ...caseRules('case', 'edit', { name: 'take an entity out of a case', method: 'DELETE', path: '/api/cases/:id/entities/:caseEntityId', status: 204 }),
  ...caseRules('case', 'edit', { name: 'link two entities', method: 'POST', path: '/api/cases/:id/links', status: 201, body: (t) => ({ fromEntityId: t.params.entityId, toEntityId: t.params.phoneEntityId, type: 'owns' }) }),
  ...caseRules('case', 'edit', { name: 'remove a link', method: 'DELETE', path: '/api/cases/:id/links/:linkId', status: 204 }),
  ...caseRules('case', 'read', { name: 'read a case’s link chart', method: 'GET', path: '/api/cases/:id/graph', status: 200 }),
  ...caseRules('entity', 'read', { name: 'read an entity', method: 'GET', path: '/api/entities/:id', status: 200 }),
  ...caseRules('entity', 'edit', { name: 'change an entity', method: 'PATCH', path: '/api/entities/:id', status: 200, body: () => ({ kind: 'person', name: 'Matrix Suspect Renamed', estimatedAge: 41 }) }),
  { name: 'search cases and entities', method: 'GET', path: '/api/search', target: 'none', allowed: CASE_LISTERS, status: 200, query: () => 'q=matrix' },

  // Deconfliction hits: the two agencies' investigators and prosecutors; coordinators read every hit.
  { name: 'list deconfliction hits', method: 'GET', path: '/api/deconfliction/hits', target: 'none', allowed: { investigator: 'any', prosecutor: 'any', coordinator: 'any' }, status: 200 },
  { name: 'read a deconfliction hit', method: 'GET', path: '/api/deconfliction/hits/:id', target: 'hit', allowed: HIT_READERS, visibleTo: HIT_READERS, status: 200 },
  { name: 'agree to share over a hit', method: 'POST', path: '/api/deconfliction/hits/:id/agree', target: 'hit', allowed: CASE_OWNERS, visibleTo: HIT_READERS, status: 200, body: () => ({ level: 'read' }) },
  { name: 'decline to share over a hit', method: 'POST', path: '/api/deconfliction/hits/:id/decline', target: 'hit', allowed: CASE_OWNERS, visibleTo: HIT_READERS, status: 200 },

  // Survivor services: records, screening, needs, plans, services delivered, documents, Safe Harbor, purge, retention.
  { name: 'list survivor records', method: 'GET', path: '/api/survivors', target: 'none', allowed: SURVIVOR_WORKERS_ANY, status: 200 },
  { name: 'create a survivor record', method: 'POST', path: '/api/survivors', target: 'none', allowed: SURVIVOR_WORKERS_ANY, status: 201, body: survivorBody },
  { name: 'read the screening questionnaire', method: 'GET', path: '/api/survivors/screening-questions', target: 'none', allowed: SURVIVOR_WORKERS_ANY, status: 200 },
  { name: 'read the agency’s survivor-services figures', method: 'GET', path: '/api/survivors/metrics', target: 'none', allowed: SURVIVOR_WORKERS_ANY, status: 200 },
  { name: 'read the retention rules', method: 'GET', path: '/api/survivors/retention-rules', target: 'none', allowed: { agency_admin: 'any' }, status: 200 },
  { name: 'set the retention rules', method: 'PUT', path: '/api/survivors/retention-rules', target: 'none', allowed: { agency_admin: 'any' }, status: 200, body: () => ({ rules: [{ part: 'narrative', daysAfterClosing: 365 }] }) },
  survivorRule({ name: 'read a survivor record', method: 'GET', path: '/api/survivors/:id', status: 200 }),
  survivorRule({ name: 'change a survivor record', method: 'PATCH', path: '/api/survivors/:id', status: 200, body: () => ({ contact: { phones: ['713-555-0122'] } }) }),
  survivorRule({ name: 'screen a survivor', method: 'POST', path: '/api/survivors/:id/screenings', status: 201, body: () => ({ answers: { forced_work: 'yes', threats: 'no' } }) }),
  survivorRule({ name: 'add a need', method: 'POST', path: '/api/survivors/:id/needs', status: 201, body: () => ({ domain: 'medical' }) }),
  survivorRule({ name: 'change a need', method: 'PATCH', path: '/api/survivors/:id/needs/:needId', status: 200, body: () => ({ status: 'met' }) }),
  survivorRule({ name: 'add a goal to the service plan', method: 'POST', path: '/api/survivors/:id/goals', status: 201, body: () => ({ domain: 'medical', description: 'Matrix goal', targetDate: '2030-01-01' }) }),
  survivorRule({ name: 'change a goal', method: 'PATCH', path: '/api/survivors/:id/goals/:goalId', status: 200, body: () => ({ status: 'achieved' }) }),
  survivorRule({ name: 'record a service delivered', method: 'POST', path: '/api/survivors/:id/services', status: 201, body: () => ({ serviceType: 'medical', deliveredOn: '2026-01-02', hours: 1 }) }),
  survivorRule({ name: 'change a survivor task', method: 'PATCH', path: '/api/survivors/:id/tasks/:taskId', status: 200, body: () => ({ status: 'done' }) }),
  survivorRule({ name: 'add a survivor document', method: 'POST', path: '/api/survivors/:id/documents', status: 201, body: () => ({ title: 'Matrix scan', contentBase64: pngWithText().toString('base64') }) }),
  survivorRule({ name: 'download a survivor document', method: 'GET', path: '/api/survivors/:id/documents/:documentId', status: 200 }),
  survivorRule({ name: 'override Safe Harbor routing', method: 'POST', path: '/api/survivors/:id/safe-harbor/override', allowed: SUPERVISORS, status: 200, body: () => ({ reason: 'Matrix: the passport shows the person is an adult.' }) }),
  survivorRule({ name: 'purge a survivor record', method: 'POST', path: '/api/survivors/:id/purge', allowed: SUPERVISORS, status: 200, body: () => ({ parts: ['narrative'] }) }),

  // The consent ledger and compelled disclosures.
  survivorRule({ name: 'record a consent', method: 'POST', path: '/api/survivors/:id/consents', status: 201, body: (t) => ({ recipientAgencyId: t.params.elsewhereAgencyId, purpose: 'Matrix shelter', categories: ['identity', 'needs'], method: 'signed_form', expiresAt: inDays(30) }) }),
  survivorRule({ name: 'revoke a consent', method: 'POST', path: '/api/survivors/:id/consents/:consentId/revoke', status: 200 }),
  survivorRule({ name: 'print a consent form', method: 'GET', path: '/api/survivors/:id/consents/:consentId/form', status: 200, query: () => 'lang=es' }),
  survivorRule({ name: 'record a compelled disclosure', method: 'POST', path: '/api/survivors/:id/disclosures', status: 201, body: (t) => ({ recipientAgencyId: t.params.elsewhereAgencyId, recipientDescription: 'Matrix court', basis: 'court_order', legalReference: 'Matrix order', categories: ['services'], expiresAt: inDays(3), notice: { givenAt: new Date().toISOString(), method: 'in person' } }) }),
  survivorRule({ name: 'approve a compelled disclosure', method: 'POST', path: '/api/survivors/:id/disclosures/:disclosureId/decide', allowed: SUPERVISORS, status: 200, body: () => ({ decision: 'approved', reason: 'Matrix order is valid.' }) }),

  // Referrals to directory providers.
  survivorRule({ name: 'refer a survivor to a provider', method: 'POST', path: '/api/survivors/:id/referrals', status: 201, body: (t) => ({ providerId: t.params.providerId, serviceType: 'shelter' }) }),
  { name: 'list referrals received', method: 'GET', path: '/api/referrals', target: 'none', allowed: SURVIVOR_WORKERS_ANY, status: 200, query: () => 'box=inbox' },
  referralRule('referral-received', { name: 'read a referral received', method: 'GET', path: '/api/referrals/:id', status: 200 }),
  referralRule('referral-draft', { name: 'send a referral', method: 'POST', path: '/api/referrals/:id/send', status: 200 }),
  referralRule('referral-draft', { name: 'withdraw a referral', method: 'POST', path: '/api/referrals/:id/withdraw', status: 200 }),
  referralRule('referral-received', { name: 'accept a referral', method: 'POST', path: '/api/referrals/:id/accept', status: 200 }),
  referralRule('referral-received', { name: 'decline a referral', method: 'POST', path: '/api/referrals/:id/decline', status: 200, body: () => ({ reason: 'No bed for a family of four.' }) }),
  referralRule('referral-accepted', { name: 'complete a referral', method: 'POST', path: '/api/referrals/:id/complete', status: 200, body: () => ({ outcome: 'Stayed 30 days, moved to transitional housing.' }) }),
];

/**
 * API endpoints in docs/api.md reached before or while signing in, or by operators: exactly the routes that
 * declare `config: { public: true }` (access-matrix.test.ts checks both ways). Pages outside /api/ (the
 * public portal, /healthz) are public by definition.
 */
export const PUBLIC_ENDPOINTS: readonly string[] = [
  'GET /api/setup/status',
  'POST /api/setup',
  'POST /api/activate',
  'POST /api/auth/login',
  'GET /api/auth/mfa/enrollment',
  'POST /api/auth/mfa/enroll',
  'POST /api/auth/mfa/verify',
  'GET /api/auth/session',
  'POST /api/auth/logout',
  'GET /api/openapi.json',
  'GET /api/docs',
  'POST /api/sms/inbound',
  'POST /api/sms/twilio',
];

/** The API docs pages (swagger-ui's page, scripts and styles), public as a whole. */
export const PUBLIC_PREFIXES: readonly string[] = ['/api/docs'];

/** Where each role works in the matrix: an agency of a kind the role is allowed in (ROLE_AGENCY_TYPES). */
export const ROLE_HOME: Record<Role, AgencyType> = {
  taskforce_admin: 'task_force_coordinator',
  agency_admin: 'victim_service_provider',
  coordinator: 'task_force_coordinator',
  investigator: 'law_enforcement',
  prosecutor: 'prosecutor',
  victim_advocate: 'victim_service_provider',
  provider_staff: 'health_service',
  child_welfare_worker: 'child_welfare',
  outreach_lead: 'community_organization',
  analyst: 'local_government',
  auditor: 'central_government',
  supervisor: 'law_enforcement',
};

const covers = (scope: Scope | undefined, where: 'own' | 'other') => scope === 'any' || (scope !== undefined && scope !== 'partner' && where === 'own');

/** The status a role should get for a rule at its own agency (`own`) or another (`other`). */
export function expectedStatus(rule: EndpointRule, role: Role, where: 'own' | 'other'): number {
  if (covers(rule.allowed[role], where)) return rule.status;
  const sees = rule.visibleTo?.[role];
  return sees !== undefined && !covers(sees, where) ? 404 : 403;
}

/** Whether a rule runs at the caller's own and another agency, or once. */
export const runsTwice = (rule: EndpointRule) => !['self', 'none', 'safe-place', 'directory-hub'].includes(rule.target) && !rule.target.includes('@');

/**
 * Every `METHOD path` in the tables of docs/api.md: rows whose first cell is a method (or several, as in
 * `GET / POST`) and whose second names one or more paths in backticks, query strings left off.
 */
export function documentedEndpoints(): string[] {
  const text = readFileSync(new URL('../../docs/api.md', import.meta.url), 'utf8');
  const found = new Set<string>();
  for (const line of text.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 4 || !/^(GET|POST|PUT|PATCH|DELETE)(\s*\/\s*(GET|POST|PUT|PATCH|DELETE))*$/.test(cells[1]!)) continue;
    const methods = cells[1]!.split('/').map((m) => m.trim());
    const paths = [...cells[2]!.matchAll(/`([^`?]+)[^`]*`/g)].map((m) => m[1]!);
    for (const method of methods) for (const path of paths) found.add(`${method} ${path}`);
  }
  return [...found];
}
