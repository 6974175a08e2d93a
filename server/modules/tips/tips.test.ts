import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestHaven } from '../../test/test-app.ts';
import { createTestAgency, createTestUser, type TestAgency } from '../../test/factories.ts';
import { signIn, type Agent } from '../../test/agent.ts';
import { multipart, pick } from '../../test/multipart.ts';
import { runDueJobs, scheduleRecurringJobs } from '../../platform/jobs/runner.ts';

let h: TestHaven;
let police: TestAgency;
let otherPolice: TestAgency;
let coordinator: Agent;
let coordinatorUser: Awaited<ReturnType<typeof createTestUser>>;
let investigator: Agent;
let outsider: Agent;
let prosecutor: Agent;

beforeAll(async () => {
  h = await createTestApp();
  const taskForce = await createTestAgency(h.ctx, { type: 'task_force_coordinator' });
  police = await createTestAgency(h.ctx, { type: 'law_enforcement' });
  otherPolice = await createTestAgency(h.ctx, { type: 'law_enforcement' });
  const prosecutors = await createTestAgency(h.ctx, { type: 'prosecutor' });
  coordinatorUser = await createTestUser(h.ctx, { agencyId: taskForce.id, roles: ['coordinator'] });
  coordinator = await signIn(h.app, h.clock, coordinatorUser);
  investigator = await signIn(h.app, h.clock, await createTestUser(h.ctx, { agencyId: police.id, roles: ['investigator'] }));
  outsider = await signIn(h.app, h.clock, await createTestUser(h.ctx, { agencyId: otherPolice.id, roles: ['investigator'] }));
  prosecutor = await signIn(h.app, h.clock, await createTestUser(h.ctx, { agencyId: prosecutors.id, roles: ['prosecutor'] }));
});
afterAll(async () => h.close());

