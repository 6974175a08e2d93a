import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestHaven } from '../../test/test-app.ts';
import { createTestAgency, createTestUser } from '../../test/factories.ts';
import { openSession } from '../../test/sessions.ts';
import type { Agent } from '../../test/agent.ts';

let h: TestHaven;
let houston: Agent;
let harris: Agent;
beforeAll(async () => {
  h = await createTestApp();
  houston = await openSession(h, await createTestUser(h.ctx, { agencyId: (await createTestAgency(h.ctx, { type: 'law_enforcement' })).id, roles: ['investigator'] }));
  harris = await openSession(h, await createTestUser(h.ctx, { agencyId: (await createTestAgency(h.ctx, { type: 'law_enforcement' })).id, roles: ['investigator'] }));
});
afterAll(async () => h.close());

async function openCase(agent: Agent, title: string): Promise<string> {
  const r = await agent.post('/api/cases', { title, traffickingType: 'labor', summary: 'Farm crew.' });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id;
}

const addPerson = (agent: Agent, caseId: string, name: string, birthDate: string) =>
  agent.post(`/api/cases/${caseId}/entities`, { entity: { kind: 'person', name, birthDate }, role: 'suspect' });

describe('fuzzy name deconfliction', () => {
  it('survives two agencies adding people born months apart, again and again, and the engine keeps answering', async () => {
    for (let i = 0; i < 30; i++) {
      const mine = await openCase(houston, `Crew ${i}`);
      const theirs = await openCase(harris, `Orchard ${i}`);
      expect((await addPerson(houston, mine, `Rosa Delgado ${i}`, '1991-02-10')).statusCode).toBe(201);
      const second = await addPerson(harris, theirs, `Walter Kim ${i}`, '1991-06-20');
      expect(second.statusCode, second.body).toBe(201);
    }
    expect((await h.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });

  it('finds a misspelled, reordered or transliterated name of another agency with the same birth date, day and month swapped', async () => {
    const pairs: Array<[string, string]> = [
      ['Maria Guadalupe Hernandez', 'Maria Guadalupe Hernandes'],
      ['Dmitri Sokolov', 'SOKOLOV, Dmitri'],
      ['Aleksandr Petrov', 'Александр Петров'],
      ['Nguyen Thi Linh', 'Linh Nguyen Thi'],
    ];
    for (const [i, [first, second]] of pairs.entries()) {
      const mine = await openCase(houston, `Fuzzy ${i}`);
      const theirs = await openCase(harris, `Fuzzy too ${i}`);
      expect((await addPerson(houston, mine, first, '1985-04-02')).statusCode).toBe(201);
      const found = await addPerson(harris, theirs, second, '1985-02-04');
      expect(found.statusCode, found.body).toBe(201);
      expect(found.json().deconfliction, `${first} / ${second}`).toEqual([expect.objectContaining({ matchedKind: 'person', isNew: true })]);
    }
  });
});
