import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { PDFDocument } from 'pdf-lib';
import { createTestApp, type TestHaven } from '../../test/test-app.ts';
import { createTestAgency, createTestUser } from '../../test/factories.ts';
import { openSession } from '../../test/sessions.ts';
import type { Agent } from '../../test/agent.ts';
import { multipart, pick } from '../../test/multipart.ts';
import { fixture, jpegStarts, leftovers } from '../../test/fixtures/leftovers.ts';

// Every path that stores a file, checked on the bytes that are stored and handed back to staff.
const FORBIDDEN = ['CANARY', '+12.3456', 'ftyp', 'MicroVideo', 'iPhone', 'Apple', 'MPF', 'Exif', 'xmpmeta', '/JavaScript', '/JS', '/OpenAction', '/EmbeddedFile', '/Author', '/Producer', 'LibreOffice'];

let h: TestHaven;
let coordinator: Agent;
let detective: Agent;
let advocate: Agent;

beforeAll(async () => {
  h = await createTestApp();
  const taskForce = await createTestAgency(h.ctx, { type: 'task_force_coordinator' });
  const police = await createTestAgency(h.ctx, { type: 'law_enforcement' });
  const ngo = await createTestAgency(h.ctx, { type: 'victim_service_provider' });
  coordinator = await openSession(h, await createTestUser(h.ctx, { agencyId: taskForce.id, roles: ['coordinator'] }));
  detective = await openSession(h, await createTestUser(h.ctx, { agencyId: police.id, roles: ['investigator'] }));
  advocate = await openSession(h, await createTestUser(h.ctx, { agencyId: ngo.id, roles: ['victim_advocate'] }));
});
afterAll(async () => h?.close());

const file = (name: string, type: string) => ({ field: 'files', name, type, data: fixture(name) });

describe('files are cleaned on every path that stores them', () => {
  it('portal report and follow-up → stored row → staff download: no canary, motion video, MPO image or PDF script', async () => {
    const form = await h.app.inject({ method: 'GET', url: '/report' });
    const body = multipart({ sid: pick(form.body, /name="sid" value="([^"]+)"/), concern: 'labor', narrative: 'Photos of the van' }, [
      file('motion-photo.jpg', 'image/jpeg'),
      file('iphone-gain-map.mpo', 'image/jpeg'),
      file('office-exiftool.pdf', 'application/pdf'),
    ]);
    const page = await h.app.inject({ method: 'POST', url: '/report', payload: body.payload, headers: body.headers });
    expect(page.statusCode, page.body).toBe(200);
    const receipt = pick(page.body, /<output>([0-9A-Z-]{19})<\/output>/);
    const tip = await h.ctx.db.selectFrom('tips').select('id').orderBy('number', 'desc').limit(1).executeTakeFirstOrThrow();
    const reply = multipart({ receipt, message: 'The schedule and another photo' }, [file('active.pdf', 'application/pdf'), file('appended-second-image.jpg', 'image/jpeg')]);
    const sent = await h.app.inject({ method: 'POST', url: '/follow-up/reply', payload: reply.payload, headers: reply.headers });
    expect(sent.body).toContain('Your message was sent.');

    const rows = await h.ctx.db.selectFrom('tip_attachments').select(['id', 'content_type', 'data']).where('tip_id', '=', tip.id).orderBy('created_at').execute();
    expect(rows.map((r) => r.content_type).sort()).toEqual(['application/pdf', 'application/pdf', 'image/jpeg', 'image/jpeg', 'image/jpeg']);
    for (const row of rows) {
      expect(leftovers(row.data, FORBIDDEN)).toEqual([]);
      const download = await coordinator.get(`/api/tips/${tip.id}/attachments/${row.id}`);
      expect(download.statusCode).toBe(200);
      expect(download.rawPayload.equals(row.data)).toBe(true);
      if (row.content_type === 'image/jpeg') {
        expect(jpegStarts(download.rawPayload)).toBe(1);
        expect((await sharp(download.rawPayload).metadata()).width).toBeGreaterThan(0);
      } else {
        expect((await PDFDocument.load(download.rawPayload, { updateMetadata: false })).getPageCount()).toBe(1);
      }
    }
  });

  it('a case document: a PDF with scripts and a photo with every tag come back clean, the photo at its size', async () => {
    const c = await detective.post('/api/cases', { title: 'Files case', traffickingType: 'labor' });
    expect(c.statusCode, c.body).toBe(201);
    for (const [name, type] of [['active.pdf', 'application/pdf'], ['canary.jpg', 'image/jpeg']] as const) {
      const upload = await detective.post(`/api/cases/${c.json().id}/documents`, { title: name, contentBase64: fixture(name).toString('base64') });
      expect(upload.statusCode, upload.body).toBe(201);
      const stored = await h.ctx.db.selectFrom('case_documents').select('data').where('id', '=', upload.json().id).executeTakeFirstOrThrow();
      expect(leftovers(stored.data, FORBIDDEN)).toEqual([]);
      const download = await detective.get(`/api/cases/${c.json().id}/documents/${upload.json().id}`);
      expect(download.headers['content-type']).toBe(type);
      expect(leftovers(download.rawPayload, FORBIDDEN)).toEqual([]);
      if (type === 'image/jpeg') expect((await sharp(download.rawPayload).metadata()).width).toBe(64);
    }
  });

  it('a survivor document: a PNG with every tag and a sideways portrait come back clean, the portrait upright', async () => {
    const created = await advocate.post('/api/survivors', { identity: { names: ['Files Person'] }, narrative: 'Own account.' });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    for (const name of ['canary.png', 'portrait-orientation-6.jpg']) {
      const view = await advocate.post(`/api/survivors/${id}/documents`, { title: name, contentBase64: fixture(name).toString('base64') });
      expect(view.statusCode, view.body).toBe(201);
    }
    const documents = (await advocate.get(`/api/survivors/${id}`)).json().documents as Array<{ id: string; title: string }>;
    expect(documents).toHaveLength(2);
    for (const doc of documents) {
      const download = await advocate.get(`/api/survivors/${id}/documents/${doc.id}`);
      expect(download.statusCode).toBe(200);
      expect(leftovers(download.rawPayload, FORBIDDEN)).toEqual([]);
      const shown = await sharp(download.rawPayload).metadata();
      expect(shown.exif).toBeUndefined();
      if (doc.title.startsWith('portrait')) expect([shown.width, shown.height]).toEqual([24, 40]);
      else expect([shown.width, shown.height]).toEqual([48, 32]);
    }
  });
});