/** Files a report through the public form, as a person would, and returns its receipt and id. */
async function report(fields: Record<string, string>): Promise<{ id: string; receipt: string }> {
  const form = await h.app.inject({ method: 'GET', url: '/report' });
  const body = multipart({ sid: pick(form.body, /name="sid" value="([^"]+)"/), ...fields });
  const page = await h.app.inject({ method: 'POST', url: '/report', payload: body.payload, headers: body.headers });
  const receipt = pick(page.body, /<output>([0-9A-Z-]{19})<\/output>/);
  const row = await h.ctx.db.selectFrom('tips').select('id').orderBy('number', 'desc').limit(1).executeTakeFirstOrThrow();
  return { id: row.id, receipt };
}

describe('tip queue and triage', () => {
  it('puts urgent tips first, then tips involving a minor, then the oldest', async () => {
    const old = await report({ concern: 'labor', narrative: 'queue-order old' });
    h.clock.advance(60_000);
    const minor = await report({ concern: 'minor', narrative: 'queue-order minor' });
    h.clock.advance(60_000);
    const urgent = await report({ concern: 'sex', danger: 'yes', narrative: 'queue-order urgent' });
    const queue = (await coordinator.get('/api/tips?q=queue-order')).json().tips as Array<{ id: string }>;
    expect(queue.map((t) => t.id)).toEqual([urgent.id, minor.id, old.id]);
  });

  it('shows an agency only the tips assigned to it, and hides others as not found', async () => {
    const tip = await report({ concern: 'labor', narrative: 'assignment-check' });
    expect((await investigator.get(`/api/tips/${tip.id}`)).statusCode).toBe(404);
    const assigned = await coordinator.patch(`/api/tips/${tip.id}`, { assignedAgencyId: police.id });
    expect(assigned.json().status).toBe('assigned');
    expect((await investigator.get(`/api/tips/${tip.id}`)).statusCode).toBe(200);
    expect((await investigator.get('/api/tips?q=assignment-check')).json().tips).toHaveLength(1);
    expect((await outsider.get(`/api/tips/${tip.id}`)).statusCode).toBe(404);
    expect((await outsider.get('/api/tips?q=assignment-check')).json().tips).toHaveLength(0);
    expect((await investigator.patch(`/api/tips/${tip.id}`, { assignedAgencyId: otherPolice.id })).statusCode).toBe(403);
  });

  it('reveals a reporter’s contact details only to roles allowed to contact them, auditing every look', async () => {
    const tip = await report({ concern: 'labor', contact_choice: 'share', contact_name: 'Rosa', contact_phone: '713-555-0199', contact_safe: 'weekday mornings' });
    const sealed = await h.ctx.db.selectFrom('tips').select('reporter_contact_enc').where('id', '=', tip.id).executeTakeFirstOrThrow();
    expect(sealed.reporter_contact_enc?.includes(Buffer.from('Rosa'))).toBe(false);
    const detail = (await coordinator.get(`/api/tips/${tip.id}`)).json();
    expect(JSON.stringify(detail)).not.toContain('Rosa');
    expect(detail.hasContact).toBe(true);
    const contact = await coordinator.get(`/api/tips/${tip.id}/contact`);
    expect(contact.json().contact).toMatchObject({ name: 'Rosa', phone: '713-555-0199' });
    await coordinator.patch(`/api/tips/${tip.id}`, { assignedAgencyId: police.id });
    expect((await investigator.get(`/api/tips/${tip.id}/contact`)).statusCode).toBe(200);
    const audit = await h.ctx.db.selectFrom('audit_log').select(['action', 'outcome']).where('entity_id', '=', tip.id).where('action', '=', 'tip.contact_viewed').execute();
    expect(audit).toHaveLength(2);
    expect(JSON.stringify(await h.ctx.db.selectFrom('audit_log').select('details').execute())).not.toContain('Rosa');
  });

  it('refuses reporter contact details to a prosecutor working the tip', async () => {
    const tip = await report({ concern: 'sex', contact_choice: 'share', contact_email: 'witness@example.org' });
    const prosecutorAgency = await h.ctx.db.selectFrom('agencies').select('id').where('type', '=', 'prosecutor').executeTakeFirstOrThrow();
    await coordinator.patch(`/api/tips/${tip.id}`, { assignedAgencyId: prosecutorAgency.id });
    const denied = await prosecutor.get(`/api/tips/${tip.id}/contact`);
    expect(denied.statusCode).toBe(403);
    const entry = await h.ctx.db.selectFrom('audit_log').select('outcome').where('entity_id', '=', tip.id).where('action', '=', 'tip.contact_viewed').executeTakeFirstOrThrow();
    expect(entry.outcome).toBe('denied');
  });

  it('finds related tips through differently written phones and plates', async () => {
    const a = await report({ concern: 'sex', phones: '(832) 555-0111', v1_plate: 'ABC-1234', v1_state: 'tx' });
    const b = await report({ concern: 'sex', phones: '+1 832.555.0111' });
    const c = await report({ concern: 'labor', v1_plate: 'abc 1234', v1_state: 'TX' });
    const related = (await coordinator.get(`/api/tips/${a.id}`)).json().related as Array<{ id: string; matchedOn: string[] }>;
    expect(related.map((r) => r.id).sort()).toEqual([b.id, c.id].sort());
    expect(related.find((r) => r.id === c.id)?.matchedOn).toEqual(['plate']);
    expect((await coordinator.get('/api/tips?q=832-555-0111')).json().tips.map((t: { id: string }) => t.id).sort()).toEqual([a.id, b.id].sort());
  });

  it('merges a duplicate and keeps the reporter’s conversation going on the surviving tip', async () => {
    const first = await report({ concern: 'labor', narrative: 'merge original' });
    const dupe = await report({ concern: 'labor', narrative: 'merge duplicate' });
    const merged = await coordinator.post(`/api/tips/${dupe.id}/merge`, { intoTipId: first.id });
    expect(merged.statusCode).toBe(200);
    await coordinator.post(`/api/tips/${first.id}/messages`, { body: 'Thank you, we are looking into it.' });
    const view = await h.app.inject({ method: 'POST', url: '/follow-up', payload: `receipt=${dupe.receipt}`, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    // The reporter of the duplicate follows the surviving tip: its status, its conversation.
    expect(view.body).toContain('<strong>Received</strong>');
    expect(view.body).not.toContain('<strong>Closed</strong>');
    expect(view.body).toContain('Thank you, we are looking into it.');
    expect((await coordinator.post(`/api/tips/${dupe.id}/merge`, { intoTipId: dupe.id })).statusCode).toBe(400);
  });

  it('keeps internal notes from the reporter and validates triage input', async () => {
    const tip = await report({ concern: 'labor' });
    await coordinator.post(`/api/tips/${tip.id}/notes`, { body: 'Known address from 2024 operation' });
    const view = await h.app.inject({ method: 'POST', url: '/follow-up', payload: `receipt=${tip.receipt}`, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(view.body).not.toContain('Known address');
    const noReason = await coordinator.patch(`/api/tips/${tip.id}`, { status: 'closed' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields[0].path).toContain('closedReason');
    const strangerAssignee = await coordinator.patch(`/api/tips/${tip.id}`, { assignedAgencyId: police.id, assignedUserId: (await createTestUser(h.ctx, { agencyId: otherPolice.id, roles: ['investigator'] })).id });
    expect(strangerAssignee.statusCode).toBe(400);
  });

  it('flags an urgent tip nobody reviewed within an hour to coordinators, and clocks the first review', async () => {
    const tip = await report({ concern: 'minor', danger: 'yes', narrative: 'sla-check' });
    h.clock.advance(61 * 60_000);
    await scheduleRecurringJobs(h.ctx);
    await runDueJobs(h.ctx);
    // An hour without activity ended the coordinator's session; a new day's sign-in.
    coordinator = await signIn(h.app, h.clock, coordinatorUser);
    const notes = (await coordinator.get('/api/notifications?unread=true')).json().notifications as Array<{ kind: string; entityId: string }>;
    expect(notes.some((n) => n.kind === 'tip.urgent_unreviewed' && n.entityId === tip.id)).toBe(true);
    expect((await coordinator.get('/api/tips?q=sla-check')).json().tips[0].reviewOverdue).toBe(true);
    const opened = (await coordinator.get(`/api/tips/${tip.id}`)).json();
    expect(opened.minutesToFirstReview).toBeGreaterThanOrEqual(61);
    expect(opened.reviewOverdue).toBe(false);
    expect(opened.status).toBe('under_review');
  });

  it('records a hotline call with a receipt the caller can use online', async () => {
    const created = await coordinator.post('/api/tips', { channel: 'phone', concernType: 'labor', narrative: 'Caller saw workers locked in', phones: ['713 555 0123'] });
    expect(created.statusCode).toBe(201);
    const { receipt, tip } = created.json();
    expect(tip.channel).toBe('phone');
    const view = await h.app.inject({ method: 'POST', url: '/follow-up', payload: `receipt=${receipt}`, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(view.statusCode).toBe(200);
    expect((await coordinator.post('/api/tips', { channel: 'pigeon', concernType: 'labor' })).statusCode).toBe(400);
  });
});
