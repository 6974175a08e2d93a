import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestHaven } from '../../test/test-app.ts';
import { createTestAgency, createTestUser, type TestAgency } from '../../test/factories.ts';
import { openSession } from '../../test/sessions.ts';
import type { Agent } from '../../test/agent.ts';

let h: TestHaven;
let police: TestAgency;
let sheriff: TestAgency;
let detective: Agent;
let deputy: Agent;
let coordinator: Agent;

beforeAll(async () => {
  h = await createTestApp();
  police = await createTestAgency(h.ctx, { type: 'law_enforcement' });
  sheriff = await createTestAgency(h.ctx, { type: 'law_enforcement' });
  detective = await openSession(h, await createTestUser(h.ctx, { agencyId: police.id, roles: ['investigator'] }));
  deputy = await openSession(h, await createTestUser(h.ctx, { agencyId: sheriff.id, roles: ['investigator'] }));
  coordinator = await openSession(h, await createTestUser(h.ctx, { agencyId: (await createTestAgency(h.ctx, { type: 'task_force_coordinator' })).id, roles: ['coordinator'] }));
});
afterAll(async () => h.close());

async function newCase(agent: Agent, title: string, summary?: string) {
  const r = await agent.post('/api/cases', { title, traffickingType: 'sex', summary });
  expect(r.statusCode, r.body).toBe(201);
  return r.json() as { id: string; number: number };
}
const add = (agent: Agent, caseId: string, body: unknown) => agent.post(`/api/cases/${caseId}/entities`, body);

