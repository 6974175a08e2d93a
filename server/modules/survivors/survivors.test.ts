import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestHaven } from '../../test/test-app.ts';
import { createTestAgency, createTestUser, type TestAgency } from '../../test/factories.ts';
import { openSession } from '../../test/sessions.ts';
import type { Agent } from '../../test/agent.ts';
import type { Role } from '../../../common/access/roles.ts';
import { createTestProvider } from '../directory/directory.fixtures.ts';
import { withRowScope } from '../../platform/db/row-security.ts';

let h: TestHaven;
let ngo: TestAgency;
let shelterAgency: TestAgency;
let other: TestAgency;
let advocate: Agent;
let shelterStaff: Agent;
let otherAdvocate: Agent;
let investigator: Agent;
let supervisor: Agent;
let shelterProviderId: string;

const person = async (agencyId: string, roles: Role[]) => {
  const user = await createTestUser(h.ctx, { agencyId, roles });
  return { user, agent: await openSession(h, user) };
};

const DAY = 86_400_000;
const users: Array<{ id: string; set: (a: Agent) => void }> = [];

/** Sessions expire when the clock moves a month: open new ones for everybody at the new time. */
async function refreshSessions(): Promise<void> {
  for (const u of users) u.set(await openSession(h, u));
}

async function staff(agencyId: string, roles: Role[], set: (a: Agent) => void): Promise<void> {
  const { user, agent } = await person(agencyId, roles);
  set(agent);
  users.push({ id: user.id, set });
}

beforeAll(async () => {
  h = await createTestApp();
  ngo = await createTestAgency(h.ctx, { type: 'victim_service_provider', name: 'Harbor NGO' });
  shelterAgency = await createTestAgency(h.ctx, { type: 'victim_service_provider', name: 'Safe Roof Shelter' });
  other = await createTestAgency(h.ctx, { type: 'legal_service', name: 'Other Legal Aid' });
  const police = await createTestAgency(h.ctx, { type: 'law_enforcement' });
  await staff(ngo.id, ['victim_advocate'], (a) => (advocate = a));
  await staff(ngo.id, ['victim_advocate', 'supervisor'], (a) => (supervisor = a));
  await staff(shelterAgency.id, ['provider_staff'], (a) => (shelterStaff = a));
  await staff(other.id, ['victim_advocate'], (a) => (otherAdvocate = a));
  await staff(police.id, ['investigator'], (a) => (investigator = a));
  shelterProviderId = await createTestProvider(h.ctx, { linkedAgencyId: shelterAgency.id, serviceTypes: ['shelter'] });
});

afterAll(async () => {
  await h?.close();
});

const newSurvivor = (agent: Agent, extra: Record<string, unknown> = {}) =>
  agent.post('/api/survivors', {
    identity: { names: ['Ana Lucía Pérez'], aliases: ['Lu'], birthDate: '1995-03-02', documents: [{ type: 'passport', number: 'G1234567' }] },
    contact: { phones: ['713-555-0142'], emails: ['ana@example.org'], addresses: ['12 Elm St'] },
    narrative: 'She was promised a job at a restaurant.',
    gender: 'female',
    traffickingType: 'labor',
    ...extra,
  });

