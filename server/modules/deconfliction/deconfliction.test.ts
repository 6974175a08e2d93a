import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestHaven } from '../../test/test-app.ts';
import { createTestAgency, createTestUser, type TestAgency } from '../../test/factories.ts';
import { openSession } from '../../test/sessions.ts';
import type { Agent } from '../../test/agent.ts';

let h: TestHaven;
let houston: TestAgency;
let harris: TestAgency;
let houstonDet: { id: string; agent: Agent };
let harrisDet: { id: string; agent: Agent };
let houstonColleague: Agent;
let coordinator: Agent;

beforeAll(async () => {
  h = await createTestApp();
  houston = await createTestAgency(h.ctx, { type: 'law_enforcement', name: 'Houston Police' });
  harris = await createTestAgency(h.ctx, { type: 'law_enforcement', name: 'Harris County Sheriff' });
  await h.ctx.db.updateTable('agencies').set({ contact_phone: '+1 713 555 0000' }).where('id', '=', harris.id).execute();
  const a = await createTestUser(h.ctx, { agencyId: houston.id, roles: ['investigator'] });
  const b = await createTestUser(h.ctx, { agencyId: harris.id, roles: ['investigator'] });
  houstonDet = { id: a.id, agent: await openSession(h, a) };
  harrisDet = { id: b.id, agent: await openSession(h, b) };
  houstonColleague = await openSession(h, await createTestUser(h.ctx, { agencyId: houston.id, roles: ['investigator'] }));
  coordinator = await openSession(h, await createTestUser(h.ctx, { agencyId: (await createTestAgency(h.ctx, { type: 'task_force_coordinator' })).id, roles: ['coordinator'] }));
});
afterAll(async () => h.close());

async function openCase(agent: Agent, title: string, summary = 'Confidential: informant says the van leaves at 2am.') {
  const r = await agent.post('/api/cases', { title, traffickingType: 'sex', summary });
  expect(r.statusCode, r.body).toBe(201);
  return r.json() as { id: string; number: number };
}

const add = (agent: Agent, caseId: string, body: unknown) => agent.post(`/api/cases/${caseId}/entities`, body);

