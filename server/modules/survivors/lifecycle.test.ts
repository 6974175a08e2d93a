import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestHaven } from '../../test/test-app.ts';
import { createTestAgency, createTestUser } from '../../test/factories.ts';
import { openSession } from '../../test/sessions.ts';
import type { Agent } from '../../test/agent.ts';
import { pngWithText } from '../../test/fixtures/files.ts';
import { cliFor } from '../../cli/cli-harness.ts';
import { createTestProvider } from '../directory/directory.fixtures.ts';
import { applyRetention } from './retention.ts';
import { findPlaintext } from './test-support.ts';

let h: TestHaven;
let advocate: Agent;
let supervisor: Agent;
let admin: Agent;
let shelter: Agent;
let shelterAgencyId: string;
let providerId: string;
const DAY = 86_400_000;

beforeAll(async () => {
  h = await createTestApp();
  const ngo = await createTestAgency(h.ctx, { type: 'victim_service_provider' });
  const shelterAgency = await createTestAgency(h.ctx, { type: 'victim_service_provider' });
  shelterAgencyId = shelterAgency.id;
  advocate = await openSession(h, await createTestUser(h.ctx, { agencyId: ngo.id, roles: ['victim_advocate'] }));
  supervisor = await openSession(h, await createTestUser(h.ctx, { agencyId: ngo.id, roles: ['victim_advocate', 'supervisor'] }));
  admin = await openSession(h, await createTestUser(h.ctx, { agencyId: ngo.id, roles: ['agency_admin'] }));
  shelter = await openSession(h, await createTestUser(h.ctx, { agencyId: shelterAgency.id, roles: ['provider_staff'] }));
  providerId = await createTestProvider(h.ctx, { linkedAgencyId: shelterAgency.id, serviceTypes: ['shelter'] });
});

afterAll(async () => {
  await h?.close();
});

const SURVIVOR_TABLES = ['survivor_blind_indexes', 'survivor_screenings', 'survivor_needs', 'survivor_goals', 'survivor_services', 'survivor_tasks', 'survivor_documents', 'survivor_consents', 'survivor_disclosures', 'survivor_referrals'] as const;

/** A record with something in every part: screening, needs, goal, service, document, consent, referral. */
async function fullRecord(name: string, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await advocate.post('/api/survivors', { identity: { names: [name], documents: [{ type: 'passport', number: 'X9876543' }] }, contact: { phones: ['713-555-0100'], emails: ['x@example.org'] }, narrative: `${name}'s own account.`, ...extra });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  const ok = async (p: Promise<{ statusCode: number; body: string }>) => expect((await p).statusCode, (await p).body).toBeLessThan(300);
  await ok(advocate.post(`/api/survivors/${id}/screenings`, { answers: { forced_work: 'yes' } }));
  await ok(advocate.post(`/api/survivors/${id}/needs`, { domain: 'medical' }));
  await ok(advocate.post(`/api/survivors/${id}/goals`, { domain: 'medical', description: 'See a doctor' }));
  await ok(advocate.post(`/api/survivors/${id}/services`, { serviceType: 'medical', deliveredOn: '2026-01-02', units: 1 }));
  await ok(advocate.post(`/api/survivors/${id}/documents`, { title: `${name} passport scan`, contentBase64: pngWithText().toString('base64') }));
  await ok(advocate.post(`/api/survivors/${id}/consents`, { recipientAgencyId: shelterAgencyId, purpose: 'Shelter', categories: ['identity'], method: 'signed_form', expiresAt: new Date(h.clock.now().getTime() + 5 * DAY).toISOString() }));
  await ok(advocate.post(`/api/survivors/${id}/referrals`, { providerId, serviceType: 'shelter' }));
  return id;
}

async function rowsOf(id: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of SURVIVOR_TABLES) out[table] = (await h.ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('survivor_id', '=', id).executeTakeFirstOrThrow()).n;
  return out;
}

