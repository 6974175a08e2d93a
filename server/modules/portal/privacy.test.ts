import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestHaven } from '../../test/test-app.ts';
import { multipart, pick } from '../../test/multipart.ts';
import { jpegWithGps } from '../../test/fixtures/files.ts';

const IP = '198.51.100.77';
const FORWARDED = '192.0.2.201';
const AGENT = 'Mozilla/5.0 (DistinctiveTestPhone 9000; Build/HAVEN-UA-CANARY)';

let h: TestHaven;
const logLines: string[] = [];

beforeAll(async () => {
  const logStream = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(chunk.toString());
      done();
    },
  });
  h = await createTestApp({ logStream });
});
afterAll(async () => h.close());

/** Every text, JSON and bytea value in every table, as one string to search. */
async function everythingStored(): Promise<string> {
  const columns = await sql<{ table_name: string; column_name: string }>`
    select table_name, column_name from information_schema.columns
    where table_schema = 'public' and data_type in ('text', 'jsonb', 'json', 'bytea', 'character varying', 'inet')`.execute(h.ctx.db);
  const parts: string[] = [];
  for (const c of columns.rows) {
    const rows = await sql<{ v: string | null }>`select ${sql.ref(c.column_name)}::text as v from ${sql.table(c.table_name)}`.execute(h.ctx.db);
    for (const r of rows.rows) if (r.v) parts.push(r.v, Buffer.from(r.v.replace(/^\\x/, ''), 'hex').toString('latin1'));
  }
  return parts.join('\n');
}

describe('reporter privacy', () => {
  it('keeps no IP address or user agent of a reporter in the database or the logs', async () => {
    const headers = { 'user-agent': AGENT, 'x-forwarded-for': FORWARDED, 'x-real-ip': FORWARDED, 'accept-language': 'es' };
    const form = await h.app.inject({ method: 'GET', url: '/report?c=RADIO1', headers, remoteAddress: IP });
    const body = multipart({ sid: pick(form.body, /name="sid" value="([^"]+)"/), concern: 'labor', narrative: 'privacy canary report', c: 'RADIO1' }, [
      { field: 'files', name: `${IP}.jpg`, type: 'image/jpeg', data: jpegWithGps() },
    ]);
    const submitted = await h.app.inject({ method: 'POST', url: '/report?c=RADIO1', payload: body.payload, headers: { ...headers, ...body.headers }, remoteAddress: IP });
    const receipt = pick(submitted.body, /<output>([0-9A-Z-]{19})<\/output>/);
    await h.app.inject({ method: 'POST', url: '/follow-up', payload: `receipt=${receipt}`, headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' }, remoteAddress: IP });
    await h.app.inject({ method: 'POST', url: '/follow-up', payload: 'receipt=ZZZZ-ZZZZ-ZZZZ-ZZZZ', headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' }, remoteAddress: IP });

    const stored = await everythingStored();
    expect(stored).toContain('privacy canary report');
    for (const secret of [IP, FORWARDED, 'DistinctiveTestPhone', 'HAVEN-UA-CANARY', receipt, receipt.replace(/-/g, '')]) {
      expect(stored).not.toContain(secret);
    }
    const logs = logLines.join('');
    expect(logs).toContain('"route":"/report"');
    for (const secret of [IP, FORWARDED, 'DistinctiveTestPhone', 'RADIO1', receipt, 'privacy canary']) {
      expect(logs).not.toContain(secret);
    }
  });
});
