import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestHaven } from '../../test/test-app.ts';
import { createTestAgency, createTestUser, type TestAgency } from '../../test/factories.ts';
import { openSession } from '../../test/sessions.ts';
import type { Agent } from '../../test/agent.ts';
import { jpegWithGps } from '../../test/fixtures/files.ts';

let h: TestHaven;
let police: TestAgency;
let detective: Agent;
let detectiveId: string;
let supervisor: Agent;
let readPartner: Agent;
let sheriff: TestAgency;

beforeAll(async () => {
  h = await createTestApp();
  police = await createTestAgency(h.ctx, { type: 'law_enforcement' });
  sheriff = await createTestAgency(h.ctx, { type: 'law_enforcement' });
  const d = await createTestUser(h.ctx, { agencyId: police.id, roles: ['investigator'] });
  detectiveId = d.id;
  detective = await openSession(h, d);
  supervisor = await openSession(h, await createTestUser(h.ctx, { agencyId: police.id, roles: ['investigator', 'supervisor'] }));
  readPartner = await openSession(h, await createTestUser(h.ctx, { agencyId: sheriff.id, roles: ['investigator'] }));
});
afterAll(async () => h.close());

async function newCase(title = 'Work case') {
  const c = await detective.post('/api/cases', { title, traffickingType: 'sex' });
  expect(c.statusCode).toBe(201);
  return c.json() as { id: string };
}

async function addPerson(caseId: string, person: Record<string, unknown>, role: string) {
  const r = await detective.post(`/api/cases/${caseId}/entities`, { entity: { kind: 'person', ...person }, role });
  expect(r.statusCode, r.body).toBe(201);
  return r.json() as { id: string; entity: { id: string } };
}

