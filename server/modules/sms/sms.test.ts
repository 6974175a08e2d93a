import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestHaven } from '../../test/test-app.ts';
import { ALWAYS, DAYTIME, eastOfHouston, seedSafePlaces, setClock, WEDNESDAY_NOON } from '../safe-places/test-support.ts';
import { MAX_REPLY_CHARS } from './sms.reply.ts';
import { escapeXml, twilioSignature, twimlMessage } from './twilio.ts';

const TOKEN = 'twilio-test-auth-token-0123456789';
let h: TestHaven;
let signed: TestHaven;
const logLines: string[] = [];
let restoreClock: () => void;

beforeAll(async () => {
  const logStream = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(chunk.toString());
      done();
    },
  });
  [h, signed] = await Promise.all([createTestApp({ logStream }), createTestApp({ config: { twilioAuthToken: TOKEN } })]);
  for (const haven of [h, signed]) {
    await seedSafePlaces(haven.ctx, [
      { name: 'Fire Station 8', kind: 'fire_station', address: '1919 Houston Ave', ...eastOfHouston(1), hours: ALWAYS, publicPhone: '713-555-0108' },
      { name: 'Central Library', address: '500 McKinney St', ...eastOfHouston(2), hours: DAYTIME, contactPhone: '832-555-0142', contactPhonePublic: true },
      { name: 'Tom & Jerry’s <Safe> "Spot"', kind: 'business', address: '3 Main St', ...eastOfHouston(3), hours: DAYTIME },
      { name: 'Night Owl Youth Center', address: '4 Main St', ...eastOfHouston(0.5), hours: DAYTIME, active: false },
      { name: 'Far Library', ...eastOfHouston(6), hours: DAYTIME, contactPhone: '832-555-0999' },
    ]);
  }
  restoreClock = setClock(h.clock, WEDNESDAY_NOON);
  setClock(signed.clock, WEDNESDAY_NOON);
});
afterAll(async () => {
  restoreClock?.();
  await Promise.all([h?.close(), signed?.close()]);
});

let sender = 0;
/** Each call comes from its own number, so the flood limit only shows where a test wants it. */
const text = (body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  h.app.inject({ method: 'POST', url: '/api/sms/inbound', headers, payload: typeof body === 'string' && headers['content-type'] !== 'application/json' ? body : JSON.stringify(typeof body === 'object' ? { from: `+1713555${String(sender++).padStart(4, '0')}`, ...body } : body) });

describe('text lookup: SAFE <zip>', () => {
  it('answers the three nearest open Safe Places in plain text, nearest first', async () => {
    const reply = await text({ body: 'SAFE 77002' });
    expect(reply.statusCode).toBe(200);
    expect(reply.headers['content-type']).toBe('text/plain; charset=utf-8');
    const lines = reply.body.split('\n');
    expect(lines[0]).toBe('Safe Places open now near Houston, TX 77002:');
    expect(lines[1]).toMatch(/^1\) Fire Station 8, 1919 Houston Ave, 0\.\d mi, open 24h, 713-555-0108$/);
    expect(lines[2]).toMatch(/^2\) Central Library, 500 McKinney St, \d\.\d mi, open until 5pm, 832-555-0142$/);
    expect(lines[3]).toMatch(/^3\) Tom & Jerry’s <Safe> "Spot", 3 Main St, \d\.\d mi, open until 5pm$/);
    expect(lines[4]).toBe('In danger? Call 911.');
    expect(reply.body).not.toContain('Night Owl');
    expect(reply.body).not.toContain('832-555-0999');
    expect(reply.body.length).toBeLessThanOrEqual(MAX_REPLY_CHARS);
  });

  it('understands the ways people write it', async () => {
    for (const body of ['safe 77002', 'Safe: 77002', 'SAFE 77002-1234', '  safe   houston tx ', 'SAFE Houston, Texas', '77002', 'SAFE ７７００２']) {
      const reply = await text({ body });
      expect(reply.body.split('\n')[1], body).toMatch(/^1\) Fire Station 8/);
    }
  });

  it('answers in Spanish to SEGURO', async () => {
    const reply = await text({ body: 'seguro 77002' });
    expect(reply.headers['content-language']).toBe('es');
    expect(reply.body).toContain('Lugares Seguros abiertos cerca de Houston, TX 77002:');
    expect(reply.body).toMatch(/2\) Central Library, .*abierto hasta 17:00/);
    expect(reply.body).toContain('¿En peligro? Llame al 911.');
  });

  it('takes JSON, a form, Twilio-style field names or the bare text', async () => {
    expect((await text('body=SAFE+77002&from=%2B17135550100', { 'content-type': 'application/x-www-form-urlencoded' })).body).toContain('1) Fire Station 8');
    expect((await text('Body=SAFE+77002', { 'content-type': 'application/x-www-form-urlencoded' })).body).toContain('1) Fire Station 8');
    expect((await text('SAFE 77002', { 'content-type': 'text/plain' })).body).toContain('1) Fire Station 8');
  });
});