describe('purge', () => {
  it('purges only the narrative when asked, leaving the rest', async () => {
    const id = await fullRecord(`Narrow ${randomBytes(3).toString('hex')}`);
    const res = await supervisor.post(`/api/survivors/${id}/purge`, { parts: ['narrative'] });
    expect(res.statusCode, res.body).toBe(200);
    const view = (await advocate.get(`/api/survivors/${id}`)).json();
    expect(view.narrative).toBeNull();
    expect(view.identity.names).toHaveLength(1);
    expect(view.documents).toHaveLength(1);
  });

  it('purges a whole record and everything derived from it, leaving only an audit entry without content', async () => {
    const name = `Purgeme${randomBytes(4).toString('hex')}`;
    const id = await fullRecord(name);
    expect(Object.entries(await rowsOf(id)).filter(([t, n]) => n === 0 && !['survivor_tasks', 'survivor_disclosures'].includes(t))).toEqual([]);
    expect((await advocate.get(`/api/survivors?q=${name}`)).json().survivors).toHaveLength(1);
    expect((await advocate.post(`/api/survivors/${id}/purge`, { parts: ['record'] })).statusCode).toBe(403);
    const res = await supervisor.post(`/api/survivors/${id}/purge`, { parts: ['record'] });
    expect(res.json()).toEqual({ survivorId: id, purged: ['record'] });
    expect(await rowsOf(id)).toEqual(Object.fromEntries(SURVIVOR_TABLES.map((t) => [t, 0])));
    expect(await h.ctx.db.selectFrom('survivors').select('id').where('id', '=', id).execute()).toEqual([]);
    expect((await advocate.get(`/api/survivors/${id}`)).statusCode).toBe(404);
    expect((await advocate.get(`/api/survivors?q=${name}`)).json().survivors).toEqual([]);
    expect((await shelter.get(`/api/survivors/${id}`)).statusCode).toBe(404);
    const audit = await h.ctx.db.selectFrom('audit_log').select(['action', 'details']).where('entity_id', '=', id).where('action', '=', 'survivor.purged').execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(name);
    expect(await findPlaintext(h.ctx.db, name)).toEqual([]);
  });

  it('applies the agency’s retention rules to closed records', async () => {
    const rules = await admin.request('PUT', '/api/survivors/retention-rules', { rules: [{ part: 'record', daysAfterClosing: 30 }] });
    expect(rules.statusCode, rules.body).toBe(200);
    expect((await advocate.request('PUT', '/api/survivors/retention-rules', { rules: [] })).statusCode).toBe(403);
    const id = await fullRecord(`Retained ${randomBytes(3).toString('hex')}`);
    await advocate.patch(`/api/survivors/${id}`, { status: 'closed' });
    expect(await applyRetention(h.ctx)).toBe(0);
    h.clock.advance(31 * DAY);
    expect(await applyRetention(h.ctx)).toBe(1);
    expect(await rowsOf(id)).toEqual(Object.fromEntries(SURVIVOR_TABLES.map((t) => [t, 0])));
  });
});

describe('rotate-keys', () => {
  it('re-wraps the data keys, then re-encrypts everything with --full, and every record still reads and is found', async () => {
    // The clock moved a month above: sessions are renewed.
    advocate = await openSession(h, await createTestUser(h.ctx, { agencyId: (await h.ctx.db.selectFrom('survivors').select('agency_id').executeTakeFirstOrThrow()).agency_id, roles: ['victim_advocate'] }));
    const name = `Rotated ${randomBytes(3).toString('hex')}`;
    const id = await fullRecord(name);
    const cli = cliFor(() => h.ctx);
    const before = await h.ctx.db.selectFrom('survivor_data_keys').select(['agency_id', 'version', 'wrapped_data_key']).execute();
    const first = await cli.run('rotate-keys');
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('generation 2');
    const after = await h.ctx.db.selectFrom('survivor_data_keys').select(['version', 'kek_generation', 'wrapped_data_key']).execute();
    expect(after.length).toBe(before.length + new Set(before.map((k) => k.agency_id)).size);
    expect(after.every((k) => k.kek_generation === 2)).toBe(true);
    expect(after.some((k) => before.some((b) => b.wrapped_data_key.equals(k.wrapped_data_key)))).toBe(false);
    expect((await advocate.get(`/api/survivors/${id}`)).json().identity.names).toEqual([name]);

    const full = await cli.run('rotate-keys', '--full');
    expect(full.code, full.stderr).toBe(0);
    const keys = await h.ctx.db.selectFrom('survivor_data_keys').select(['agency_id', 'version', 'kek_generation']).execute();
    expect(new Set(keys.map((k) => k.agency_id)).size).toBe(keys.length);
    expect(keys.every((k) => k.kek_generation === 3 && k.version === 3)).toBe(true);
    const view = (await advocate.get(`/api/survivors/${id}`)).json();
    expect(view.identity.names).toEqual([name]);
    expect(view.narrative).toContain('own account');
    expect(view.documents[0].title).toBe(`${name} passport scan`);
    const doc = await advocate.get(`/api/survivors/${id}/documents/${view.documents[0].id}`);
    expect(doc.statusCode).toBe(200);
    expect((await advocate.get(`/api/survivors?q=${encodeURIComponent(name)}`)).json().survivors.map((s: { id: string }) => s.id)).toEqual([id]);
    expect((await advocate.get('/api/survivors?q=X9876543')).json().survivors.map((s: { id: string }) => s.id)).toContain(id);
  });
});
