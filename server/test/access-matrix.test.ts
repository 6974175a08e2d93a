import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, isRoleAllowedInAgency, type Role } from '../../common/access/roles.ts';
import { createTestApp, type TestHaven } from './test-app.ts';
import { createTestAgency, createTestUser, type TestAgency, type TestUser } from './factories.ts';
import { Agent, signIn } from './agent.ts';
import { openSession } from './sessions.ts';
import { targetFor, urlFor, useTargetWorld } from './targets.ts';
import { registeredRoutes } from '../platform/access/routes.ts';
import {
  ENDPOINT_RULES,
  PUBLIC_ENDPOINTS,
  PUBLIC_PREFIXES,
  ROLE_HOME,
  documentedEndpoints,
  expectedStatus,
  runsTwice,
  type CaseTarget,
  type EndpointRule,
} from './access-matrix.ts';

let h: TestHaven;
let other: TestAgency;
let elsewhere: TestAgency;
let stranger: TestUser;
const callers = new Map<Role, { user: TestUser; agent: Agent }>();
let passwordOnly: Agent;
let enrolling: Agent;
let ran = 0;

beforeAll(async () => {
  h = await createTestApp();
  other = await createTestAgency(h.ctx, { type: 'legal_service' });
  elsewhere = await createTestAgency(h.ctx, { type: 'law_enforcement' });
  stranger = await createTestUser(h.ctx, { agencyId: other.id, roles: ['analyst'] });
  useTargetWorld(h, { other, elsewhere, stranger });
  for (const role of ROLES) {
    const home = await createTestAgency(h.ctx, { type: ROLE_HOME[role] });
    const user = await createTestUser(h.ctx, { agencyId: home.id, roles: [role] });
    callers.set(role, { user, agent: await signIn(h.app, h.clock, user) });
  }
  // Sessions that have passed the password but not the second factor, obtained the real way.
  const agencyId = callers.get('investigator')!.user.agencyId;
  const enrolled = await createTestUser(h.ctx, { agencyId, roles: ['investigator'] });
  passwordOnly = new Agent(h.app);
  expect((await passwordOnly.post('/api/auth/login', { email: enrolled.email, password: enrolled.password })).json().next).toBe('verify');
  const unenrolled = await createTestUser(h.ctx, { agencyId, roles: ['investigator'], enrolled: false });
  enrolling = new Agent(h.app);
  expect((await enrolling.post('/api/auth/login', { email: unenrolled.email, password: unenrolled.password })).json().next).toBe('enroll');
});

afterAll(async () => {
  const perRole = ENDPOINT_RULES.reduce((n, r) => n + (runsTwice(r) ? 2 : 1), 0);
  console.log(
    `access matrix: ${ENDPOINT_RULES.length} rules × ${ROLES.length} roles = ${perRole * ROLES.length} cases, ` +
      `+ ${staffEndpoints().length * 3} without a finished sign-in; ${ran} ran`,
  );
  await h?.close();
});