describe('text lookup: anything else gets a helpful reply', () => {
  it('explains itself to HELP and AYUDA, and to words it does not know, in both languages', async () => {
    expect((await text({ body: 'HELP' })).body).toMatch(/^To find a Safe Place open now, text SAFE and your ZIP code/);
    expect((await text({ body: 'ayuda' })).body).toMatch(/^Para encontrar un Lugar Seguro/);
    for (const body of ['hello', '', '   ', 'SAFE', '🙂', 'STOP PLEASE']) {
      const reply = await text({ body });
      expect(reply.statusCode, body).toBe(200);
      expect(reply.body, body).toMatch(/SAFE|SEGURO/);
      expect(reply.body, body).toContain('911');
    }
  });

  it('says when it cannot find the place, repeating a plain name but never markup', async () => {
    expect((await text({ body: 'SAFE 99999' })).body).toMatch(/^We could not find "99999"\. Text SAFE and a 5-digit ZIP code/);
    expect((await text({ body: 'SAFE Xyzzyville' })).body).toContain('"Xyzzyville"');
    const hostile = await text({ body: 'SAFE <script>alert(1)</script>' });
    expect(hostile.statusCode).toBe(200);
    expect(hostile.body).toMatch(/^We could not find that place\./);
    expect(hostile.body).not.toContain('<script>');
  });

  it('answers nothing-open-near with the hotline', async () => {
    const reply = await text({ body: 'SAFE 99501' });
    expect(reply.body).toContain('No Safe Place is open now within 100 miles of Anchorage, AK 99501');
    expect(reply.body).toContain('1-888-373-7888');
  });

  it('strips control, bidirectional and invisible characters, and survives any unicode', async () => {
    const reply = await text({ body: 'S\u0000A\u0007FE\u202e 7\u200b7002\uFEFF' });
    expect(reply.statusCode).toBe(200);
    for (const body of ['\u0000'.repeat(100), '\uD800', 'SAFE \uDFFF', 'ＳＡＦＥ 77002', 'SAFE 𝟕𝟕𝟎𝟎𝟐', '\u{1F600}'.repeat(1000), 'é'.repeat(5000)]) {
      const answer = await text({ body });
      expect(answer.statusCode, JSON.stringify(body.slice(0, 10))).toBe(200);
      expect(answer.body.length).toBeLessThanOrEqual(MAX_REPLY_CHARS);
      // eslint-disable-next-line no-control-regex
      expect(answer.body).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u202E\u200B]/);
    }
  });

  it('answers a huge, malformed or strangely typed request with the usage in plain text, never an error page', async () => {
    const huge = await text({ body: `SAFE 77002 ${'x'.repeat(200_000)}` });
    expect(huge.statusCode).toBe(413);
    expect(huge.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(huge.body).toMatch(/SAFE/);
    for (const [payload, type] of [
      ['{"body": ', 'application/json'],
      ['123', 'application/json'],
      ['[1, 2]', 'application/json'],
      ['{"body": 42}', 'application/json'],
      ['<xml/>', 'application/xml'],
    ]) {
      const reply = await h.app.inject({ method: 'POST', url: '/api/sms/inbound', headers: { 'content-type': type! }, payload });
      expect(reply.statusCode, payload).toBeGreaterThanOrEqual(400);
      expect(reply.statusCode, payload).toBeLessThan(500);
      expect(reply.headers['content-type'], payload).toBe('text/plain; charset=utf-8');
      expect(reply.body, payload).toMatch(/SAFE/);
    }
  });

  it('slows down one number sending a flood, without slowing anyone else', async () => {
    const from = '+17135559876';
    const answers = [];
    for (let i = 0; i < 22; i++) answers.push((await text({ body: 'SAFE 77002', from })).body);
    expect(answers[0]).toContain('1) Fire Station 8');
    expect(answers[21]).toMatch(/^Too many messages/);
    expect((await text({ body: 'SAFE 77002', from: '+17135551234' })).body).toContain('1) Fire Station 8');
  });
});