describe('survivor services: the done-when flow', () => {
  let survivorId: string;
  let referralId: string;
  let consentId: string;

  it('lets a case manager create a survivor record with its identifying parts sealed', async () => {
    const res = await newSurvivor(advocate);
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    survivorId = body.id;
    expect(body.access).toBe('own');
    expect(body.identity.names).toEqual(['Ana Lucía Pérez']);
    expect(body.facts).toMatchObject({ ageAtIdentification: expect.any(Number), isMinor: false, safeHarbor: 'not_applicable' });
    const row = await h.ctx.db.selectFrom('survivors').select(['identity_enc', 'contact_enc']).where('id', '=', survivorId).executeTakeFirstOrThrow();
    expect(row.identity_enc!.toString('latin1')).not.toContain('Ana');
  });

  it('screens with a transparent result mapped to HTCDS', async () => {
    const res = await advocate.post(`/api/survivors/${survivorId}/screenings`, { answers: { promise_broken: 'yes', documents_kept: 'yes', forced_work: 'yes', long_hours: 'no' } });
    expect(res.statusCode, res.body).toBe(201);
    const screening = res.json().screenings[0];
    expect(screening).toMatchObject({ potentialVictim: true, score: 8, methodsOfControl: ['FalsePromises', 'WithholdsDocuments'], typesOfExploitation: ['ForcedLabour'] });
    expect(screening.reasons).toContain('Labor or services together with force, fraud or coercion.');
    expect(screening.indicators.map((i: { id: string }) => i.id).sort()).toEqual(['documents_kept', 'forced_work', 'promise_broken']);
  });

  it('plans services: needs, goals with dates, services delivered', async () => {
    expect((await advocate.post(`/api/survivors/${survivorId}/needs`, { domain: 'shelter_housing', priority: 'urgent' })).statusCode).toBe(201);
    expect((await advocate.post(`/api/survivors/${survivorId}/needs`, { domain: 'legal_immigration_t_visa' })).statusCode).toBe(201);
    expect((await advocate.post(`/api/survivors/${survivorId}/goals`, { domain: 'shelter_housing', description: 'Safe bed tonight', targetDate: '2030-01-01' })).statusCode).toBe(201);
    const res = await advocate.post(`/api/survivors/${survivorId}/services`, { serviceType: 'case_management', deliveredOn: '2026-01-05', hours: 1.5 });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().services[0]).toMatchObject({ serviceType: 'case_management', hours: 1.5 });
    expect(res.json().needs).toHaveLength(2);
  });

  it('finds the record by exact name, date of birth, phone and document number', async () => {
    for (const q of ['perez ana lucia', '1995-03-02', '(713) 555-0142', 'g1234567']) {
      const res = await advocate.get(`/api/survivors?q=${encodeURIComponent(q)}`);
      expect(res.json().survivors.map((s: { id: string }) => s.id), q).toContain(survivorId);
    }
    expect((await advocate.get('/api/survivors?q=Ana%20Perez')).json().survivors).toEqual([]);
  });

  it('refers to a shelter with a 30-day consent for identity and needs; the shelter sees exactly that', async () => {
    const ref = await advocate.post(`/api/survivors/${survivorId}/referrals`, { providerId: shelterProviderId, serviceType: 'shelter', note: 'Arriving by bus at 6 pm.' });
    expect(ref.statusCode, ref.body).toBe(201);
    referralId = ref.json().id;
    expect(ref.json().status).toBe('draft');
    expect((await shelterStaff.get(`/api/referrals/${referralId}`)).statusCode).toBe(404);
    const now = h.clock.now();
    const consent = await advocate.post(`/api/survivors/${survivorId}/consents`, {
      recipientAgencyId: shelterAgency.id, purpose: 'Emergency shelter placement', categories: ['identity', 'needs'], method: 'signed_form',
      startsAt: now.toISOString(), expiresAt: new Date(now.getTime() + 30 * DAY).toISOString(),
    });
    expect(consent.statusCode, consent.body).toBe(201);
    consentId = consent.json().id;
    expect(consent.json().state).toBe('active');
    expect((await advocate.post(`/api/referrals/${referralId}/send`)).json().status).toBe('sent');
    const inbox = await shelterStaff.get('/api/referrals?box=inbox');
    expect(inbox.json().referrals.map((r: { id: string }) => r.id)).toContain(referralId);
    expect((await shelterStaff.post(`/api/referrals/${referralId}/accept`)).json().status).toBe('accepted');

    const seen = (await shelterStaff.get(`/api/referrals/${referralId}`)).json();
    expect(seen.survivor.access).toBe('consented');
    expect(seen.survivor.shared.categories).toEqual(['identity', 'needs']);
    expect(seen.survivor.identity.names).toEqual(['Ana Lucía Pérez']);
    expect(seen.survivor.needs).toHaveLength(2);
    expect(seen.survivor.goals).toHaveLength(1);
    for (const hidden of ['contact', 'narrative', 'services', 'consents', 'referrals', 'documents', 'tasks', 'disclosures']) expect(seen.survivor[hidden], hidden).toBeNull();
    expect(seen.survivor.screenings[0].answers).toBeNull();
    const direct = await shelterStaff.get(`/api/survivors/${survivorId}`);
    expect(direct.statusCode).toBe(200);
    expect(JSON.stringify(direct.json())).not.toContain('555-0142');
    expect(JSON.stringify(direct.json())).not.toContain('ana@example.org');
    expect(JSON.stringify(direct.json())).not.toContain('restaurant');
    // Another agency with no consent: the record does not exist for it.
    expect((await otherAdvocate.get(`/api/survivors/${survivorId}`)).statusCode).toBe(404);
    expect((await investigator.get(`/api/survivors/${survivorId}`)).statusCode).toBe(403);
  });

  it('counts the survivor as matched within 48 hours', async () => {
    const res = await advocate.get('/api/survivors/metrics');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().matching).toMatchObject({ matchedWithin48h: 1 });
    expect(res.json().services).toEqual([{ serviceType: 'case_management', deliveries: 1, survivors: 1, units: 0, hours: 1.5 }]);
  });

  it('ends the shelter’s access at the exact second the consent expires (day 31)', async () => {
    const consent = await h.ctx.db.selectFrom('survivor_consents').select('expires_at').where('id', '=', consentId).executeTakeFirstOrThrow();
    const offset = consent.expires_at.getTime() - h.clock.now().getTime();
    h.clock.advance(offset - 1_000);
    await refreshSessions();
    expect((await shelterStaff.get(`/api/survivors/${survivorId}`)).statusCode).toBe(200);
    h.clock.advance(1_000 - (h.clock.now().getTime() - consent.expires_at.getTime()));
    expect(h.clock.now().getTime()).toBeGreaterThanOrEqual(consent.expires_at.getTime());
    expect((await shelterStaff.get(`/api/survivors/${survivorId}`)).statusCode).toBe(404);
    const viaReferral = (await shelterStaff.get(`/api/referrals/${referralId}`)).json();
    expect(viaReferral.survivor).toBeNull();
    expect((await advocate.get(`/api/survivors/${survivorId}`)).json().consents[0].state).toBe('expired');
  });

  it('ends access at once on revocation', async () => {
    const now = h.clock.now();
    const c = await advocate.post(`/api/survivors/${survivorId}/consents`, { recipientAgencyId: shelterAgency.id, purpose: 'Continued shelter', categories: ['identity'], method: 'e_signature', expiresAt: new Date(now.getTime() + 10 * DAY).toISOString() });
    expect(c.statusCode, c.body).toBe(201);
    expect((await shelterStaff.get(`/api/survivors/${survivorId}`)).statusCode).toBe(200);
    expect((await advocate.post(`/api/survivors/${survivorId}/consents/${c.json().id}/revoke`, {})).json().state).toBe('revoked');
    expect((await shelterStaff.get(`/api/survivors/${survivorId}`)).statusCode).toBe(404);
  });

  it('prints the consent form in English and Spanish', async () => {
    const en = await advocate.get(`/api/survivors/${survivorId}/consents/${consentId}/form?lang=en`);
    expect(en.statusCode).toBe(200);
    expect(en.headers['content-type']).toContain('text/html');
    expect(en.body).toContain('Safe Roof Shelter');
    expect(en.body).toContain('You do not have to sign this form to receive services');
    const es = await advocate.get(`/api/survivors/${survivorId}/consents/${consentId}/form?lang=es`);
    expect(es.body).toContain('Permiso para compartir información');
    expect((await shelterStaff.get(`/api/survivors/${survivorId}/consents/${consentId}/form`)).statusCode).toBe(404);
  });
});

