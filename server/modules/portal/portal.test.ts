import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import exifr from 'exifr';
import { createTestApp, type TestHaven } from '../../test/test-app.ts';
import { multipart, pick } from '../../test/multipart.ts';
import { jpegWithGps } from '../../test/fixtures/files.ts';

let h: TestHaven;
beforeAll(async () => {
  h = await createTestApp();
});
afterAll(async () => h.close());

async function openForm(query = '') {
  const page = await h.app.inject({ method: 'GET', url: `/report${query}` });
  return { html: page.body, sid: pick(page.body, /name="sid" value="([^"]+)"/) };
}

const submit = (fields: Record<string, string>, files: Parameters<typeof multipart>[1] = [], headers: Record<string, string> = {}) => {
  const body = multipart(fields, files);
  return h.app.inject({ method: 'POST', url: '/report', payload: body.payload, headers: { ...body.headers, ...headers } });
};

const tipCount = async () => Number((await h.ctx.db.selectFrom('tips').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

describe('public portal pages', () => {
  it('serves every page in English and Spanish with no script, font or style from anywhere else', async () => {
    for (const url of ['/', '/report', '/follow-up', '/get-help', '/privacy']) {
      const en = await h.app.inject({ method: 'GET', url });
      const es = await h.app.inject({ method: 'GET', url, headers: { 'accept-language': 'es-MX,es;q=0.9' } });
      expect(en.statusCode).toBe(200);
      expect(en.body).toContain('<html lang="en">');
      expect(es.body).toContain('<html lang="es">');
      expect(en.body).toContain('Quick exit');
      expect(es.body).toContain('Salida rápida');
      expect(en.body).toContain('tel:911');
      expect(en.body).toContain('1-888-373-7888');
      expect(en.body).not.toMatch(/<script(?![^>]*\bsrc="\/portal\/portal\.js")/);
      expect(en.body).not.toMatch(/(src|href)="https?:\/\/(?!www\.weather\.gov)/);
      expect(en.headers['content-security-policy']).toContain("script-src 'self'");
      expect(en.headers['set-cookie']).toBeUndefined();
    }
    const switched = await h.app.inject({ method: 'GET', url: '/get-help?lang=es' });
    expect(switched.body).toContain('Obtener ayuda ahora');
  });

  it('keeps the report page under 50 KB on the wire with its CSS and script', async () => {
    const sizes = await Promise.all(['/report', '/portal/portal.css', '/portal/portal.js'].map(async (url) => (await h.app.inject({ method: 'GET', url })).rawPayload.length));
    const total = sizes.reduce((a, b) => a + b, 0);
    expect(total).toBeLessThan(50 * 1024);
  });
});

describe('reporting', () => {
  it('takes a Spanish report with a photo, strips its GPS position and gives a receipt once', async () => {
    const { sid } = await openForm('?lang=es&c=spring26');
    const before = await tipCount();
    const fields = { sid, lang: 'es', c: 'SPRING26', concern: 'labor', narrative: 'Trabajadores duermen en la cocina', danger: 'no', phones: '(713) 555-0147', zip: '77002' };
    const first = await submit(fields, [{ field: 'files', name: 'foto.jpg', type: 'image/jpeg', data: jpegWithGps() }]);
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('Su comprobante');
    const receipt = pick(first.body, /<output>([0-9A-Z-]{19})<\/output>/);
    const again = await submit(fields, [{ field: 'files', name: 'foto.jpg', type: 'image/jpeg', data: jpegWithGps() }]);
    expect(pick(again.body, /<output>([0-9A-Z-]{19})<\/output>/)).toBe(receipt);
    expect(again.body).toContain('No se envió dos veces');
    expect(await tipCount()).toBe(before + 1);
    const tip = await h.ctx.db.selectFrom('tips').select(['id', 'campaign_code', 'heard_via', 'language', 'receipt_hash']).where('campaign_code', '=', 'SPRING26').executeTakeFirstOrThrow();
    expect(tip).toMatchObject({ campaign_code: 'SPRING26', heard_via: 'campaign', language: 'es' });
    expect(tip.receipt_hash?.toString('utf8')).not.toContain(receipt);
    const file = await h.ctx.db.selectFrom('tip_attachments').select('data').where('tip_id', '=', tip.id).executeTakeFirstOrThrow();
    expect(await exifr.parse(file.data, { gps: true }).catch(() => undefined)).toBeUndefined();
    const phone = await h.ctx.db.selectFrom('tip_identifiers').select('value').where('tip_id', '=', tip.id).where('kind', '=', 'phone').executeTakeFirstOrThrow();
    expect(phone.value).toBe('+17135550147');
  });

  it('marks a report urgent and shows emergency guidance when someone is in danger', async () => {
    const { sid } = await openForm();
    const page = await submit({ sid, concern: 'sex', danger: 'yes' });
    expect(page.body).toContain('You said someone is in immediate danger');
    const tip = await h.ctx.db.selectFrom('tips').select(['priority', 'immediate_danger']).orderBy('number', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(tip).toEqual({ priority: 'urgent', immediate_danger: true });
  });

  it('asks again, keeping the answers, when the required question is missing, and stores nothing', async () => {
    const { sid } = await openForm();
    const before = await tipCount();
    const page = await submit({ sid, narrative: 'I saw a van every night' });
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('Please check your report');
    expect(page.body).toContain('I saw a van every night');
    expect(await tipCount()).toBe(before);
  });

  it('refuses hostile input with a page that says what to fix, and half-writes nothing', async () => {
    const before = await tipCount();
    const tooLong = await submit({ sid: (await openForm()).sid, concern: 'unsure', narrative: 'x'.repeat(20_001) });
    expect(tooLong.statusCode).toBe(400);
    const wrongType = await submit({ sid: (await openForm()).sid, concern: 'unsure' }, [{ field: 'files', name: 'photo.jpg', type: 'image/jpeg', data: Buffer.from('<script>alert(1)</script>') }]);
    expect(wrongType.statusCode).toBe(415);
    expect(wrongType.body).toContain('Only photos (JPEG, PNG, WebP) and PDF documents');
    const photo = { field: 'files', name: 'a.jpg', type: 'image/jpeg', data: jpegWithGps() };
    const tooMany = await submit({ sid: (await openForm()).sid, concern: 'unsure' }, [photo, photo, photo, photo, photo, photo]);
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.body).toContain('at most 5 files');
    const badZip = await submit({ sid: (await openForm()).sid, concern: 'unsure', zip: "77002' OR 1=1 --" });
    expect(badZip.statusCode).toBe(400);
    expect(await tipCount()).toBe(before);
  });

  it('stores a script typed into the report as text and never renders it as markup', async () => {
    const { sid } = await openForm();
    const page = await submit({ sid, concern: 'unsure', narrative: '<script>alert("x")</script><img src=x onerror=alert(1)>' });
    const receipt = pick(page.body, /<output>([0-9A-Z-]{19})<\/output>/);
    const stored = await h.ctx.db.selectFrom('tips').select('narrative').orderBy('number', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(stored.narrative).toBe('<script>alert("x")</script><img src=x onerror=alert(1)>');
    const reply = multipart({ receipt, message: '<script>alert(2)</script>' });
    const thread = await h.app.inject({ method: 'POST', url: '/follow-up/reply', payload: reply.payload, headers: reply.headers });
    expect(thread.body).toContain('&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(thread.body).not.toContain('<script>alert(2)');
  });

  it('keeps nothing when the hidden honeypot field is filled', async () => {
    const before = await tipCount();
    const page = await submit({ sid: (await openForm()).sid, concern: 'unsure', website: 'http://spam.example' });
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('<output>');
    expect(await tipCount()).toBe(before);
  });
});

describe('follow-up with a receipt', () => {
  it('shows the status and the task force’s question, and takes an answer with a file', async () => {
    const { sid } = await openForm();
    const receipt = pick((await submit({ sid, concern: 'labor' })).body, /<output>([0-9A-Z-]{19})<\/output>/);
    const tip = await h.ctx.db.selectFrom('tips').select('id').orderBy('number', 'desc').limit(1).executeTakeFirstOrThrow();
    await h.ctx.db.insertInto('tip_messages').values({ tip_id: tip.id, direction: 'to_reporter', body: 'Which days do you see the van?' }).execute();
    await h.ctx.db.insertInto('tip_notes').values({ tip_id: tip.id, author_user_id: (await anyUserId()), body: 'INTERNAL ONLY note' }).execute();
    const typed = receipt.toLowerCase().replace(/-/g, ' ');
    const view = await h.app.inject({ method: 'POST', url: '/follow-up', payload: `receipt=${encodeURIComponent(typed)}`, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(view.statusCode).toBe(200);
    expect(view.body).toContain('Received');
    expect(view.body).toContain('Which days do you see the van?');
    expect(view.body).not.toContain('INTERNAL ONLY');
    const answer = multipart({ receipt, message: 'Every Friday night' }, [{ field: 'files', name: 'van.jpg', type: 'image/jpeg', data: jpegWithGps() }]);
    const after = await h.app.inject({ method: 'POST', url: '/follow-up/reply', payload: answer.payload, headers: answer.headers });
    expect(after.body).toContain('Your message was sent.');
    expect(after.body).toContain('Every Friday night');
    const files = await h.ctx.db.selectFrom('tip_attachments').select('message_id').where('tip_id', '=', tip.id).execute();
    expect(files.filter((f) => f.message_id !== null)).toHaveLength(1);
  });

  it('answers a wrong receipt plainly and slows down repeated guessing', async () => {
    const wrong = () => h.app.inject({ method: 'POST', url: '/follow-up', payload: 'receipt=AAAA-BBBB-CCCC-DDDD', headers: { 'content-type': 'application/x-www-form-urlencoded' }, remoteAddress: '203.0.113.9' });
    expect((await wrong()).statusCode).toBe(404);
    for (let i = 0; i < 10; i++) await wrong();
    const limited = await wrong();
    expect(limited.statusCode).toBe(429);
    expect(limited.body).toContain('Too many attempts');
  });
});

async function anyUserId(): Promise<string> {
  const agency = await h.ctx.db.insertInto('agencies').values({ name: `Notes agency ${Date.now()}`, type: 'task_force_coordinator' }).returning('id').executeTakeFirstOrThrow();
  const user = await h.ctx.db.insertInto('users').values({ agency_id: agency.id, email: `notes.${Date.now()}@agency.test`, display_name: 'Note writer', password_hash: null }).returning('id').executeTakeFirstOrThrow();
  return user.id;
}

describe('unknown pages', () => {
  it('answers a browser with a page in its language and an API client with the JSON error', async () => {
    const page = await h.app.inject({ method: 'GET', url: '/no-such-page', headers: { accept: 'text/html', 'accept-language': 'es' } });
    expect(page.statusCode).toBe(404);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('Página no encontrada');
    const api = await h.app.inject({ method: 'GET', url: '/api/no-such-thing', headers: { accept: 'text/html' } });
    expect(api.json().error.code).toBe('route_not_found');
  });
});

describe('the same report sent again from a reloaded form', () => {
  it('is not stored twice and does not show the first receipt again', async () => {
    const fields = { concern: 'sex', narrative: 'Ads for the Orchid salon show new young women every week.' };
    const before = await tipCount();
    const first = await submit({ sid: (await openForm()).sid, ...fields });
    expect(first.body).toContain('<output>');
    const again = await submit({ sid: (await openForm()).sid, ...fields });
    expect(again.statusCode).toBe(200);
    expect(again.body).toContain('it was not sent again');
    expect(again.body).not.toContain('<output>');
    expect(await tipCount()).toBe(before + 1);
  });

  it('keeps two minimal reports from different people apart', async () => {
    const before = await tipCount();
    await submit({ sid: (await openForm()).sid, concern: 'unsure' });
    await submit({ sid: (await openForm()).sid, concern: 'unsure' });
    expect(await tipCount()).toBe(before + 2);
  });
});

describe('form errors in the visitor’s language', () => {
  it('explains a missing concern and a bad ZIP code in Spanish', async () => {
    const page = await submit({ sid: (await openForm('?lang=es')).sid, lang: 'es', zip: '7700' });
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('Elija qué tipo de preocupación es');
    expect(page.body).toContain('Escriba un código postal de 5 dígitos');
    expect(page.body).not.toContain('Choose what kind');
  });
});