describe('Twilio webhook', () => {
  const twilioForm = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
  const post = (haven: TestHaven, fields: Record<string, string>, headers: Record<string, string> = {}) =>
    haven.app.inject({ method: 'POST', url: '/api/sms/twilio', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, payload: twilioForm(fields) });
  const fields = (body: string) => ({ MessageSid: 'SM0123456789abcdef0123456789abcdef', AccountSid: 'AC0123456789abcdef0123456789abcdef', From: '+17135550111', To: '+17135550000', Body: body, NumMedia: '0' });

  it('computes the signature as Twilio documents it', () => {
    const params = { CallSid: 'CA1234567890ABCDE', Caller: '+12349013030', Digits: '1234', From: '+12349013030', To: '+18005551212' };
    expect(twilioSignature('12345', 'https://mycompany.com/myapp.php?foo=1&bar=2', params)).toBe('0/KCTR6DLpKmkAf8muzZqo1nDgQ=');
  });

  it('answers a signed message with TwiML', async () => {
    const body = fields('SAFE 77002');
    const reply = await post(signed, body, { 'x-twilio-signature': twilioSignature(TOKEN, 'http://haven.test/api/sms/twilio', body) });
    expect(reply.statusCode).toBe(200);
    expect(reply.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(reply.body).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?><Response><Message>Safe Places open now near Houston, TX 77002:\n1\) Fire Station 8/);
    expect(reply.body).toContain('3) Tom &amp; Jerry’s &lt;Safe&gt; &quot;Spot&quot;');
    expect(reply.body.match(/<Message>/g)).toHaveLength(1);
  });

  it('refuses a missing or wrong signature when an auth token is configured', async () => {
    const body = fields('SAFE 77002');
    expect((await post(signed, body)).statusCode).toBe(403);
    expect((await post(signed, body, { 'x-twilio-signature': twilioSignature('another-token-0123456789', 'http://haven.test/api/sms/twilio', body) })).statusCode).toBe(403);
    const tampered = await post(signed, { ...body, Body: 'SAFE 10001' }, { 'x-twilio-signature': twilioSignature(TOKEN, 'http://haven.test/api/sms/twilio', body) });
    expect(tampered.statusCode).toBe(403);
  });

  it('keeps hostile text out of the XML', async () => {
    for (const attack of [']]></Message><Message>owned', '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>&e;', 'SAFE </Message></Response><Response><Redirect>http://evil.example</Redirect>', 'SAFE \u0000\u0001\uFFFE']) {
      const reply = await post(h, fields(attack));
      expect(reply.statusCode, attack).toBe(200);
      expect(reply.body.match(/<Message>/g), attack).toHaveLength(1);
      expect(reply.body.match(/<\/Response>/g), attack).toHaveLength(1);
      expect(reply.body, attack).not.toContain('<Redirect>');
      expect(reply.body, attack).not.toContain('<!DOCTYPE');
    }
    expect(escapeXml('a\u0000b\uFFFEc<&>"\'')).toBe('abc&lt;&amp;&gt;&quot;&apos;');
    expect(twimlMessage('x')).toBe('<?xml version="1.0" encoding="UTF-8"?><Response><Message>x</Message></Response>');
  });

  it('answers a too-large request in TwiML', async () => {
    const reply = await post(h, fields(`SAFE 77002 ${'y'.repeat(100_000)}`));
    expect(reply.statusCode).toBe(413);
    expect(reply.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(reply.body).toMatch(/^<\?xml[^>]*\?><Response><Message>Text SAFE/);
  });
});

describe('privacy of people who text', () => {
  it('keeps no sender number or message in the database or the logs', async () => {
    await text({ body: 'SAFE 77002 canary-message-text', from: '+1 (713) 555-0177' });
    await h.app.inject({ method: 'POST', url: '/api/sms/twilio', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ From: '+17135550188', Body: 'SAFE canary-twilio-text' }).toString() });
    const columns = await sql<{ table_name: string; column_name: string }>`
      select table_name, column_name from information_schema.columns
      where table_schema = 'public' and data_type in ('text', 'jsonb', 'json', 'character varying')`.execute(h.ctx.db);
    const stored: string[] = [];
    for (const c of columns.rows) {
      const rows = await sql<{ v: string | null }>`select ${sql.ref(c.column_name)}::text as v from ${sql.table(c.table_name)}`.execute(h.ctx.db);
      for (const r of rows.rows) if (r.v) stored.push(r.v);
    }
    // Ids and hashes are random hex and may hold a run of the same digits by chance: they are left out.
    const everything = `${stored.join('\n')}\n${logLines.join('')}`.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{32,}/g, '');
    for (const secret of ['5550177', '555-0177', '5550188', 'canary-message-text', 'canary-twilio-text']) expect(everything).not.toContain(secret);
    expect(logLines.join('')).toContain('"route":"/api/sms/inbound"');
  });
});
