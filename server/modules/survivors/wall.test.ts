import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../common/access/roles.ts';
import { actorFor } from '../../platform/access/access.ts';
import { createTestApp, type TestHaven } from '../../test/test-app.ts';
import { createTestAgency, createTestUser, type TestUser } from '../../test/factories.ts';
import { openSession } from '../../test/sessions.ts';
import type { Agent } from '../../test/agent.ts';
import { ROLE_HOME } from '../../test/access-matrix.ts';
import { createTestProvider } from '../directory/directory.fixtures.ts';
import { createSurvivor } from './survivors.service.ts';
import { findPlaintext } from './test-support.ts';

// The wall (decision 010): every role × the record's agency (its own, another) × the state of what shares it
// with the caller's agency (none, active, expired, revoked, an approved compelled disclosure).
const logLines: string[] = [];
let h: TestHaven;
const callers = new Map<Role, { user: TestUser; agent: Agent }>();
let owner: TestUser;
const DAY = 86_400_000;
const CASE_WORKERS: Role[] = ['victim_advocate', 'provider_staff', 'child_welfare_worker'];
const STATES = ['none', 'active', 'expired', 'revoked', 'override'] as const;
type State = (typeof STATES)[number];

beforeAll(async () => {
  const sink = new Writable({ write: (chunk, _enc, done) => (logLines.push(String(chunk)), done()) });
  h = await createTestApp({ logStream: sink });
  const ngo = await createTestAgency(h.ctx, { type: 'victim_service_provider', name: 'Owner NGO' });
  owner = await createTestUser(h.ctx, { agencyId: ngo.id, roles: ['victim_advocate'] });
  for (const role of ROLES) {
    const home = await createTestAgency(h.ctx, { type: ROLE_HOME[role] });
    const user = await createTestUser(h.ctx, { agencyId: home.id, roles: [role] });
    callers.set(role, { user, agent: await openSession(h, user) });
  }
});

afterAll(async () => {
  await h?.close();
});

const input = (name: string) => ({
  identity: { names: [name], aliases: [`${name} Alias`], birthDate: '1990-01-01', documents: [{ type: 'passport', number: `P${randomBytes(3).toString('hex')}` }], allegedTraffickers: [] },
  contact: { phones: ['713-555-0199'], emails: [`${name.toLowerCase().replace(/\W/g, '')}@example.org`], addresses: [`1 ${name} Way`], safeToContact: null },
  narrative: `${name} told us what happened.`,
  gender: null, estimatedAge: null, primaryLanguage: null, traffickingType: 'labor' as const, identifiedAt: null,
});

async function survivorOf(user: { id: string; agencyId: string }, name: string): Promise<string> {
  return (await createSurvivor(h.ctx, actorFor({ id: user.id, agencyId: user.agencyId, roles: ['victim_advocate'] }), input(name))).id;
}

/** Writes the sharing state straight to the ledger, with explicit times around the test clock. */
async function share(survivorId: string, recipientAgencyId: string, state: State): Promise<void> {
  const now = h.clock.now().getTime();
  const consent = { survivor_id: survivorId, agency_id: owner.agencyId, recipient_agency_id: recipientAgencyId, purpose: 'Matrix', categories: ['identity' as const], method: 'signed_form' as const, signer: 'survivor' as const };
  if (state === 'active') await h.ctx.db.insertInto('survivor_consents').values({ ...consent, starts_at: new Date(now - DAY), expires_at: new Date(now + 10 * DAY) }).execute();
  if (state === 'expired') await h.ctx.db.insertInto('survivor_consents').values({ ...consent, starts_at: new Date(now - 10 * DAY), expires_at: new Date(now - 1_000) }).execute();
  if (state === 'revoked') await h.ctx.db.insertInto('survivor_consents').values({ ...consent, starts_at: new Date(now - DAY), expires_at: new Date(now + 10 * DAY), revoked_at: new Date(now - 1_000) }).execute();
  if (state === 'override') {
    await h.ctx.db
      .insertInto('survivor_disclosures')
      .values({ survivor_id: survivorId, agency_id: owner.agencyId, recipient_agency_id: recipientAgencyId, recipient_description: 'Matrix', basis: 'mandated_report', legal_reference: 'Matrix', categories: ['identity'], status: 'approved', expires_at: new Date(now + DAY), requested_by_user_id: owner.id, requested_at: new Date(now - DAY), decided_by_user_id: owner.id, decided_at: new Date(now - DAY) })
      .execute();
  }
}

function expected(role: Role, where: 'own' | State): number {
  if (!CASE_WORKERS.includes(role)) return 403;
  return where === 'own' || where === 'active' || where === 'override' ? 200 : 404;
}