describe('Safe Harbor for minors', () => {
  it('routes a 16-year-old automatically: minor victim, child-welfare referral, mandated-report task with its deadline', async () => {
    const cw = await createTestAgency(h.ctx, { type: 'child_welfare', name: 'County Child Welfare' });
    await createTestProvider(h.ctx, { linkedAgencyId: cw.id, serviceTypes: ['child_welfare'] });
    const identifiedAt = new Date(h.clock.now().getTime() - 3_600_000);
    const birth = new Date(identifiedAt.getTime() - 16.5 * 365.25 * DAY).toISOString().slice(0, 10);
    const res = await newSurvivor(advocate, { identity: { names: ['Minor Test'], birthDate: birth }, identifiedAt: identifiedAt.toISOString() });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.facts).toMatchObject({ isMinor: true, ageAtIdentification: 16, safeHarbor: 'routed' });
    expect(body.referrals).toEqual([expect.objectContaining({ kind: 'child_welfare', status: 'draft', toAgency: { id: cw.id, name: 'County Child Welfare' } })]);
    expect(body.tasks).toEqual([expect.objectContaining({ kind: 'mandated_report', status: 'open', dueAt: new Date(identifiedAt.getTime() + 24 * 3_600_000).toISOString() })]);
    // A minor's consent needs a guardian, and never one recorded as an alleged trafficker.
    const expiresAt = new Date(h.clock.now().getTime() + 5 * DAY).toISOString();
    const base = { recipientAgencyId: cw.id, purpose: 'Child welfare services', categories: ['identity'], method: 'signed_form', expiresAt };
    expect((await advocate.post(`/api/survivors/${body.id}/consents`, base)).json().error.code).toBe('consent_refused');
    await advocate.patch(`/api/survivors/${body.id}`, { identity: { names: ['Minor Test'], birthDate: birth, allegedTraffickers: ['Marco Ruiz'] } });
    const refused = await advocate.post(`/api/survivors/${body.id}/consents`, { ...base, guardian: { name: 'ruiz, marco', relationship: 'parent' } });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('consent_refused');
    expect((await advocate.post(`/api/survivors/${body.id}/consents`, { ...base, guardian: { name: 'Rosa Test', relationship: 'parent' } })).statusCode).toBe(201);
    // The override needs a supervisor and a reason, and is audited.
    expect((await advocate.post(`/api/survivors/${body.id}/safe-harbor/override`, { reason: 'Passport shows the person is 19.' })).statusCode).toBe(403);
    const o = await supervisor.post(`/api/survivors/${body.id}/safe-harbor/override`, { reason: 'Passport shows the person is 19.' });
    expect(o.statusCode, o.body).toBe(200);
    const audit = await h.ctx.db.selectFrom('audit_log').select('action').where('entity_id', '=', body.id).where('action', '=', 'survivor.safe_harbor_overridden').execute();
    expect(audit).toHaveLength(1);
  });
});

