import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, isRoleAllowedInAgency, type Role } from '../../common/access/roles.ts';
import { createTestApp, type TestHaven } from './test-app.ts';
import { createTestAgency, createTestUser, type TestAgency, type TestUser } from './factories.ts';
import { Agent, signIn } from './agent.ts';
import { openSession } from './sessions.ts';
import { createTestProvider } from '../modules/directory/directory.fixtures.ts';
import { actorFor } from '../platform/access/access.ts';
import { createSurvivor } from '../modules/survivors/survivors.service.ts';
import { addDocument } from '../modules/survivors/survivors.work.ts';
import { pngWithText } from './fixtures/files.ts';
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

const unique = () => randomBytes(5).toString('hex');

/** A tip assigned to an agency, as the hotline or the portal would have left it, with a receipt. */
async function createTip(agencyId: string): Promise<string> {
  const row = await h.ctx.db
    .insertInto('tips')
    .values({ channel: 'phone', concern_type: 'labor', narrative: 'Matrix tip', receipt_hash: randomBytes(32), assigned_agency_id: agencyId, status: 'assigned', people: '[]', vehicles: '[]', phones: '[]', emails: '[]', online: '[]' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function attachTo(tipId: string): Promise<string> {
  const data = Buffer.from('matrix attachment');
  const row = await h.ctx.db
    .insertInto('tip_attachments')
    .values({ tip_id: tipId, message_id: null, content_type: 'text/plain', byte_size: data.length, sha256: createHash('sha256').update(data).digest('hex'), data })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function notify(userId: string): Promise<string> {
  const row = await h.ctx.db
    .insertInto('notifications')
    .values({ user_id: userId, kind: 'test.matrix', entity_type: 'tip', entity_id: randomBytes(8).toString('hex'), data: '{}' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A Safe Place, written straight to the table. */
async function createSafePlace(): Promise<string> {
  const row = await h.ctx.db
    .insertInto('safe_places')
    .values({ name: 'Matrix Fire Station', kind: 'fire_station', address: '1 Main St', city: 'Houston', state: 'TX', zip: '77002', lat: 29.76, lng: -95.37, time_zone: 'America/Chicago', hours: JSON.stringify({ alwaysOpen: true, days: {} }) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A confidential shelter in the directory, run by the agency, with a free bed. */
function createDirectoryProvider(agencyId: string): Promise<string> {
  return createTestProvider(h.ctx, { linkedAgencyId: agencyId, serviceTypes: ['shelter', 'counseling'], confidentialLocation: true, address1: '1 Hidden Way', capacity: [{ serviceType: 'shelter', available: 2, total: 4 }] });
}

let inquirySender: TestUser | undefined;

/** An open referral inquiry from one agency to the provider another one runs. */
async function createInquiry(fromAgencyId: string | null, fromUserId: string | null, toAgencyId: string): Promise<string> {
  inquirySender ??= await createTestUser(h.ctx, { agencyId: elsewhere.id, roles: ['investigator'] });
  const providerId = await createDirectoryProvider(toAgencyId);
  const row = await h.ctx.db
    .insertInto('directory_referral_inquiries')
    .values({ provider_id: providerId, service_type: 'shelter', from_agency_id: fromAgencyId ?? elsewhere.id, from_user_id: fromUserId ?? inquirySender.id, to_agency_id: toAgencyId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A service hub where a provider keeps hours. */
async function createHub(params: Record<string, string>): Promise<void> {
  params.providerId = await createTestProvider(h.ctx, { serviceTypes: ['counseling'] });
  params.id = (await h.ctx.db.insertInto('directory_hubs').values({ name: `Matrix hub ${unique()}`, time_zone: 'America/Chicago' }).returning('id').executeTakeFirstOrThrow()).id;
  params.sessionId = (
    await h.ctx.db.insertInto('directory_hub_sessions').values({ hub_id: params.id, provider_id: params.providerId, service_type: 'counseling', days: ['TU'], opens: '09:00', closes: '12:00' }).returning('id').executeTakeFirstOrThrow()
  ).id;
}

let caseGrantee: TestAgency | undefined;
let casePartner: TestAgency | undefined;

/**
 * A case as investigators leave it: led by `leadAgencyId`, shared with `sharedWith` at a level (and with a
 * prosecutor's office at read), a member assigned, a suspect and a phone linked, a task and a document.
 */
async function createCaseTarget(leadAgencyId: string, sharedWith: { agencyId: string; level: 'summary' | 'read' | 'edit' } | null, params: Record<string, string>): Promise<void> {
  caseGrantee ??= await createTestAgency(h.ctx, { type: 'law_enforcement' });
  casePartner ??= await createTestAgency(h.ctx, { type: 'prosecutor' });
  const db = h.ctx.db;
  const c = await db.insertInto('cases').values({ lead_agency_id: leadAgencyId, title: `Matrix case ${unique()}`, trafficking_type: 'labor', summary: 'Matrix summary' }).returning('id').executeTakeFirstOrThrow();
  const partners = [{ case_id: c.id, agency_id: casePartner.id, level: 'read' as const }, ...(sharedWith ? [{ case_id: c.id, agency_id: sharedWith.agencyId, level: sharedWith.level }] : [])];
  await db.insertInto('case_partners').values(partners).execute();
  const member = await createTestUser(h.ctx, { agencyId: leadAgencyId, roles: ['investigator'] });
  await db.insertInto('case_assignments').values({ case_id: c.id, user_id: member.id, role: 'member' }).execute();
  const suspect = await db.insertInto('entities').values({ kind: 'person', owner_agency_id: leadAgencyId, label: 'Matrix Suspect', data: JSON.stringify({ name: 'Matrix Suspect', aliases: [] }), estimated_age: 40, age_as_of: '2026-01-01', search_key: 'matrix suspect' }).returning('id').executeTakeFirstOrThrow();
  const phone = await db.insertInto('entities').values({ kind: 'phone', owner_agency_id: leadAgencyId, label: '+17135550100', data: JSON.stringify({ number: '+17135550100' }), search_key: '17135550100' }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('entity_identifiers').values({ entity_id: phone.id, kind: 'phone', value: '+17135550100' }).execute();
  const ce = await db.insertInto('case_entities').values([{ case_id: c.id, entity_id: suspect.id, role: 'suspect' }, { case_id: c.id, entity_id: phone.id, role: 'involved' }]).returning('id').execute();
  const link = await db.insertInto('entity_links').values({ from_entity_id: suspect.id, to_entity_id: phone.id, type: 'uses', case_id: c.id }).returning('id').executeTakeFirstOrThrow();
  const task = await db.insertInto('case_tasks').values({ case_id: c.id, title: 'Matrix task' }).returning('id').executeTakeFirstOrThrow();
  const data = Buffer.from('%PDF-matrix');
  const doc = await db.insertInto('case_documents').values({ case_id: c.id, title: 'Matrix document', content_type: 'application/pdf', byte_size: data.length, sha256: createHash('sha256').update(data).digest('hex'), data }).returning('id').executeTakeFirstOrThrow();
  Object.assign(params, {
    id: c.id,
    caseId: c.id,
    newPartnerId: caseGrantee.id,
    agencyId: casePartner.id,
    assigneeId: member.id,
    userId: member.id,
    entityId: suspect.id,
    caseEntityId: ce[0]!.id,
    phoneEntityId: phone.id,
    linkId: link.id,
    taskId: task.id,
    documentId: doc.id,
  });
}

/** A deconfliction hit between a case of `agencyA` and one of `agencyB`. */
async function createHitTarget(agencyA: string, agencyB: string, params: Record<string, string>): Promise<void> {
  const a: Record<string, string> = {};
  const b: Record<string, string> = {};
  await createCaseTarget(agencyA, null, a);
  await createCaseTarget(agencyB, null, b);
  const [first, second] = a.id! < b.id! ? [a, b] : [b, a];
  const row = await h.ctx.db
    .insertInto('deconfliction_hits')
    .values({ case_a_id: first.id!, agency_a_id: first === a ? agencyA : agencyB, case_b_id: second.id!, agency_b_id: second === a ? agencyA : agencyB, matched_kinds: ['phone'] })
    .returning('id')
    .executeTakeFirstOrThrow();
  params.id = row.id;
}

const survivorKeepers = new Map<string, TestUser>();
let referralProvider: string | undefined;
let referrer: TestAgency | undefined;

/**
 * A survivor record kept by `agencyId`, as a case manager leaves it: sealed parts, a need, a goal, a mandated-report
 * task under Safe Harbor routing, a document, an active consent and a requested disclosure to another agency.
 */
async function createSurvivorTarget(agencyId: string, params: Record<string, string>): Promise<void> {
  let keeper = survivorKeepers.get(agencyId);
  if (!keeper) survivorKeepers.set(agencyId, (keeper = await createTestUser(h.ctx, { agencyId, roles: ['victim_advocate'] })));
  const actor = actorFor({ id: keeper.id, agencyId, roles: ['victim_advocate'] });
  const survivor = await createSurvivor(h.ctx, actor, { identity: { names: [`Matrix ${unique()}`], aliases: [], birthDate: null, documents: [], allegedTraffickers: [] }, contact: { phones: [], emails: [], addresses: [], safeToContact: null }, narrative: 'Matrix account.', gender: null, estimatedAge: null, primaryLanguage: null, traffickingType: 'labor', identifiedAt: null });
  const id = survivor.id;
  const view = await addDocument(h.ctx, actor, id, { title: 'Matrix document', contentBase64: pngWithText().toString('base64') });
  const db = h.ctx.db;
  await db.updateTable('survivors').set({ safe_harbor: 'routed' }).where('id', '=', id).execute();
  const now = Date.now();
  params.id = id;
  params.documentId = view.documents![0]!.id;
  params.needId = (await db.insertInto('survivor_needs').values({ survivor_id: id, agency_id: agencyId, domain: 'medical' }).returning('id').executeTakeFirstOrThrow()).id;
  params.goalId = (await db.insertInto('survivor_goals').values({ survivor_id: id, agency_id: agencyId, domain: 'medical', description: 'Matrix goal' }).returning('id').executeTakeFirstOrThrow()).id;
  params.taskId = (await db.insertInto('survivor_tasks').values({ survivor_id: id, agency_id: agencyId, kind: 'mandated_report', title: 'Matrix report', due_at: new Date(now + 86_400_000) }).returning('id').executeTakeFirstOrThrow()).id;
  params.consentId = (
    await db.insertInto('survivor_consents').values({ survivor_id: id, agency_id: agencyId, recipient_agency_id: elsewhere.id, purpose: 'Matrix', categories: ['identity'], method: 'signed_form', signer: 'survivor', starts_at: new Date(now - 1_000), expires_at: new Date(now + 86_400_000) }).returning('id').executeTakeFirstOrThrow()
  ).id;
  params.disclosureId = (
    await db
      .insertInto('survivor_disclosures')
      .values({ survivor_id: id, agency_id: agencyId, recipient_agency_id: elsewhere.id, recipient_description: 'Matrix court', basis: 'court_order', legal_reference: 'Matrix', categories: ['services'], expires_at: new Date(now + 86_400_000), requested_by_user_id: keeper.id, requested_at: new Date(now) })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  referralProvider ??= await createTestProvider(h.ctx, { linkedAgencyId: elsewhere.id, serviceTypes: ['shelter'] });
  params.providerId = referralProvider;
  params.elsewhereAgencyId = elsewhere.id;
}

/** A referral: made by `fromAgencyId` (draft), or sent from a third agency to `toAgencyId` (and maybe accepted). */
async function createReferralTarget(kind: 'referral-draft' | 'referral-received' | 'referral-accepted', agencyId: string, params: Record<string, string>): Promise<void> {
  referrer ??= await createTestAgency(h.ctx, { type: 'victim_service_provider' });
  const survivor: Record<string, string> = {};
  await createSurvivorTarget(kind === 'referral-draft' ? agencyId : referrer.id, survivor);
  const now = new Date();
  const status = kind === 'referral-draft' ? 'draft' : kind === 'referral-received' ? 'sent' : 'accepted';
  const row = await h.ctx.db
    .insertInto('survivor_referrals')
    .values({ survivor_id: survivor.id!, agency_id: kind === 'referral-draft' ? agencyId : referrer.id, provider_id: survivor.providerId!, to_agency_id: kind === 'referral-draft' ? elsewhere.id : agencyId, service_type: 'shelter', status, created_at: now, sent_at: status === 'draft' ? null : now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  params.id = row.id;
}

/** What the call points at: something of the caller's own agency (or their own), or of another. */
async function targetFor(rule: EndpointRule, caller: TestUser, where: 'own' | 'other'): Promise<CaseTarget> {
  const agencyId = where === 'own' ? caller.agencyId : other.id;
  const params: Record<string, string> = {};
  switch (rule.target) {
    case 'agency':
      params.id = agencyId;
      break;
    case 'self':
      params.id = caller.id;
      break;
    case 'user': {
      const person = await createTestUser(h.ctx, { agencyId, roles: ['analyst'] });
      if (rule.targetInvited) await h.ctx.db.updateTable('users').set({ password_hash: null }).where('id', '=', person.id).execute();
      params.id = person.id;
      break;
    }
    case 'tip':
      params.id = await createTip(agencyId);
      params.intoTipId = await createTip(agencyId);
      params.attachmentId = await attachTo(params.id);
      params.elsewhereAgencyId = elsewhere.id;
      break;
    case 'notification':
      params.id = await notify(where === 'own' ? caller.id : stranger.id);
      break;
    case 'safe-place':
      params.id = await createSafePlace();
      break;
    case 'directory-provider':
      params.id = await createDirectoryProvider(agencyId);
      params.elsewhereAgencyId = elsewhere.id;
      break;
    case 'directory-hub':
      await createHub(params);
      break;
    case 'inquiry-received':
      params.id = await createInquiry(null, null, agencyId);
      break;
    case 'inquiry-sent':
      params.id = where === 'own' ? await createInquiry(caller.agencyId, caller.id, other.id) : await createInquiry(null, null, other.id);
      break;
    case 'hit':
      await createHitTarget(agencyId, where === 'own' ? other.id : elsewhere.id, params);
      break;
    case 'survivor':
      await createSurvivorTarget(agencyId, params);
      break;
    case 'referral-draft':
    case 'referral-received':
    case 'referral-accepted':
      await createReferralTarget(rule.target, agencyId, params);
      break;
    case 'none':
      break;
    default: {
      // case / entity, at the agency's own or another's case, or shared with the caller's agency at a level
      const [base, level] = rule.target.split('@') as ['case' | 'entity', 'summary' | 'read' | 'edit' | undefined];
      if (level) await createCaseTarget(elsewhere.id, { agencyId: caller.agencyId, level }, params);
      else await createCaseTarget(agencyId, null, params);
      if (base === 'entity') params.id = params.entityId!;
    }
  }
  return { agencyId, params, unique: unique(), callerRoles: caller.roles };
}

function urlFor(rule: EndpointRule, t: CaseTarget): string {
  const path = rule.path.replace(/:(\w+)/g, (_m, name: string) => t.params[name] ?? `missing-${name}`);
  return rule.query ? `${path}?${rule.query(t)}` : path;
}

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