describe('the consent-state access matrix', () => {
  it('allows exactly what the table says, for every role × own/other agency × none/active/expired/revoked/override', async () => {
    const surprises: string[] = [];
    let cases = 0;
    for (const role of ROLES) {
      const { user, agent } = callers.get(role)!;
      for (const where of ['own', ...STATES] as const) {
        const name = `Matrix ${role} ${where} ${randomBytes(3).toString('hex')}`;
        const id = where === 'own' ? await survivorOf(user, name) : await survivorOf(owner, name);
        if (where !== 'own') await share(id, user.agencyId, where);
        const res = await agent.get(`/api/survivors/${id}`);
        const listed = (await agent.get('/api/survivors')).json().survivors?.some((s: { id: string }) => s.id === id) ?? false;
        const want = expected(role, where);
        cases++;
        if (res.statusCode !== want) surprises.push(`${role} at ${where}: ${res.statusCode}, expected ${want}`);
        if (listed !== (want === 200)) surprises.push(`${role} at ${where}: listed ${listed}`);
        if (res.statusCode === 200 && where !== 'own') {
          const body = res.json();
          // Shared: identity only. Contact, narrative and everything else stay with the owner.
          if (body.contact !== null || body.narrative !== null || body.services !== null || body.needs !== null || body.consents !== null) surprises.push(`${role} at ${where}: more than identity`);
          if (JSON.stringify(body).includes('@example.org')) surprises.push(`${role} at ${where}: contact leaked`);
        }
      }
    }
    expect(cases).toBe(ROLES.length * 6);
    expect(surprises).toEqual([]);
  });
});

describe('a canary name', () => {
  const canary = `Zyxqvort${randomBytes(4).toString('hex')}`;
  let survivorId: string;

  beforeAll(async () => {
    const advocate = await openSession(h, owner);
    const cw = await createTestAgency(h.ctx, { type: 'child_welfare' });
    const provider = await createTestProvider(h.ctx, { linkedAgencyId: cw.id, serviceTypes: ['shelter'] });
    const res = await advocate.post('/api/survivors', { ...input(canary), identity: { ...input(canary).identity, allegedTraffickers: [`${canary} Senior`] } });
    expect(res.statusCode, res.body).toBe(201);
    survivorId = res.json().id;
    await advocate.post(`/api/survivors/${survivorId}/screenings`, { answers: { forced_work: 'yes', threats: 'yes' } });
    const ref = await advocate.post(`/api/survivors/${survivorId}/referrals`, { providerId: provider, serviceType: 'shelter' });
    await advocate.post(`/api/referrals/${ref.json().id}/send`);
    // A failed request carrying the name must not log it either.
    await advocate.post(`/api/survivors/${survivorId}/needs`, { domain: canary });
  });

  it('never appears in any answer an investigator, prosecutor, administrator, coordinator, analyst or auditor can get', async () => {
    const urls = [
      '/api/survivors', `/api/survivors?q=${canary}`, `/api/survivors/${survivorId}`, '/api/survivors/metrics', '/api/survivors/screening-questions', '/api/survivors/retention-rules',
      '/api/referrals?box=inbox', '/api/referrals?box=sent', '/api/audit?limit=500', `/api/search?q=${canary}`, '/api/tips', '/api/cases', '/api/notifications', '/api/deconfliction/hits',
    ];
    const leaks: string[] = [];
    for (const role of ['investigator', 'prosecutor', 'taskforce_admin', 'agency_admin', 'coordinator', 'analyst', 'auditor', 'supervisor', 'outreach_lead'] as Role[]) {
      const { agent } = callers.get(role)!;
      for (const url of urls) {
        const res = await agent.get(url);
        // A search answers with the query it read (the caller's own words): look at what it found.
        const body = url.startsWith('/api/search') && res.statusCode === 200 ? JSON.stringify({ ...res.json(), query: null }) : res.body;
        if (body.toLowerCase().includes(canary.toLowerCase())) leaks.push(`${role} ${url} (${res.statusCode})`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it('is in no log line', () => {
    expect(logLines.length).toBeGreaterThan(0);
    expect(logLines.filter((l) => l.toLowerCase().includes(canary.toLowerCase()))).toEqual([]);
  });

  it('is stored nowhere in plain text: no column of any table holds it', async () => {
    expect(await findPlaintext(h.ctx.db, canary)).toEqual([]);
    // The scan itself finds what is there.
    const agency = await createTestAgency(h.ctx, { name: `Probe ${canary}` });
    expect(await findPlaintext(h.ctx.db, canary)).toEqual(['agencies.name']);
    await h.ctx.db.deleteFrom('agencies').where('id', '=', agency.id).execute();
  });
});
