import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestHaven } from '../../test/test-app.ts';
import { createTestAgency, createTestUser, type TestAgency } from '../../test/factories.ts';
import { openSession } from '../../test/sessions.ts';
import type { Agent } from '../../test/agent.ts';
import type { Role } from '../../../common/access/roles.ts';

let h: TestHaven;
let police: TestAgency;
let sheriff: TestAgency;
let shelter: TestAgency;
let taskForce: TestAgency;
let detective: Agent;
let detectiveId: string;
let partner: Agent;
let outsider: Agent;
let coordinator: Agent;
let advocate: Agent;
let analyst: Agent;
let admin: Agent;

const person = async (agencyId: string, roles: Role[]) => {
  const user = await createTestUser(h.ctx, { agencyId, roles });
  return { user, agent: await openSession(h, user) };
};

beforeAll(async () => {
  h = await createTestApp();
  police = await createTestAgency(h.ctx, { type: 'law_enforcement', name: 'Riverside Police' });
  sheriff = await createTestAgency(h.ctx, { type: 'law_enforcement', name: 'County Sheriff' });
  shelter = await createTestAgency(h.ctx, { type: 'victim_service_provider' });
  taskForce = await createTestAgency(h.ctx, { type: 'task_force_coordinator' });
  const d = await person(police.id, ['investigator']);
  detective = d.agent;
  detectiveId = d.user.id;
  partner = (await person(sheriff.id, ['investigator'])).agent;
  outsider = (await person((await createTestAgency(h.ctx, { type: 'law_enforcement' })).id, ['investigator'])).agent;
  coordinator = (await person(taskForce.id, ['coordinator'])).agent;
  advocate = (await person(shelter.id, ['victim_advocate'])).agent;
  analyst = (await person(taskForce.id, ['analyst'])).agent;
  admin = (await person(taskForce.id, ['taskforce_admin'])).agent;
});
afterAll(async () => h.close());

const newCase = async (title = 'Cantina on Fifth') => {
  const created = await detective.post('/api/cases', { title, traffickingType: 'sex', jurisdictions: ['Harris County'], summary: 'Girls seen brought in at night by a man in a white van.' });
  expect(created.statusCode, created.body).toBe(201);
  return created.json() as { id: string; number: number; access: string; detail: { assignments: Array<{ userId: string; role: string }> } };
};

