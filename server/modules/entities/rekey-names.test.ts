import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestHaven } from '../../test/test-app.ts';
import { createTestAgency, createTestUser } from '../../test/factories.ts';
import { openSession } from '../../test/sessions.ts';
import type { Agent } from '../../test/agent.ts';
import { runDueJobs } from '../../platform/jobs/runner.ts';
import * as rekeyMigration from '../../migrations/2026-11-25T1200_rekey_names_any_script.ts';

let h: TestHaven;
let houston: Agent;
let harris: Agent;

beforeAll(async () => {
  h = await createTestApp();
  const a = await createTestAgency(h.ctx, { type: 'law_enforcement', name: 'Houston Police' });
  const b = await createTestAgency(h.ctx, { type: 'law_enforcement', name: 'Harris County Sheriff' });
  houston = await openSession(h, await createTestUser(h.ctx, { agencyId: a.id, roles: ['investigator'] }));
  harris = await openSession(h, await createTestUser(h.ctx, { agencyId: b.id, roles: ['investigator'] }));
});
afterAll(async () => h.close());

async function openCase(agent: Agent, title: string) {
  const r = await agent.post('/api/cases', { title, traffickingType: 'labor', summary: 'Restaurant kitchen workers kept in a house.' });
  expect(r.statusCode, r.body).toBe(201);
  return r.json() as { id: string };
}

async function addPerson(agent: Agent, caseId: string, name: string) {
  const r = await agent.post(`/api/cases/${caseId}/entities`, { entity: { kind: 'person', name, birthDate: '1989-02-14' }, role: 'suspect' });
  expect(r.statusCode, r.body).toBe(201);
  return r.json() as { entity: { id: string }; deconfliction: unknown[] };
}

describe('names in every script', () => {
  it('finds and deconflicts a person written in Hangul against the same person in Latin letters', async () => {
    const mine = await openCase(houston, 'Kitchen on Bellaire');
    const theirs = await openCase(harris, 'Kitchen on Long Point');
    await addPerson(houston, mine.id, '김철수');
    const second = await addPerson(harris, theirs.id, 'Kim Cheol-su');
    expect(second.deconfliction).toHaveLength(1);
    const found = (await houston.get(`/api/search?q=${encodeURIComponent('Kim Cheol-su')}`)).json();
    expect(found.entities.map((e: { label: string }) => e.label)).toEqual(['김철수']);
  });

  it('recomputes keys stored empty before, once, after the upgrade, and tells both agencies of the match', async () => {
    const mine = await openCase(houston, 'Nail salon on Gessner');
    const theirs = await openCase(harris, 'Nail salon on Hillcroft');
    const old = await addPerson(houston, mine.id, 'דוד כהן');
    // What the normalizer that dropped Hebrew letters stored: an empty search key and no deconfliction row.
    await h.ctx.db.updateTable('entities').set({ search_key: '' }).where('id', '=', old.entity.id).execute();
    await h.ctx.db.deleteFrom('deconfliction_persons').where('entity_id', '=', old.entity.id).execute();
    expect((await addPerson(harris, theirs.id, 'David Cohen')).deconfliction).toEqual([]);

    // The migration queued the backfill; the job runner runs it.
    await h.ctx.db.insertInto('jobs').values({ kind: 'names.rekey', payload: JSON.stringify({}) }).execute();
    await runDueJobs(h.ctx);
    const row = await h.ctx.db.selectFrom('entities').select('search_key').where('id', '=', old.entity.id).executeTakeFirstOrThrow();
    expect(row.search_key).toBe('dvd khhn');
    const keys = await h.ctx.db.selectFrom('deconfliction_persons').select('name_key').where('entity_id', '=', old.entity.id).execute();
    expect(keys.map((k) => k.name_key)).toEqual(['dvd khhn']);
    const hits = (await houston.get(`/api/deconfliction/hits?caseId=${mine.id}`)).json();
    expect(hits.hits ?? hits).toHaveLength(1);
  });

  it('recomputes a survivor record’s name index, so the record is found by its name again', async () => {
    const ngo = await createTestAgency(h.ctx, { type: 'victim_service_provider' });
    const advocate = await openSession(h, await createTestUser(h.ctx, { agencyId: ngo.id, roles: ['victim_advocate'] }));
    const created = await advocate.post('/api/survivors', { identity: { names: ['ትግስት ኃይሉ'] }, narrative: 'Came through Djibouti with a labor agent.' });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const byName = async (q: string) => (await advocate.get(`/api/survivors?q=${encodeURIComponent(q)}`)).json().survivors.map((s: { id: string }) => s.id);
    expect(await byName('ትግስት ኃይሉ')).toEqual([id]);
    // What the normalizer that dropped Ethiopic letters stored: no name index at all.
    await h.ctx.db.deleteFrom('survivor_blind_indexes').where('survivor_id', '=', id).where('kind', '=', 'name').execute();
    expect(await byName('ትግስት ኃይሉ')).toEqual([]);

    await h.ctx.db.insertInto('jobs').values({ kind: 'names.rekey', payload: JSON.stringify({}) }).execute();
    await runDueJobs(h.ctx);
    expect(await byName('ትግስት ኃይሉ')).toEqual([id]);
  });

  it('has the migration queue the backfill job once in a database that holds names', async () => {
    await h.ctx.db.deleteFrom('jobs').where('kind', '=', 'names.rekey').execute();
    const db = h.ctx.db as unknown as Kysely<unknown>;
    await rekeyMigration.up(db);
    await rekeyMigration.up(db);
    const queued = await h.ctx.db.selectFrom('jobs').select('status').where('kind', '=', 'names.rekey').execute();
    expect(queued).toEqual([{ status: 'pending' }]);
  });
});