describe('Safe Harbor guard', () => {
  it('refuses an arrest of a minor victim for commercial sex, explains why and points to child welfare', async () => {
    const c = await newCase('Safe Harbor');
    const girl = await addPerson(c.id, { name: 'Jane Roe', birthDate: '2010-05-01' }, 'potential_victim');
    await detective.post(`/api/cases/${c.id}/entities`, { entityId: girl.entity.id, role: 'suspect' });
    const check = (await detective.get(`/api/cases/${c.id}/entities/${girl.id}/safe-harbor?on=2026-11-01`)).json();
    expect(check).toMatchObject({ applies: true, minor: true, victim: true });

    const arrest = { entityId: girl.entity.id, type: 'arrest', occurredOn: '2026-11-01', offenseCategory: 'commercial_sex', statute: 'Tex. Penal Code 43.02' };
    const refused = await detective.post(`/api/cases/${c.id}/outcomes`, arrest);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('safe_harbor');
    expect(refused.json().error.message).toMatch(/minor and a victim.*child welfare/s);
    const denied = await h.ctx.db.selectFrom('audit_log').select('outcome').where('entity_id', '=', c.id).where('action', '=', 'case.safe_harbor_refused').execute();
    expect(denied).toEqual([{ outcome: 'denied' }]);

    // A charge on the same facts is refused too; an investigator cannot override; a supervisor can, with a reason.
    expect((await detective.post(`/api/cases/${c.id}/outcomes`, { ...arrest, type: 'charge' })).statusCode).toBe(422);
    const notSupervisor = await detective.post(`/api/cases/${c.id}/outcomes`, { ...arrest, safeHarborOverride: { reason: 'I think it is needed here.' } });
    expect(notSupervisor.statusCode).toBe(403);
    expect((await supervisor.post(`/api/cases/${c.id}/outcomes`, { ...arrest, safeHarborOverride: { reason: 'short' } })).statusCode).toBe(400);
    const overridden = await supervisor.post(`/api/cases/${c.id}/outcomes`, { ...arrest, safeHarborOverride: { reason: 'Detention ordered by the juvenile court for her own protection.' } });
    expect(overridden.statusCode, overridden.body).toBe(201);
    expect(overridden.json().safeHarborOverride).toEqual({ reason: 'Detention ordered by the juvenile court for her own protection.', by: expect.any(String) });
    const trail = await h.ctx.db.selectFrom('audit_log').select(['action', 'outcome']).where('entity_id', '=', c.id).where('action', '=', 'case.safe_harbor_override').execute();
    expect(trail).toEqual([{ action: 'case.safe_harbor_override', outcome: 'denied' }, { action: 'case.safe_harbor_override', outcome: 'success' }]);
    const outcomes = await h.ctx.db.selectFrom('case_outcomes').select('id').where('case_id', '=', c.id).execute();
    expect(outcomes).toHaveLength(1);
  });

  it('lets an arrest through for an adult, for a non-victim, for other offences, and judges age on the day of the conduct', async () => {
    const c = await newCase('Guard boundaries');
    const adult = await addPerson(c.id, { name: 'Adult Victim', birthDate: '1990-01-01' }, 'potential_victim');
    await detective.post(`/api/cases/${c.id}/entities`, { entityId: adult.entity.id, role: 'suspect' });
    expect((await detective.post(`/api/cases/${c.id}/outcomes`, { entityId: adult.entity.id, type: 'arrest', occurredOn: '2026-11-01', offenseCategory: 'commercial_sex' })).statusCode).toBe(201);

    const teen = await addPerson(c.id, { name: 'Teen Recruiter', estimatedAge: 16, ageAsOf: '2026-01-01' }, 'suspect');
    expect((await detective.post(`/api/cases/${c.id}/outcomes`, { entityId: teen.entity.id, type: 'arrest', occurredOn: '2026-11-01', offenseCategory: 'commercial_sex' })).statusCode).toBe(201);

    const minor = await addPerson(c.id, { name: 'Minor Victim', birthDate: '2009-12-01' }, 'confirmed_victim');
    await detective.post(`/api/cases/${c.id}/entities`, { entityId: minor.entity.id, role: 'suspect' });
    expect((await detective.post(`/api/cases/${c.id}/outcomes`, { entityId: minor.entity.id, type: 'arrest', occurredOn: '2026-11-01', offenseCategory: 'other', description: 'Shoplifting' })).statusCode).toBe(201);
    // 18 on the arrest date, 17 when the conduct happened: still a minor for Safe Harbor.
    expect((await detective.post(`/api/cases/${c.id}/outcomes`, { entityId: minor.entity.id, type: 'charge', occurredOn: '2028-01-15', conductOn: '2027-10-01', offenseCategory: 'commercial_sex' })).statusCode).toBe(422);
    expect((await detective.post(`/api/cases/${c.id}/outcomes`, { entityId: minor.entity.id, type: 'charge', occurredOn: '2028-01-15', offenseCategory: 'commercial_sex' })).statusCode).toBe(201);
  });

  it('records outcomes only for suspects and validates them', async () => {
    const c = await newCase('Outcome validation');
    const witness = await addPerson(c.id, { name: 'A Witness', estimatedAge: 40 }, 'witness');
    expect((await detective.post(`/api/cases/${c.id}/outcomes`, { entityId: witness.entity.id, type: 'arrest', occurredOn: '2026-11-01', offenseCategory: 'sex_trafficking' })).statusCode).toBe(400);
    const suspect = await addPerson(c.id, { name: 'Big Boss', estimatedAge: 45 }, 'suspect');
    expect((await detective.post(`/api/cases/${c.id}/outcomes`, { entityId: suspect.entity.id, type: 'arrest', occurredOn: '2026-11-01' })).statusCode).toBe(400);
    const sentence = await detective.post(`/api/cases/${c.id}/outcomes`, { entityId: suspect.entity.id, type: 'sentence', occurredOn: '2027-06-01', sentence: { incarcerationMonths: 180, restitutionAmount: 50000 }, court: 'S.D. Tex.' });
    expect(sentence.statusCode).toBe(201);
    expect(sentence.json().sentence).toMatchObject({ incarcerationMonths: 180, restitutionAmount: 50000 });
  });
});