describe('deconfliction', () => {
  it('warns both agencies at once when they enter one phone in different spellings, telling only who and what kind', async () => {
    const mine = await openCase(houstonDet.agent, 'Spa on Bellaire');
    const theirs = await openCase(harrisDet.agent, 'Operation Nightingale', 'Secret: the wiretap on the Bellaire spa starts Monday.');
    const first = await add(houstonDet.agent, mine.id, { entity: { kind: 'phone', number: '(832) 555-0147' } });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().deconfliction).toEqual([]);

    const second = await add(harrisDet.agent, theirs.id, { entity: { kind: 'phone', number: '+1 832.555.0147' } });
    expect(second.statusCode, second.body).toBe(201);
    const notice = second.json().deconfliction;
    expect(notice).toEqual([{ hitId: expect.any(String), otherAgency: { id: houston.id, name: 'Houston Police' }, pointOfContact: { name: expect.any(String), email: expect.any(String), phone: null }, matchedKind: 'phone', isNew: true }]);

    // Both sides' people are notified, each with exactly the other agency, its contact, the kind and the hit.
    for (const [who, other] of [[houstonDet, 'Harris County Sheriff'], [harrisDet, 'Houston Police']] as const) {
      const notes = (await who.agent.get('/api/notifications?unread=true')).json().notifications.filter((n: { kind: string }) => n.kind === 'deconfliction.hit');
      expect(notes).toHaveLength(1);
      expect(Object.keys(notes[0].data).sort()).toEqual(['hitId', 'matchedKind', 'otherAgencyName', 'pointOfContact']);
      expect(notes[0].data).toMatchObject({ otherAgencyName: other, matchedKind: 'phone', hitId: notice[0].hitId });
      const text = JSON.stringify(notes);
      expect(text).not.toMatch(/Bellaire|Nightingale|wiretap|informant|van leaves/);
    }
    const houstonNote = (await houstonDet.agent.get('/api/notifications')).json().notifications.find((n: { kind: string }) => n.kind === 'deconfliction.hit');
    expect(houstonNote.data.pointOfContact.phone).toBe('+1 713 555 0000');

    // Neither sees the other's case.
    expect((await houstonDet.agent.get(`/api/cases/${theirs.id}`)).statusCode).toBe(404);
    expect((await harrisDet.agent.get(`/api/cases/${mine.id}`)).statusCode).toBe(404);
    const hitView = (await houstonDet.agent.get(`/api/deconfliction/hits/${notice[0].hitId}`)).json();
    expect(hitView.mine.case.id).toBe(mine.id);
    expect(hitView.other.agency.name).toBe('Harris County Sheriff');
    expect(JSON.stringify(hitView)).not.toMatch(/Nightingale|wiretap/);
    expect(hitView.parties).toBeNull();

    // The same pair is never a second hit; both timelines and the audit trail have it once.
    const again = await add(harrisDet.agent, theirs.id, { entity: { kind: 'phone', number: '832-555-0147' } });
    expect(again.statusCode).toBe(409);
    const hits = await h.ctx.db.selectFrom('deconfliction_hits').select('id').where((eb) => eb.or([eb('case_a_id', '=', mine.id), eb('case_b_id', '=', mine.id)])).execute();
    expect(hits).toHaveLength(1);
    const events = await h.ctx.db.selectFrom('case_events').select(['case_id']).where('kind', '=', 'deconfliction.hit').where('case_id', 'in', [mine.id, theirs.id]).execute();
    expect(events.map((e) => e.case_id).sort()).toEqual([mine.id, theirs.id].sort());
    const audit = await h.ctx.db.selectFrom('audit_log').select('details').where('action', '=', 'deconfliction.hit').where('entity_id', '=', notice[0].hitId).execute();
    expect(audit).toHaveLength(1);

    // They agree to share; then both see each other's case and the linked chart.
    const proposed = await houstonDet.agent.post(`/api/deconfliction/hits/${notice[0].hitId}/agree`, { level: 'read' });
    expect(proposed.json().status).toBe('open');
    expect((await houstonDet.agent.get(`/api/cases/${theirs.id}`)).statusCode).toBe(404);
    const harrisNotes = (await harrisDet.agent.get('/api/notifications?unread=true')).json().notifications.map((n: { kind: string }) => n.kind);
    expect(harrisNotes).toContain('deconfliction.share_proposed');
    const agreed = await harrisDet.agent.post(`/api/deconfliction/hits/${notice[0].hitId}/agree`, { level: 'read' });
    expect(agreed.json().status).toBe('shared');
    expect((await houstonDet.agent.get(`/api/cases/${theirs.id}`)).json().access).toBe('read');
    expect((await harrisDet.agent.get(`/api/cases/${mine.id}`)).json().access).toBe('read');
    const graph = (await houstonDet.agent.get(`/api/cases/${mine.id}/graph`)).json();
    const phoneNode = graph.nodes.find((n: { kind: string }) => n.kind === 'phone');
    expect(phoneNode.sharedWithCases).toEqual([expect.objectContaining({ id: theirs.id, number: theirs.number, access: 'read' })]);
    expect((await houstonDet.agent.post(`/api/deconfliction/hits/${notice[0].hitId}/agree`, { level: 'edit' })).statusCode).toBe(409);
  });

  it('matches persons across scripts and spellings only with a compatible date of birth or age', async () => {
    const mine = await openCase(houstonDet.agent, 'Labor camp on 290');
    const theirs = await openCase(harrisDet.agent, 'Farm workers');
    await add(houstonDet.agent, mine.id, { entity: { kind: 'person', name: 'Aleksandr Ivanov', birthDate: '1980-03-04' }, role: 'suspect' });
    const differentAge = await add(harrisDet.agent, theirs.id, { entity: { kind: 'person', name: 'Alexander Ivanov', estimatedAge: 20 }, role: 'suspect' });
    expect(differentAge.json().deconfliction).toEqual([]);
    const noAge = await add(harrisDet.agent, theirs.id, { entity: { kind: 'person', name: 'Ivanov Alexander' }, role: 'witness' });
    expect(noAge.json().deconfliction).toEqual([]);
    const cyrillic = await add(harrisDet.agent, theirs.id, { entity: { kind: 'person', name: 'Александр Иванов', aliases: ['Sasha'], birthDate: '1980-04-03' }, role: 'suspect' });
    expect(cyrillic.json().deconfliction).toEqual([expect.objectContaining({ otherAgency: { id: houston.id, name: 'Houston Police' }, matchedKind: 'person', isNew: true })]);
  });

  it('never raises a hit within one agency, from a tip, or from the directory', async () => {
    const a = await openCase(houstonDet.agent, 'Own case one');
    const b = await openCase(houstonColleague, 'Own case two');
    await add(houstonDet.agent, a.id, { entity: { kind: 'email', address: 'Boss.Man+ads@gmail.com' } });
    const same = await add(houstonColleague, b.id, { entity: { kind: 'email', address: 'bossman@googlemail.com' } });
    expect(same.json().deconfliction).toEqual([]);
    // The second case reuses the agency's entity: one record, two cases.
    expect(same.json().entity.id).toBe((await h.ctx.db.selectFrom('entity_identifiers').select('entity_id').where('value', '=', 'bossman@gmail.com').executeTakeFirstOrThrow()).entity_id);

    await h.ctx.db.insertInto('tips').values({ channel: 'web', concern_type: 'sex', narrative: 'tip', people: '[]', vehicles: '[]', phones: JSON.stringify(['7135550199']), emails: '[]', online: '[]' }).execute();
    const tip = await h.ctx.db.selectFrom('tips').select('id').orderBy('number', 'desc').limit(1).executeTakeFirstOrThrow();
    await h.ctx.db.insertInto('tip_identifiers').values({ tip_id: tip.id, kind: 'phone', value: '+17135550199' }).execute();
    await h.ctx.db.insertInto('directory_providers').values({ organization_name: 'Shelter', name: 'Shelter', service_types: ['shelter'], phone: '713-555-0199', hours: '[]', time_zone: 'America/Chicago' }).execute();
    const c = await openCase(harrisDet.agent, 'Tip and directory phone');
    const response = await add(harrisDet.agent, c.id, { entity: { kind: 'phone', number: '713 555 0199' } });
    expect(response.json().deconfliction).toEqual([]);
    // Only case entities are in the index.
    const stray = await h.ctx.db.selectFrom('deconfliction_identifiers as d').leftJoin('case_entities as ce', (j) => j.onRef('ce.case_id', '=', 'd.case_id').onRef('ce.entity_id', '=', 'd.entity_id')).select('d.value').where('ce.id', 'is', null).execute();
    expect(stray).toEqual([]);
  });

  it('lists hits per agency, all of them for coordinators, and lets a side decline', async () => {
    const mine = await openCase(houstonDet.agent, 'Plates');
    const theirs = await openCase(harrisDet.agent, 'Plates too');
    await add(houstonDet.agent, mine.id, { entity: { kind: 'vehicle', plate: 'abc-1234', state: 'tx', color: 'white' } });
    const hit = (await add(harrisDet.agent, theirs.id, { entity: { kind: 'vehicle', plate: 'ABC 1234', state: 'TX' } })).json().deconfliction[0];
    expect(hit.matchedKind).toBe('plate');
    const own = (await houstonDet.agent.get('/api/deconfliction/hits')).json().hits.map((x: { id: string }) => x.id);
    expect(own).toContain(hit.hitId);
    const wide = (await coordinator.get('/api/deconfliction/hits')).json().hits.find((x: { id: string }) => x.id === hit.hitId);
    expect(wide.parties.map((p: { agency: { name: string } }) => p.agency.name).sort()).toEqual(['Harris County Sheriff', 'Houston Police']);
    expect((await coordinator.post(`/api/deconfliction/hits/${hit.hitId}/agree`, { level: 'read' })).statusCode).toBe(403);
    const declined = (await houstonDet.agent.post(`/api/deconfliction/hits/${hit.hitId}/decline`)).json();
    expect(declined.status).toBe('declined');
    expect(declined.mine.answer).toEqual({ answer: 'declined', level: null });
    expect((await houstonDet.agent.get('/api/deconfliction/hits?status=declined')).json().hits.map((x: { id: string }) => x.id)).toContain(hit.hitId);
  });

  it('lists one case’s hits for its case page, and nothing of a case of an agency that is no party', async () => {
    const mine = await openCase(houstonDet.agent, 'Handles');
    const theirs = await openCase(harrisDet.agent, 'Handles too');
    const other = await openCase(houstonDet.agent, 'Unrelated');
    await add(houstonDet.agent, mine.id, { entity: { kind: 'online_account', platform: 'instagram', handle: '@Bellaire.Spa' } });
    const hit = (await add(harrisDet.agent, theirs.id, { entity: { kind: 'online_account', platform: 'Instagram', handle: 'bellaire.spa' } })).json().deconfliction[0];
    const ids = async (agent: Agent, caseId: string) => (await agent.get(`/api/deconfliction/hits?caseId=${caseId}`)).json().hits.map((x: { id: string }) => x.id);
    expect(await ids(houstonDet.agent, mine.id)).toEqual([hit.hitId]);
    expect(await ids(harrisDet.agent, theirs.id)).toEqual([hit.hitId]);
    expect(await ids(houstonDet.agent, other.id)).toEqual([]);
    // Asking about another agency's case finds only hits the caller's agency is a party to.
    const stranger = await openSession(h, await createTestUser(h.ctx, { agencyId: (await createTestAgency(h.ctx, { type: 'law_enforcement' })).id, roles: ['investigator'] }));
    expect(await ids(stranger, mine.id)).toEqual([]);
    expect((await houstonDet.agent.get('/api/deconfliction/hits?caseId=not-a-case')).statusCode).toBe(400);
  });
});