/** A fingerprint of what a call about this target could change, to show that a refused call changed nothing. */
async function stateFingerprint(t: CaseTarget): Promise<unknown> {
  const id = t.params.id ?? '00000000-0000-4000-8000-000000000000';
  const { rows } = await sql<Record<string, unknown>>`
    select
      (select count(*) from agencies) as agencies,
      (select count(*) from users) as users,
      (select count(*) from tips) as tips,
      (select count(*) from tip_notes) as notes,
      (select count(*) from tip_messages) as messages,
      (select count(*) from account_tokens where used_at is null) as open_links,
      (select count(*) from sessions where ended_at is not null) as ended_sessions,
      (select count(*) from sessions where mfa_state <> 'complete') as unfinished_sessions,
      (select count(*) from notifications where read_at is not null) as read_notifications,
      (select a::text from agencies a where a.id = ${t.agencyId}) as agency,
      (select u::text from users u where u.id::text = ${id}) as person,
      (select string_agg(role, ',' order by role) from user_roles where user_id::text = ${id}) as roles,
      (select string_agg(id::text, ',' order by id) from recovery_codes where user_id::text = ${id}) as recovery_codes,
      (select x::text from tips x where x.id::text = ${id}) as tip,
      (select count(*) from safe_places) as safe_places,
      (select x::text from safe_places x where x.id::text = ${id}) as safe_place,
      (select count(*) from directory_providers) as directory_providers,
      (select count(*) from directory_capacity_history) as directory_capacity_changes,
      (select count(*) from directory_hubs) as directory_hubs,
      (select count(*) from directory_hub_sessions) as directory_hub_sessions,
      (select count(*) from directory_referral_inquiries) as directory_inquiries,
      (select x::text from directory_providers x where x.id::text = ${id}) as directory_provider,
      (select x::text from directory_hubs x where x.id::text = ${id}) as directory_hub,
      (select x::text from directory_referral_inquiries x where x.id::text = ${id}) as directory_inquiry,
      (select count(*) from cases) as cases,
      (select x::text from cases x where x.id::text = ${t.params.caseId ?? id}) as case_row,
      (select string_agg(agency_id::text || level, ',' order by agency_id) from case_partners where case_id::text = ${t.params.caseId ?? id}) as case_partners,
      (select count(*) from case_assignments) as case_assignments,
      (select count(*) from case_events) as case_events,
      (select count(*) from case_tasks) as case_tasks,
      (select string_agg(x::text, ',') from case_tasks x where x.case_id::text = ${t.params.caseId ?? id}) as case_task_rows,
      (select count(*) from case_notes) as case_notes,
      (select count(*) from case_documents) as case_documents,
      (select count(*) from entities) as entities,
      (select x::text from entities x where x.id::text = ${t.params.entityId ?? id}) as entity,
      (select string_agg(x::text, ',' order by x.id) from case_entities x where x.case_id::text = ${t.params.caseId ?? id}) as case_entities,
      (select count(*) from entity_links) as entity_links,
      (select count(*) from case_outcomes) as case_outcomes,
      (select x::text from deconfliction_hits x where x.id::text = ${id}) as deconfliction_hit,
      (select count(*) from deconfliction_hits) as deconfliction_hits,
      (select count(*) from notifications) as notifications,
      (select count(*) from survivors) as survivors,
      (select x::text from survivors x where x.id::text = ${id}) as survivor,
      (select count(*) from survivor_screenings) as survivor_screenings,
      (select string_agg(x::text, ',' order by x.id) from survivor_needs x where x.survivor_id::text = ${id}) as survivor_needs,
      (select string_agg(x::text, ',' order by x.id) from survivor_goals x where x.survivor_id::text = ${id}) as survivor_goals,
      (select string_agg(x::text, ',' order by x.id) from survivor_tasks x where x.survivor_id::text = ${id}) as survivor_tasks,
      (select count(*) from survivor_services) as survivor_services,
      (select count(*) from survivor_documents) as survivor_documents,
      (select string_agg(x::text, ',' order by x.id) from survivor_consents x where x.survivor_id::text = ${id}) as survivor_consents,
      (select string_agg(x::text, ',' order by x.id) from survivor_disclosures x where x.survivor_id::text = ${id}) as survivor_disclosures,
      (select count(*) from survivor_consents) as survivor_consent_count,
      (select count(*) from survivor_disclosures) as survivor_disclosure_count,
      (select count(*) from survivor_referrals) as survivor_referrals,
      (select x::text from survivor_referrals x where x.id::text = ${id}) as survivor_referral,
      (select count(*) from survivor_retention_rules) as survivor_retention_rules
  `.execute(h.ctx.db);
  return rows[0];
}

function casesFor(rule: EndpointRule) {
  const places = runsTwice(rule) ? (['own', 'other'] as const) : (['own'] as const);
  return ROLES.flatMap((role) =>
    places.map((where) => {
      const expected = expectedStatus(rule, role, where);
      const at = rule.target === 'self' ? 'own account' : rule.target === 'none' ? 'signed in' : rule.target === 'notification' ? `${where === 'own' ? 'own' : 'someone else’s'} notification` : `${where} agency’s ${rule.target}`;
      return { label: `${role}, ${at} → ${expected}`, role, where, expected };
    }),
  );
}

describe('the access matrix table', () => {
  it('places every role in an agency of a kind it may be held in', () => {
    for (const role of ROLES) expect(isRoleAllowedInAgency(role, ROLE_HOME[role]), role).toBe(true);
  });

  it('has a rule for every staff endpoint in docs/api.md, and none for an endpoint it does not list', () => {
    const documented = documentedEndpoints();
    expect(documented.length).toBeGreaterThan(30);
    const staff = documented.filter((e) => e.split(' ')[1]!.startsWith('/api/') && !PUBLIC_ENDPOINTS.includes(e));
    expect(staff.filter((e) => !staffEndpoints().includes(e))).toEqual([]);
    expect(staffEndpoints().filter((e) => !documented.includes(e))).toEqual([]);
    expect(PUBLIC_ENDPOINTS.filter((e) => !documented.includes(e))).toEqual([]);
  });

  it('has a rule for every /api/ route the application registered, and declares public exactly the public endpoints', () => {
    const api = registeredRoutes(h.app).filter((r) => r.url.startsWith('/api/'));
    expect(api.length).toBeGreaterThan(30);
    const key = (r: { method: string; url: string }) => `${r.method} ${r.url}`;
    const underPublicPrefix = (r: { url: string }) => PUBLIC_PREFIXES.some((p) => r.url === p || r.url.startsWith(`${p}/`));
    const declaredPublic = api.filter((r) => r.isPublic && !underPublicPrefix(r)).map(key);
    const closed = api.filter((r) => !r.isPublic).map(key);
    // A registered staff route without a rule would never be called by this test.
    expect(closed.filter((e) => !staffEndpoints().includes(e))).toEqual([]);
    expect(staffEndpoints().filter((e) => !closed.includes(e))).toEqual([]);
    // A route that declares itself public is listed here for review, and nothing listed is closed by mistake.
    expect([...declaredPublic].sort()).toEqual(PUBLIC_ENDPOINTS.filter((e) => !underPublicPrefix({ url: e.split(' ')[1]! })).sort());
    expect(api.filter((r) => underPublicPrefix(r) && !r.isPublic).map(key)).toEqual([]);
  });
});