describe('tasks, notes, documents and the timeline', () => {
  it('keeps tasks with owners and due dates, notes, cleaned documents, all on one timeline', async () => {
    const c = await newCase('Daily work');
    const task = await detective.post(`/api/cases/${c.id}/tasks`, { title: 'Subpoena phone records', ownerUserId: detectiveId, dueOn: '2020-01-01' });
    expect(task.statusCode).toBe(201);
    expect(task.json()).toMatchObject({ overdue: true, status: 'open', owner: { id: detectiveId } });
    const done = await detective.patch(`/api/cases/${c.id}/tasks/${task.json().id}`, { status: 'done' });
    expect(done.json()).toMatchObject({ status: 'done', overdue: false, completedAt: expect.any(String) });
    const stranger = await createTestUser(h.ctx, { agencyId: sheriff.id, roles: ['investigator'] });
    expect((await detective.post(`/api/cases/${c.id}/tasks`, { title: 'x task', ownerUserId: stranger.id })).statusCode).toBe(400);

    expect((await detective.post(`/api/cases/${c.id}/notes`, { body: 'Surveillance: van arrives 02:10.' })).statusCode).toBe(201);
    const upload = await detective.post(`/api/cases/${c.id}/documents`, { title: 'Photo of the van', contentBase64: jpegWithGps().toString('base64') });
    expect(upload.statusCode, upload.body).toBe(201);
    const file = await detective.get(`/api/cases/${c.id}/documents/${upload.json().id}`);
    expect(file.headers['content-type']).toBe('image/jpeg');
    expect(file.rawPayload.includes(Buffer.from('Exif'))).toBe(false);
    expect((await detective.post(`/api/cases/${c.id}/documents`, { title: 'Script', contentBase64: Buffer.from('<script>alert(1)</script>').toString('base64') })).statusCode).toBe(415);
    expect((await detective.post(`/api/cases/${c.id}/documents`, { title: 'Not base64', contentBase64: '%%%' })).statusCode).toBe(400);

    const timeline = (await detective.get(`/api/cases/${c.id}/timeline?limit=3`)).json();
    expect(timeline.events.map((e: { kind: string }) => e.kind)).toEqual(['document.added', 'note.added', 'task.status_changed']);
    const rest = (await detective.get(`/api/cases/${c.id}/timeline?before=${timeline.nextBefore}`)).json();
    expect(rest.events.map((e: { kind: string }) => e.kind)).toEqual(['task.added', 'case.created']);
    expect(rest.nextBefore).toBeNull();
    const reads = await h.ctx.db.selectFrom('audit_log').select('action').where('entity_id', '=', c.id).where('action', 'in', ['case.document_viewed', 'case.timeline_viewed']).execute();
    expect(reads).toHaveLength(3);
  });

  it('lets a read partner read the work but not add to it', async () => {
    const c = await newCase('Read partner');
    await detective.post(`/api/cases/${c.id}/partners`, { agencyId: sheriff.id, level: 'read' });
    await detective.post(`/api/cases/${c.id}/notes`, { body: 'Visible to partners.' });
    expect((await readPartner.get(`/api/cases/${c.id}/timeline`)).statusCode).toBe(200);
    expect((await readPartner.post(`/api/cases/${c.id}/notes`, { body: 'Not allowed' })).statusCode).toBe(403);
    expect((await readPartner.post(`/api/cases/${c.id}/tasks`, { title: 'Not allowed' })).statusCode).toBe(403);
    await detective.post(`/api/cases/${c.id}/partners`, { agencyId: sheriff.id, level: 'edit' });
    expect((await readPartner.post(`/api/cases/${c.id}/notes`, { body: 'Now allowed' })).statusCode).toBe(201);
  });
});