describe('entities and links', () => {
  it('normalizes identifiers so that many spellings are one entity of the agency', async () => {
    const c = await newCase(detective, 'Spellings');
    const spellings: Array<[unknown, string]> = [
      [{ kind: 'phone', number: '(713) 555-0147' }, '+17135550147'],
      [{ kind: 'phone', number: '+1 713.555.0147' }, '+17135550147'],
      [{ kind: 'vehicle', plate: 'abc-1234', state: 'tx' }, 'TX:ABC1234'],
      [{ kind: 'vehicle', plate: 'ABC 1234', state: 'TX' }, 'TX:ABC1234'],
      [{ kind: 'online_account', url: 'https://www.Example.com/ads/123/?utm_source=x' }, 'example.com/ads/123'],
      [{ kind: 'online_account', url: 'http://m.example.com/ads/123#top' }, 'example.com/ads/123'],
      [{ kind: 'payment_handle', service: 'cashapp', handle: '$JaneDoe' }, 'cashapp:janedoe'],
      [{ kind: 'payment_handle', service: 'other', handle: 'https://cash.app/$janedoe' }, 'cashapp:janedoe'],
    ];
    const ids = new Map<string, string>();
    for (const [entity, value] of spellings) {
      const r = await add(detective, c.id, { entity });
      expect([201, 409], r.body).toContain(r.statusCode);
      if (r.statusCode === 201) {
        expect(r.json().entity.identifiers.map((i: { value: string }) => i.value)).toContain(value);
        ids.set(value, r.json().entity.id);
      }
    }
    expect(ids.size).toBe(4);
    const bad = await add(detective, c.id, { entity: { kind: 'phone', number: 'call me maybe' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('body.entity.number');
  });

  it('keeps potential and confirmed victims apart, and counts them', async () => {
    const c = await newCase(detective, 'Victim counts');
    const p = (await add(detective, c.id, { entity: { kind: 'person', name: 'Maria Lopez', estimatedAge: 19 }, role: 'potential_victim' })).json();
    expect((await add(detective, c.id, { entityId: p.entity.id, role: 'confirmed_victim' })).statusCode).toBe(409);
    expect((await detective.get(`/api/cases/${c.id}`)).json().counts).toMatchObject({ potentialVictims: 1, confirmedVictims: 0 });
    const confirmed = await detective.patch(`/api/cases/${c.id}/entities/${p.id}`, { role: 'confirmed_victim' });
    expect(confirmed.statusCode).toBe(200);
    await detective.patch(`/api/cases/${c.id}`, { unnamedVictims: { potential: 3, confirmed: 0 } });
    expect((await detective.get(`/api/cases/${c.id}`)).json().counts).toMatchObject({ potentialVictims: 3, confirmedVictims: 1 });
    expect((await add(detective, c.id, { entity: { kind: 'phone', number: '7135550100' }, role: 'suspect' })).statusCode).toBe(400);
    expect((await add(detective, c.id, { entity: { kind: 'person', name: 'X Y' }, role: 'witness', suspectRoles: ['recruiter'] })).statusCode).toBe(400);
  });

  it('links entities of the case, draws the chart, filters and expands it', async () => {
    const c = await newCase(detective, 'Chart');
    const boss = (await add(detective, c.id, { entity: { kind: 'person', name: 'Big Boss', estimatedAge: 45 }, role: 'suspect', suspectRoles: ['controller', 'recruiter'] })).json();
    const phone = (await add(detective, c.id, { entity: { kind: 'phone', number: '832 555 0188' } })).json();
    const spa = (await add(detective, c.id, { entity: { kind: 'location', address: '100 Bellaire Blvd', city: 'Houston', placeKind: 'massage_parlor' } })).json();
    expect((await detective.post(`/api/cases/${c.id}/links`, { fromEntityId: boss.entity.id, toEntityId: phone.entity.id, type: 'uses' })).statusCode).toBe(201);
    expect((await detective.post(`/api/cases/${c.id}/links`, { fromEntityId: boss.entity.id, toEntityId: spa.entity.id, type: 'operates' })).statusCode).toBe(201);
    expect((await detective.post(`/api/cases/${c.id}/links`, { fromEntityId: boss.entity.id, toEntityId: phone.entity.id, type: 'uses' })).statusCode).toBe(409);
    expect((await detective.post(`/api/cases/${c.id}/links`, { fromEntityId: boss.entity.id, toEntityId: boss.entity.id, type: 'uses' })).statusCode).toBe(400);

    const graph = (await detective.get(`/api/cases/${c.id}/graph`)).json();
    expect(graph.nodes).toHaveLength(3);
    expect(graph.edges.map((e: { type: string }) => e.type).sort()).toEqual(['operates', 'uses']);
    const phones = (await detective.get(`/api/cases/${c.id}/graph?kinds=person,phone`)).json();
    expect(phones.nodes.map((n: { kind: string }) => n.kind).sort()).toEqual(['person', 'phone']);
    expect(phones.edges).toHaveLength(1);

    // The same phone in another case of the agency is shared; a link recorded there shows when expanding.
    const other = await newCase(detective, 'Chart two');
    const samePhone = (await add(detective, other.id, { entity: { kind: 'phone', number: '+18325550188' } })).json();
    expect(samePhone.entity.id).toBe(phone.entity.id);
    const email = (await add(detective, other.id, { entity: { kind: 'email', address: 'spa.boss@example.com' } })).json();
    await detective.post(`/api/cases/${other.id}/links`, { fromEntityId: phone.entity.id, toEntityId: email.entity.id, type: 'related' });
    const marked = (await detective.get(`/api/cases/${c.id}/graph`)).json();
    expect(marked.nodes.find((n: { id: string }) => n.id === phone.entity.id).sharedWithCases.map((x: { id: string }) => x.id)).toEqual([other.id]);
    const expanded = (await detective.get(`/api/cases/${c.id}/graph?expand=${phone.entity.id}`)).json();
    expect(expanded.nodes.find((n: { id: string }) => n.id === email.entity.id)).toMatchObject({ inCase: false, kind: 'email' });
    expect((await detective.get(`/api/cases/${c.id}/graph?expand=00000000-0000-4000-8000-000000000000`)).statusCode).toBe(400);

    // Another agency sees none of it; the entity itself answers 404.
    expect((await deputy.get(`/api/cases/${c.id}/graph`)).statusCode).toBe(404);
    expect((await deputy.get(`/api/entities/${boss.entity.id}`)).statusCode).toBe(404);
    const detail = (await detective.get(`/api/entities/${boss.entity.id}`)).json();
    expect(detail.links.map((l: { other: { label: string } }) => l.other.label).sort()).toEqual(['+18325550188', '100 Bellaire Blvd, Houston']);
  });

  it('changes an entity, normalizing again, and removes it from a case', async () => {
    const c = await newCase(detective, 'Edit entity');
    const p = (await add(detective, c.id, { entity: { kind: 'phone', number: '7135550111' } })).json();
    const changed = await detective.patch(`/api/entities/${p.entity.id}`, { kind: 'phone', number: '(713) 555-0112' });
    expect(changed.json().identifiers).toEqual([{ kind: 'phone', value: '+17135550112' }]);
    expect((await detective.patch(`/api/entities/${p.entity.id}`, { kind: 'email', address: 'a@b.co' })).statusCode).toBe(400);
    expect((await detective.request('DELETE', `/api/cases/${c.id}/entities/${p.id}`)).statusCode).toBe(204);
    expect(await h.ctx.db.selectFrom('deconfliction_identifiers').select('value').where('case_id', '=', c.id).execute()).toEqual([]);
  });
});

describe('search', () => {
  it('finds cases and entities the caller may see by identifier, typo-tolerant name and text', async () => {
    const mine = await newCase(detective, 'Operation Lantern', 'Massage parlor on Westheimer with girls from Honduras.');
    await add(detective, mine.id, { entity: { kind: 'person', name: 'Esperanza Villalobos', estimatedAge: 30 }, role: 'suspect' });
    await add(detective, mine.id, { entity: { kind: 'phone', number: '281 555 0177' } });
    await detective.post(`/api/cases/${mine.id}/notes`, { body: 'Ledger found behind the counter.' });
    const theirs = await newCase(deputy, 'Sheriff lantern case', 'Westheimer too.');
    await add(deputy, theirs.id, { entity: { kind: 'person', name: 'Esperanza Villalobos', estimatedAge: 30 }, role: 'suspect' });

    const byPhone = (await detective.get('/api/search?q=(281)%20555-0177')).json();
    expect(byPhone.query.identifiers).toContainEqual({ kind: 'phone', value: '+12815550177' });
    expect(byPhone.entities.map((e: { label: string; cases: Array<{ id: string }> }) => [e.label, e.cases.map((x) => x.id)])).toEqual([['+12815550177', [mine.id]]]);

    const byName = (await detective.get('/api/search?q=Esperansa%20Villa-Lobos')).json();
    expect(byName.entities).toHaveLength(1);
    expect(byName.entities[0]).toMatchObject({ matchedOn: 'name', cases: [{ id: mine.id }] });

    const byText = (await detective.get('/api/search?q=ledger%20counter')).json();
    expect(byText.cases.map((x: { id: string; matchedOn: string[] }) => [x.id, x.matchedOn])).toEqual([[mine.id, ['note']]]);
    const byTitle = (await detective.get('/api/search?q=operaton%20lantern')).json();
    expect(byTitle.cases.map((x: { id: string }) => x.id)).toEqual([mine.id]);

    // The coordinator finds both cases by title, nothing by content or entity.
    const wide = (await coordinator.get('/api/search?q=lantern')).json();
    expect(wide.cases.map((x: { id: string }) => x.id).sort()).toEqual([mine.id, theirs.id].sort());
    expect(wide.cases.every((x: { access: string }) => x.access === 'list')).toBe(true);
    expect((await coordinator.get('/api/search?q=Westheimer')).json().cases).toEqual([]);
    expect((await coordinator.get('/api/search?q=Esperanza%20Villalobos')).json().entities).toEqual([]);
    const audit = await h.ctx.db.selectFrom('audit_log').select('details').where('action', '=', 'case.searched').execute();
    expect(JSON.stringify(audit)).not.toMatch(/Esperan|ledger|Westheimer/i);
  });
});

describe('hostile input', () => {
  it('answers 4xx with a message, never 500, and stores nothing half-written', async () => {
    const c = await newCase(detective, 'Hostile');
    const before = await h.ctx.db.selectFrom('entities').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const attempts: Array<[string, string, unknown]> = [
      ['POST', '/api/cases', { title: 'x'.repeat(10_000), traffickingType: 'sex' }],
      ['POST', '/api/cases', { title: 42, traffickingType: 'sex' }],
      ['POST', '/api/cases', { title: 'Fine title', traffickingType: "sex'; drop table cases; --" }],
      ['POST', `/api/cases/${c.id}/entities`, { entity: { kind: 'person', name: 'A'.repeat(201) } }],
      ['POST', `/api/cases/${c.id}/entities`, { entity: { kind: 'spaceship' } }],
      ['POST', `/api/cases/${c.id}/entities`, { entity: { kind: 'phone', number: ['713'] } }],
      ['POST', `/api/cases/${c.id}/entities`, { entityId: 'not-a-uuid' }],
      ['POST', `/api/cases/${c.id}/entities`, { entity: { kind: 'person', name: 'Too', birthDate: '2099-01-01' } }],
      ['POST', `/api/cases/${c.id}/entities`, { entity: { kind: 'vehicle', plate: '<script>' } }],
      ['PATCH', '/api/cases/not-a-uuid', { title: 'x' }],
      ['GET', '/api/search?q=' + 'a'.repeat(500), undefined],
      ['GET', `/api/cases/${c.id}/graph?kinds=planets`, undefined],
      ['POST', `/api/cases/${c.id}/links`, { fromEntityId: c.id, toEntityId: '00000000-0000-4000-8000-000000000000', type: 'uses' }],
    ];
    for (const [method, url, body] of attempts) {
      const r = await detective.request(method as 'GET', url, body);
      expect(r.statusCode, `${method} ${url}: ${r.body}`).toBeGreaterThanOrEqual(400);
      expect(r.statusCode, `${method} ${url}`).toBeLessThan(500);
      expect(r.json().error.message.length).toBeGreaterThan(5);
    }
    const after = await h.ctx.db.selectFrom('entities').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));

    // SQL-looking and unusual text is stored and searched as text.
    const odd = "O'Brien\"; DROP TABLE entities; -- 💀 \u202eevil\u200b";
    const r = await add(detective, c.id, { entity: { kind: 'person', name: odd, estimatedAge: 30 }, role: 'witness' });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().entity.label).toBe(odd);
    for (const q of ["O'Brien", '%_\\', '💀💀', "'; select pg_sleep(5); --", 'Ж'.repeat(3)]) {
      const s = await detective.get(`/api/search?q=${encodeURIComponent(q)}`);
      expect(s.statusCode, q).toBe(200);
    }
    expect((await detective.get(`/api/search?q=${encodeURIComponent('O’Brian')}`)).json().entities.map((e: { label: string }) => e.label)).toContain(odd);
  });
});