/** The rule in words, for the test's name: "200 for coordinator, investigator (own-agency); 404 outside reach, 403 to the rest". */
function policyOf(rule: EndpointRule): string {
  const scopes = Object.values(rule.allowed);
  if (scopes.length === 0) return 'refused to every role';
  const everyone = scopes.length === ROLES.length && new Set(scopes).size === 1;
  const who = everyone ? `every role${scopes[0] === 'any' ? '' : ` (${scopes[0]})`}` : Object.entries(rule.allowed).map(([role, scope]) => `${role}${scope === 'any' ? '' : ` (${scope})`}`).join(', ');
  const refusal = rule.visibleTo ? '404 outside reach, 403 to the rest' : '403 to the rest';
  return everyone && scopes[0] === 'any' ? `${rule.status} for ${who}` : `${rule.status} for ${who}; ${refusal}`;
}

describe('every role against every staff endpoint, at its own agency and another', () => {
  for (const rule of ENDPOINT_RULES) it(`${rule.method} ${rule.path} (${rule.name}): ${policyOf(rule)}`, async () => {
    const mismatches: string[] = [];
    for (const { label, role, where, expected } of casesFor(rule)) {
      let caller = callers.get(role)!;
      if (rule.freshCaller) {
        const user = await createTestUser(h.ctx, { agencyId: caller.user.agencyId, roles: [role] });
        caller = { user, agent: await openSession(h, user) };
      }
      const t = await targetFor(rule, caller.user, where);
      // Only a refused call is fingerprinted: what an allowed one changes is for the module's own tests.
      const before = expected >= 400 ? await stateFingerprint(t) : null;
      const response = await caller.agent.request(rule.method, urlFor(rule, t), rule.method === 'GET' ? undefined : (rule.body?.(t) ?? {}));
      ran++;
      const code = expected >= 400 ? response.json().error?.code : undefined;
      if (response.statusCode !== expected) mismatches.push(`${label}, but got ${response.statusCode}: ${response.body.slice(0, 200)}`);
      else if (expected >= 400 && code !== (expected === 404 ? 'not_found' : 'forbidden')) mismatches.push(`${label}, but the error code was ${code}`);
      else if (before && JSON.stringify(await stateFingerprint(t)) !== JSON.stringify(before)) mismatches.push(`${label}, but the refused call changed something`);
    }
    expect(mismatches).toEqual([]);
  });
});

describe('without a finished sign-in', () => {
  const rules = () => staffEndpoints().map((e) => ENDPOINT_RULES.find((r) => `${r.method} ${r.path}` === e)!);

  async function answersFor(agent: Agent) {
    const answers = [];
    for (const rule of rules()) {
      const t = await targetFor(rule, callers.get('taskforce_admin')!.user, 'own');
      const before = await stateFingerprint(t);
      const response = await agent.request(rule.method, urlFor(rule, t), rule.method === 'GET' ? undefined : (rule.body?.(t) ?? {}));
      expect(await stateFingerprint(t), `${rule.method} ${rule.path} changed something`).toEqual(before);
      answers.push({ endpoint: `${rule.method} ${rule.path}`, status: response.statusCode, code: response.json().error?.code });
      ran++;
    }
    return answers;
  }

  it('answers 401 unauthenticated on every staff endpoint without a session', async () => {
    const answers = await answersFor(new Agent(h.app));
    expect(answers).toEqual(answers.map((a) => ({ ...a, status: 401, code: 'unauthenticated' })));
  });

  it('answers 401 mfa_required on every staff endpoint after the password but before the code', async () => {
    const answers = await answersFor(passwordOnly);
    expect(answers).toEqual(answers.map((a) => ({ ...a, status: 401, code: 'mfa_required' })));
  });

  it('answers 401 mfa_required on every staff endpoint while the second factor is being enrolled', async () => {
    const answers = await answersFor(enrolling);
    expect(answers).toEqual(answers.map((a) => ({ ...a, status: 401, code: 'mfa_required' })));
  });
});

function staffEndpoints(): string[] {
  return [...new Set(ENDPOINT_RULES.map((r) => `${r.method} ${r.path}`))];
}
