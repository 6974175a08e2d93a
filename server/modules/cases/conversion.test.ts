import { createHash } from 'node:crypto';
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
let advocate: Agent;

beforeAll(async () => {
  h = await createTestApp();
  police = await createTestAgency(h.ctx, { type: 'law_enforcement' });
  sheriff = await createTestAgency(h.ctx, { type: 'law_enforcement', name: 'Conversion Sheriff' });
  detective = await openSession(h, await createTestUser(h.ctx, { agencyId: police.id, roles: ['investigator'] }));
  deputy = await openSession(h, await createTestUser(h.ctx, { agencyId: sheriff.id, roles: ['investigator'] }));
  advocate = await openSession(h, await createTestUser(h.ctx, { agencyId: (await createTestAgency(h.ctx, { type: 'victim_service_provider' })).id, roles: ['victim_advocate'] }));
});
afterAll(async () => h.close());

describe('opening a case from a tip', () => {
  it('carries the report, identifiers and files over, links both ways and checks every agency at once', async () => {
    // Another agency already has the phone in one of its cases.
    const theirs = (await deputy.post('/api/cases', { title: 'Sheriff case', traffickingType: 'labor' })).json();
    await deputy.post(`/api/cases/${theirs.id}/entities`, { entity: { kind: 'phone', number: '281-555-0123' } });

    const created = await detective.post('/api/tips', {
      channel: 'phone',
      concernType: 'labor',
      narrative: 'Workers sleep at the restaurant and are driven to the farm at dawn.',
      locationAddress: '4500 North Shepherd Drive',
      businessName: 'Golden Dragon Buffet',
      phones: ['(281) 555-0123', 'not a phone'],
      emails: ['Boss@Example.com'],
      online: ['@goldendragon_jobs'],
      vehicles: [{ plate: 'KTX-4455', state: 'tx', description: 'white van' }],
      people: [{ description: 'girl, about 15', approxAge: 15 }, { description: 'driver with a scar', approxAge: 40 }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const tipId = created.json().tip.id as string;
    const data = Buffer.from('%PDF-1.4 converted');
    await h.ctx.db.insertInto('tip_attachments').values({ tip_id: tipId, content_type: 'application/pdf', byte_size: data.length, sha256: createHash('sha256').update(data).digest('hex'), data }).execute();

    const opened = await detective.post('/api/cases/from-tip', { tipId });
    expect(opened.statusCode, opened.body).toBe(201);
    const c = opened.json();
    expect(c.traffickingType).toBe('labor');
    expect(c.title).toContain('Golden Dragon Buffet');
    expect(c.detail.summary).toContain('driven to the farm');
    expect(c.detail.sourceTip).toEqual({ id: tipId, number: created.json().tip.number });
    expect(c.detail.documents).toEqual([expect.objectContaining({ source: 'tip', contentType: 'application/pdf' })]);
    expect(c.detail.notes[0].body).toContain('not a phone');
    const kinds = c.detail.entities.map((e: { entity: { kind: string } }) => e.entity.kind).sort();
    expect(kinds).toEqual(['email', 'location', 'online_account', 'organization', 'person', 'person', 'phone', 'vehicle']);
    const girl = c.detail.entities.find((e: { entity: { estimatedAge: number | null } }) => e.entity.estimatedAge === 15);
    expect(girl.role).toBe('potential_victim');
    expect(c.counts.potentialVictims).toBe(1);
    const ids = c.detail.entities.flatMap((e: { entity: { identifiers: Array<{ value: string }> } }) => e.entity.identifiers.map((i) => i.value));
    expect(ids).toEqual(expect.arrayContaining(['+12815550123', 'boss@example.com', 'goldendragon_jobs', 'TX:KTX4455', '4500 N SHEPHERD DR']));

    // The tip shows its case; the other agency's case was found at once.
    expect((await detective.get(`/api/tips/${tipId}`)).json().links).toEqual([{ targetType: 'case', targetId: c.id }]);
    const hit = await h.ctx.db.selectFrom('deconfliction_hits').select('matched_kinds').where((eb) => eb.or([eb('case_a_id', '=', c.id), eb('case_b_id', '=', c.id)])).execute();
    expect(hit).toEqual([{ matched_kinds: ['phone'] }]);
    const timeline = (await detective.get(`/api/cases/${c.id}/timeline`)).json().events.map((e: { kind: string }) => e.kind);
    expect(timeline).toContain('tip.converted');
    expect(timeline).toContain('deconfliction.hit');

    // Once only.
    expect((await detective.post('/api/cases/from-tip', { tipId })).statusCode).toBe(409);
  });

  it('refuses a tip outside the agency, and roles that do not open cases', async () => {
    const tip = await deputy.post('/api/tips', { channel: 'phone', concernType: 'sex', narrative: 'Sheriff tip' });
    expect((await detective.post('/api/cases/from-tip', { tipId: tip.json().tip.id })).statusCode).toBe(404);
    expect((await advocate.post('/api/cases/from-tip', { tipId: tip.json().tip.id })).statusCode).toBe(404);
    const own = await advocate.post('/api/tips', { channel: 'phone', concernType: 'sex', narrative: 'Advocate tip' });
    expect((await advocate.post('/api/cases/from-tip', { tipId: own.json().tip.id })).statusCode).toBe(403);
    expect((await detective.post('/api/cases/from-tip', { tipId: 'nope' })).statusCode).toBe(400);
  });
});
