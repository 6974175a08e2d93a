import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestHaven } from '../../test/test-app.ts';
import { multipart, pick } from '../../test/multipart.ts';

let h: TestHaven;
beforeAll(async () => {
  h = await createTestApp();
});
afterAll(async () => h.close());

/** Every field of the report form a person types into, with a value that is valid once cleaned. */
const TYPED_FIELDS: Record<string, string> = {
  narrative: 'Workers sleep in the kitchen',
  address: '500 McKinney St',
  city: 'Houston',
  zip: '77002',
  business: 'Golden Spa',
  occurred_text: 'Every Friday night',
  p1_desc: 'Tall man, red cap',
  p1_age: '35',
  p2_desc: 'Young woman',
  p2_age: '17',
  p3_desc: 'Driver',
  p3_age: '50',
  v1_plate: 'ABC1234',
  v1_state: 'TX',
  v1_desc: 'White van',
  v2_plate: 'XYZ987',
  v2_state: 'LA',
  v2_desc: 'Blue sedan',
  phones: '(713) 555-0147',
  emails: 'boss@example.com',
  online: 'https://example.com/ad/1',
  contact_name: 'Ana',
  contact_phone: '713-555-0199',
  contact_email: 'ana@example.com',
  contact_safe: 'Evenings',
};

/** Breaks a value as a broken app would: a NUL and a control character inside it, and half an emoji on the free text. */
const broken = (name: string, value: string) => {
  const middle = Math.ceil(value.length / 2);
  const tail = ['narrative', 'business', 'occurred_text', 'p1_desc', 'v1_desc', 'contact_safe', 'city', 'address'].includes(name) ? '\uD83D' : '';
  return `${value.slice(0, middle)}\u0000\u0007${value.slice(middle)}${tail}`;
};

async function sid(): Promise<string> {
  return pick((await h.app.inject({ method: 'GET', url: '/report' })).body, /name="sid" value="([^"]+)"/);
}

describe('text pasted from a broken app into the public portal', () => {
  it('keeps a report whose every typed field holds NUL, control characters and half an emoji, cleaned, with a receipt', async () => {
    for (const encoding of ['multipart', 'urlencoded'] as const) {
      // A different narrative each time: the same report twice within minutes is taken as resent (decision 005).
      const typed = { ...TYPED_FIELDS, narrative: `${TYPED_FIELDS.narrative} (${encoding})` };
      const fields = Object.fromEntries(Object.entries(typed).map(([name, value]) => [name, broken(name, value)]));
      const form = { ...fields, sid: await sid(), concern: 'labor', danger: 'no', contact_choice: 'share', c: 'SPRING\u000026' };
      const body = encoding === 'multipart' ? multipart(form) : { payload: new URLSearchParams(form).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } };
      const page = await h.app.inject({ method: 'POST', url: '/report', payload: body.payload, headers: body.headers });
      expect(page.statusCode, `${encoding}: ${page.body.slice(0, 300)}`).toBe(200);
      expect(page.body).toMatch(/<output>[0-9A-Z-]{19}<\/output>/);
      expect(page.body).toContain('Nothing you wrote was lost');
      const tip = await h.ctx.db
        .selectFrom('tips')
        .select(['id', 'narrative', 'location_address', 'location_city', 'location_zip', 'business_name', 'occurred_text', 'people', 'vehicles', 'campaign_code'])
        .orderBy('number', 'desc')
        .limit(1)
        .executeTakeFirstOrThrow();
      expect(tip).toMatchObject({
        narrative: `Workers sleep in the kitchen (${encoding})\uFFFD`,
        location_address: '500 McKinney St\uFFFD',
        location_city: 'Houston\uFFFD',
        location_zip: '77002',
        business_name: 'Golden Spa\uFFFD',
        occurred_text: 'Every Friday night\uFFFD',
        campaign_code: 'SPRING26',
      });
      expect(JSON.stringify(tip.people)).toContain('Tall man, red cap\uFFFD');
      expect(JSON.stringify(tip.people)).toContain('"approxAge":17');
      expect(JSON.stringify(tip.vehicles)).toContain('White van');
      expect(JSON.stringify(tip)).not.toMatch(/\\u000[07]/);
    }
  });

  it('keeps a follow-up reply holding NUL and half an emoji, cleaned', async () => {
    const first = await h.app.inject({ method: 'POST', url: '/report', ...urlencoded({ sid: await sid(), concern: 'labor' }) });
    const receipt = pick(first.body, /<output>([0-9A-Z-]{19})<\/output>/);
    const reply = multipart({ receipt, message: 'Every\u0000 Friday \uDE00night' });
    const thread = await h.app.inject({ method: 'POST', url: '/follow-up/reply', payload: reply.payload, headers: reply.headers });
    expect(thread.statusCode, thread.body.slice(0, 300)).toBe(200);
    const stored = await h.ctx.db.selectFrom('tip_messages').select('body').where('direction', '=', 'from_reporter').orderBy('created_at', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(stored.body).toBe('Every Friday \uFFFDnight');
  });

  it('answers the Safe Places finder and the follow-up page, not an error, when the query holds NUL', async () => {
    for (const url of ['/safe-places?q=770%0002', '/report?c=A%00B&lang=e%00s', '/?lang=%00', '/follow-up?lang=%ED%A0%80']) {
      const page = await h.app.inject({ method: 'GET', url });
      expect(page.statusCode, url).toBeLessThan(500);
    }
    const lookup = await h.app.inject({ method: 'POST', url: '/follow-up', ...urlencoded({ receipt: 'ABCD-\u0000EFGH' }) });
    expect(lookup.statusCode).toBe(404);
  });
});

function urlencoded(fields: Record<string, string>) {
  return { payload: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } };
}