describe('compelled disclosure', () => {
  it('needs a supervisor other than the requester, records the notice, and gives exactly the named categories', async () => {
    const s = (await newSurvivor(advocate)).json();
    const d = await advocate.post(`/api/survivors/${s.id}/disclosures`, {
      recipientAgencyId: other.id, recipientDescription: 'Other Legal Aid, under court order', basis: 'court_order', legalReference: 'Order 2026-CV-112',
      categories: ['services'], expiresAt: new Date(h.clock.now().getTime() + 3 * DAY).toISOString(), notice: { givenAt: h.clock.now().toISOString(), method: 'in person' },
    });
    expect(d.statusCode, d.body).toBe(201);
    expect((await otherAdvocate.get(`/api/survivors/${s.id}`)).statusCode).toBe(404);
    const approved = await supervisor.post(`/api/survivors/${s.id}/disclosures/${d.json().id}/decide`, { decision: 'approved', reason: 'Valid order.' });
    expect(approved.statusCode, approved.body).toBe(200);
    const seen = (await otherAdvocate.get(`/api/survivors/${s.id}`)).json();
    expect(seen.shared.categories).toEqual(['services']);
    expect(seen.identity).toBeNull();
  });
});

describe('row-level security', () => {
  it('shows nothing of another agency to a query whose filter was forgotten', async () => {
    await newSurvivor(otherAdvocate);
    const all = await h.ctx.db.selectFrom('survivors').select('agency_id').execute();
    expect(all.some((r) => r.agency_id === other.id)).toBe(true);
    const seen = await withRowScope(h.ctx.db, { agencyId: ngo.id, now: h.clock.now() }, async (trx) => ({
      survivors: await trx.selectFrom('survivors').select('agency_id').execute(),
      indexes: await trx.selectFrom('survivor_blind_indexes').select('agency_id').execute(),
      keys: await trx.selectFrom('survivor_data_keys').select('agency_id').execute(),
      needs: await trx.selectFrom('survivor_needs').select('agency_id').execute(),
      role: (await sql<{ r: string }>`select current_user as r`.execute(trx)).rows[0]!.r,
    }));
    expect(seen.role).toBe('haven_app');
    for (const [table, rows] of Object.entries(seen)) if (Array.isArray(rows)) expect(rows.filter((r) => r.agency_id !== ngo.id), table).toEqual([]);
    expect(seen.survivors.length).toBeGreaterThan(0);
    // Outside the scope the role is back to the connection's own.
    expect((await sql<{ r: string }>`select current_user as r`.execute(h.ctx.db)).rows[0]!.r).not.toBe('haven_app');
  });

  it('refuses a write of another agency’s row under the application role', async () => {
    const theirs = await h.ctx.db.selectFrom('survivors').select('id').where('agency_id', '=', other.id).executeTakeFirstOrThrow();
    const updated = await withRowScope(h.ctx.db, { agencyId: ngo.id, now: h.clock.now() }, (trx) => trx.updateTable('survivors').set({ gender: 'male' }).where('id', '=', theirs.id).executeTakeFirst());
    expect(Number(updated.numUpdatedRows)).toBe(0);
    await expect(withRowScope(h.ctx.db, { agencyId: ngo.id, now: h.clock.now() }, (trx) => trx.insertInto('survivor_needs').values({ survivor_id: theirs.id, agency_id: other.id, domain: 'medical' }).execute())).rejects.toThrow(/row-level security/);
  });
});
