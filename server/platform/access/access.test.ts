import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../common/access/roles.ts';
import { actorFor, can, scopeOf, type Actor } from './access.ts';
import { ROLE_PERMISSIONS } from './permissions.ts';

const actions = ['read', 'manage', 'export'] as const;
const entities = ['agency', 'user', 'audit', 'case', 'survivor'] as const;
const scopes = ['any', 'own-agency', 'self'] as const;

const permission = fc.tuple(fc.constantFrom(...actions), fc.constantFrom(...entities), fc.constantFrom(...scopes)).map((p) => p.join(':'));
const actorArb = fc.record({ userId: fc.uuid(), agencyId: fc.uuid(), permissions: fc.uniqueArray(permission, { maxLength: 12 }) }).map(
  (a): Actor => ({ userId: a.userId, agencyId: a.agencyId, roles: [], permissions: new Set(a.permissions) }),
);

describe('can()', () => {
  it('never lets an own-agency or self permission reach another agency’s record or another person', () => {
    fc.assert(
      fc.property(actorArb, fc.constantFrom(...actions), fc.constantFrom(...entities), fc.uuid(), fc.option(fc.uuid(), { nil: null }), (actor, action, entity, agencyId, userId) => {
        fc.pre(agencyId !== actor.agencyId && userId !== actor.userId);
        const allowed = can(actor, action, entity, { agencyId, userId });
        expect(allowed).toBe(actor.permissions.has(`${action}:${entity}:any`));
      }),
      { numRuns: 2_000 },
    );
  });

  it('allows a record of one’s own agency exactly when an any or own-agency permission is held', () => {
    fc.assert(
      fc.property(actorArb, fc.constantFrom(...actions), fc.constantFrom(...entities), (actor, action, entity) => {
        const p = actor.permissions;
        const expected = p.has(`${action}:${entity}:any`) || p.has(`${action}:${entity}:own-agency`);
        expect(can(actor, action, entity, { agencyId: actor.agencyId })).toBe(expected);
      }),
      { numRuns: 1_000 },
    );
  });

  it('never allows with an empty target what it would refuse for a foreign one, beyond the listing check', () => {
    // Without a target, `can` answers "may list at some scope": it must agree with scopeOf.
    fc.assert(
      fc.property(actorArb, fc.constantFrom(...actions), fc.constantFrom(...entities), (actor, action, entity) => {
        expect(can(actor, action, entity)).toBe(scopeOf(actor, action, entity) !== null);
      }),
      { numRuns: 1_000 },
    );
  });

  it('gives no role a way to manage accounts of another agency except the task-force administrator', () => {
    fc.assert(
      fc.property(fc.subarray([...ROLES], { minLength: 1 }), fc.uuid(), fc.uuid(), (roles: Role[], home, elsewhere) => {
        fc.pre(home !== elsewhere);
        const actor = actorFor({ id: '00000000-0000-4000-8000-000000000001', agencyId: home, roles });
        expect(can(actor, 'manage', 'user', { agencyId: elsewhere })).toBe(roles.includes('taskforce_admin'));
        expect(can(actor, 'read', 'audit', { agencyId: elsewhere })).toBe(roles.includes('taskforce_admin') || roles.includes('auditor'));
      }),
    );
  });

  it('grants no administrator permission on case or survivor content', () => {
    // Nor to the roles that never work investigations (decision 009): case content is for case workers only.
    const noCases: Role[] = ['taskforce_admin', 'agency_admin', 'analyst', 'auditor', 'victim_advocate', 'provider_staff', 'outreach_lead', 'supervisor'];
    for (const role of noCases) {
      expect(ROLE_PERMISSIONS[role].filter((p) => /:(case|case-list|deconfliction)(:|$)/.test(p)), role).toEqual([]);
    }
    // Survivor content (decision 010): only the case workers of victim-service agencies read it.
    expect(ROLES.filter((role) => ROLE_PERMISSIONS[role].some((p) => /^read:survivor:/.test(p)))).toEqual(['victim_advocate', 'provider_staff', 'child_welfare_worker']);
  });

  it('gives law enforcement, prosecutors, administrators, coordinators, analysts and auditors nothing of survivor services', () => {
    const walled: Role[] = ['investigator', 'prosecutor', 'taskforce_admin', 'coordinator', 'analyst', 'auditor', 'outreach_lead'];
    for (const role of walled) expect(ROLE_PERMISSIONS[role].filter((p) => /:(survivor|consent|referral)[a-z-]*:/.test(p)), role).toEqual([]);
    // The agency administrator sets retention rules and reads nothing; the supervisor approves and purges, reading nothing.
    expect(ROLE_PERMISSIONS.agency_admin.filter((p) => /survivor|consent|referral/.test(p))).toEqual(['manage:survivor-retention:own-agency']);
    expect(ROLE_PERMISSIONS.supervisor.filter((p) => /^(read|create|manage):/.test(p) && /survivor|consent|referral/.test(p))).toEqual([]);
  });
});