describe('cases', () => {
  it('opens a case led by the investigator’s agency, with them as lead, on the timeline and in the audit trail', async () => {
    const c = await newCase();
    expect(c.access).toBe('owner');
    expect(c.detail.assignments).toEqual([expect.objectContaining({ userId: detectiveId, role: 'lead' })]);
    const events = await h.ctx.db.selectFrom('case_events').select('kind').where('case_id', '=', c.id).execute();
    expect(events.map((e) => e.kind)).toEqual(['case.created']);
    const audit = await h.ctx.db.selectFrom('audit_log').select('action').where('entity_id', '=', c.id).execute();
    expect(audit.map((a) => a.action)).toContain('case.created');
  });

  it('hides a case from other agencies as not found, and refuses advocates, analysts and administrators outright', async () => {
    const c = await newCase('Hidden case');
    for (const agent of [outsider, partner]) expect((await agent.get(`/api/cases/${c.id}`)).statusCode).toBe(404);
    for (const agent of [advocate, analyst, admin]) expect((await agent.get(`/api/cases/${c.id}`)).statusCode).toBe(403);
    for (const agent of [advocate, analyst, admin]) expect((await agent.get('/api/cases')).statusCode).toBe(403);
    expect((await outsider.get('/api/cases')).json().cases.map((x: { id: string }) => x.id)).not.toContain(c.id);
  });

  it('shows coordinators the list of every case without its content', async () => {
    const c = await newCase('Coordinator list check');
    const list = (await coordinator.get('/api/cases?q=Coordinator%20list')).json().cases;
    expect(list).toEqual([expect.objectContaining({ id: c.id, access: 'list', leadAgency: { id: police.id, name: 'Riverside Police' } })]);
    expect(JSON.stringify(list)).not.toContain('white van');
    const refused = await coordinator.get(`/api/cases/${c.id}`);
    expect(refused.statusCode).toBe(403);
  });

  it('lets a partner agency work the case at the level granted, and no further', async () => {
    const c = await newCase('Partner levels');
    expect((await detective.post(`/api/cases/${c.id}/partners`, { agencyId: sheriff.id, level: 'summary' })).statusCode).toBe(200);
    const summary = (await partner.get(`/api/cases/${c.id}`)).json();
    expect(summary.access).toBe('summary');
    expect(summary.detail).toBeNull();
    expect(summary.pointOfContact.agencyName).toBe('Riverside Police');
    expect(JSON.stringify(summary)).not.toContain('white van');

    await detective.post(`/api/cases/${c.id}/partners`, { agencyId: sheriff.id, level: 'read' });
    const read = (await partner.get(`/api/cases/${c.id}`)).json();
    expect(read.access).toBe('read');
    expect(read.detail.summary).toContain('white van');
    expect((await partner.patch(`/api/cases/${c.id}`, { title: 'Renamed by partner' })).statusCode).toBe(403);
    expect((await partner.post(`/api/cases/${c.id}/partners`, { agencyId: taskForce.id, level: 'read' })).statusCode).toBe(403);

    expect((await detective.request('DELETE', `/api/cases/${c.id}/partners/${sheriff.id}`)).statusCode).toBe(200);
    expect((await partner.get(`/api/cases/${c.id}`)).statusCode).toBe(404);
    const kinds = (await h.ctx.db.selectFrom('case_events').select('kind').where('case_id', '=', c.id).orderBy('id').execute()).map((e) => e.kind);
    expect(kinds).toEqual(['case.created', 'partner.granted', 'partner.changed', 'partner.revoked']);
  });

  it('never shares a case with a victim-service agency, nor with the lead agency itself', async () => {
    const c = await newCase('No advocates');
    const refused = await detective.post(`/api/cases/${c.id}/partners`, { agencyId: shelter.id, level: 'read' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields[0].path).toBe('body.agencyId');
    expect((await detective.post(`/api/cases/${c.id}/partners`, { agencyId: police.id, level: 'read' })).statusCode).toBe(400);
    expect(await h.ctx.db.selectFrom('case_partners').select('agency_id').where('case_id', '=', c.id).execute()).toEqual([]);
  });

  it('closes a case only with a reason, and reopens it', async () => {
    const c = await newCase('Closing');
    expect((await detective.patch(`/api/cases/${c.id}`, { status: 'closed' })).statusCode).toBe(400);
    const closed = (await detective.patch(`/api/cases/${c.id}`, { status: 'closed', closedReason: 'Insufficient evidence' })).json();
    expect(closed.status).toBe('closed');
    expect(closed.detail.closedReason).toBe('Insufficient evidence');
    const reopened = (await detective.patch(`/api/cases/${c.id}`, { status: 'active' })).json();
    expect(reopened.detail.closedReason).toBeNull();
    expect((await detective.patch(`/api/cases/${c.id}`, { status: 'referred', closedReason: 'Federal interest' })).statusCode).toBe(400);
  });

  it('assigns only people who can work the case, and keeps one lead', async () => {
    const c = await newCase('Assignments');
    const colleague = await person(police.id, ['investigator']);
    const sheriffDeputy = await person(sheriff.id, ['investigator']);
    const lead = (await detective.post(`/api/cases/${c.id}/assignments`, { userId: colleague.user.id, role: 'lead' })).json();
    expect(lead.detail.assignments.map((a: { userId: string; role: string }) => [a.userId, a.role]).sort()).toEqual([[colleague.user.id, 'lead'], [detectiveId, 'member']].sort());
    expect((await detective.post(`/api/cases/${c.id}/assignments`, { userId: sheriffDeputy.user.id })).statusCode).toBe(400);
    await detective.post(`/api/cases/${c.id}/partners`, { agencyId: sheriff.id, level: 'edit' });
    expect((await detective.post(`/api/cases/${c.id}/assignments`, { userId: sheriffDeputy.user.id })).statusCode).toBe(200);
    await detective.request('DELETE', `/api/cases/${c.id}/partners/${sheriff.id}`);
    const after = (await detective.get(`/api/cases/${c.id}`)).json();
    expect(after.detail.assignments.map((a: { userId: string }) => a.userId)).not.toContain(sheriffDeputy.user.id);
  });

  it('lists who may be assigned: the lead agency’s and edit partners’ case workers, never other roles or agencies', async () => {
    const c = await newCase('People picker');
    const colleague = await person(police.id, ['investigator']);
    const clerk = await person(police.id, ['agency_admin']);
    const deputy = await person(sheriff.id, ['investigator']);
    const gone = await person(police.id, ['investigator']);
    await h.ctx.db.updateTable('users').set({ disabled_at: new Date() }).where('id', '=', gone.user.id).execute();
    const ids = async (agent: Agent) => (await agent.get(`/api/cases/${c.id}/people`)).json().people.map((p: { id: string }) => p.id);
    const before = (await detective.get(`/api/cases/${c.id}/people`)).json().people;
    expect(before.find((p: { id: string }) => p.id === detectiveId)).toMatchObject({ agencyName: 'Riverside Police', assignment: 'lead' });
    expect(before.map((p: { id: string }) => p.id)).toContain(colleague.user.id);
    for (const absent of [clerk, deputy, gone]) expect(before.map((p: { id: string }) => p.id)).not.toContain(absent.user.id);

    await detective.post(`/api/cases/${c.id}/partners`, { agencyId: sheriff.id, level: 'read' });
    expect(await ids(detective)).not.toContain(deputy.user.id);
    expect((await deputy.agent.get(`/api/cases/${c.id}/people`)).statusCode).toBe(403);
    await detective.post(`/api/cases/${c.id}/partners`, { agencyId: sheriff.id, level: 'edit' });
    expect(await ids(detective)).toContain(deputy.user.id);
    expect(await ids(deputy.agent)).toContain(colleague.user.id);
    expect((await outsider.get(`/api/cases/${c.id}/people`)).statusCode).toBe(404);
    expect((await advocate.get(`/api/cases/${c.id}/people`)).statusCode).toBe(403);
  });

  it('audits every read of a case', async () => {
    const c = await newCase('Audited read');
    await detective.get(`/api/cases/${c.id}`);
    await detective.get(`/api/cases/${c.id}`);
    const reads = await h.ctx.db.selectFrom('audit_log').select('action').where('entity_id', '=', c.id).where('action', '=', 'case.viewed').execute();
    expect(reads).toHaveLength(2);
  });
});
