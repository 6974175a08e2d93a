import { readFileSync } from 'node:fs';
import type { AgencyType } from '../../common/access/agencies.ts';
import { ROLES, type Role } from '../../common/access/roles.ts';
import { TEST_PASSWORD } from './factories.ts';

/**
 * Who may call which staff endpoint, written as a policy. access-matrix.test.ts calls every endpoint as every
 * role, against something of its own agency and of another one, and expects exactly what this table says:
 * the rule's status when allowed, 403 (or 404, see `visibleTo`) when not, and 401 for everyone without a
 * session or before the second factor.
 *
 * A module that adds staff endpoints to docs/api.md adds its rows here; the test fails until it does.
 */

/**
 * `any`: whatever agency the target belongs to. `own-agency`: only a target of the caller's own agency.
 * `self`: only the caller's own (their account, their notifications).
 */
export type Scope = 'any' | 'own-agency' | 'self';

/** Roles not named are refused. */
export type Allowed = Partial<Record<Role, Scope>>;

export const everyRole = (scope: Scope): Allowed => Object.fromEntries(ROLES.map((role) => [role, scope]));

/**
 * What the call points at. These run twice, once at something of the caller's own agency (or their own) and
 * once at something of another agency (or person): `agency`, `user` (a person), `tip` (assigned to the
 * agency), `notification`. `self` is the caller's own account; `none` is nothing in particular.
 */
export type TargetKind = 'agency' | 'user' | 'tip' | 'notification' | 'self' | 'none';

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
  method: 'GET' | 'POST' | 'PATCH';
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
  { name: 'add a person', method: 'POST', path: '/api/users', target: 'agency', allowed: MANAGE_USERS, status: 201, body: (t) => ({ agencyId: t.agencyId, email: `new.${t.unique}@matrix.test`, displayName: 'New Person', roles: ['analyst'] }) },
  { name: 'add a person with a task-force-wide role', method: 'POST', path: '/api/users', target: 'agency', allowed: TASKFORCE_ADMIN_ONLY, status: 201, body: (t) => ({ agencyId: t.agencyId, email: `wide.${t.unique}@matrix.test`, displayName: 'New Auditor', roles: ['auditor'] }) },
  { name: 'read a person', method: 'GET', path: '/api/users/:id', target: 'user', allowed: READ_USERS, status: 200 },
  { name: 'rename a person', method: 'PATCH', path: '/api/users/:id', target: 'user', allowed: MANAGE_USERS, status: 200, body: () => ({ displayName: 'Renamed Person' }) },
  { name: 'change a person’s roles', method: 'PATCH', path: '/api/users/:id', target: 'user', allowed: MANAGE_USERS, status: 200, body: () => ({ roles: ['analyst', 'outreach_lead'] }) },
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
];

/**
 * API endpoints in docs/api.md reached before or while signing in, or by operators. Pages outside /api/
 * (the public portal, /healthz) are public by definition.
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
];

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
};

const covers = (scope: Scope | undefined, where: 'own' | 'other') => scope === 'any' || (scope !== undefined && where === 'own');

/** The status a role should get for a rule at its own agency (`own`) or another (`other`). */
export function expectedStatus(rule: EndpointRule, role: Role, where: 'own' | 'other'): number {
  if (covers(rule.allowed[role], where)) return rule.status;
  const sees = rule.visibleTo?.[role];
  return sees !== undefined && !covers(sees, where) ? 404 : 403;
}

/** Whether a rule runs at the caller's own and another agency, or once. */
export const runsTwice = (rule: EndpointRule) => !['self', 'none'].includes(rule.target);

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
