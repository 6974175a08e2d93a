import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestHaven } from '../../test/test-app.ts';
import { createTestAgency, createTestUser, type TestUser } from '../../test/factories.ts';
import { currentCode } from '../../test/agent.ts';

// What a client could be traced by. None of it may reach a log line or a table.
const FORWARDED_FOR = '203.0.113.77';
const REMOTE_ADDRESS = '198.51.100.23';
const USER_AGENT = 'Mozilla/5.0 (HavenTraceProbe; distinctive-agent-7731)';
const QUERY_VALUE = 'needle-query-5521';
const BODY_VALUE = 'needle-body-6632';

let h: TestHaven;
let user: TestUser;
const lines: string[] = [];
/** Session and CSRF tokens handed out during the test. */
const tokens: string[] = [];

beforeAll(async () => {
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  h = await createTestApp({ logStream });
  const agency = await createTestAgency(h.ctx, { type: 'task_force_coordinator' });
  user = await createTestUser(h.ctx, { agencyId: agency.id, roles: ['taskforce_admin'] });
});
afterAll(async () => h.close());

const clientHeaders = { 'x-forwarded-for': FORWARDED_FOR, 'x-real-ip': FORWARDED_FOR, 'user-agent': USER_AGENT, forwarded: `for=${FORWARDED_FOR}` };

/** Calls the app as a browser behind a proxy would, keeping the session it is given. */
function client() {
  let cookie = '';
  let csrf = '';
  return async (method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown) => {
    const response = await h.app.inject({
      method,
      url,
      remoteAddress: REMOTE_ADDRESS,
      headers: { ...clientHeaders, ...(cookie ? { cookie: `haven_session=${cookie}` } : {}), ...(csrf && method !== 'GET' ? { 'x-csrf-token': csrf } : {}) },
      ...(body !== undefined ? { payload: body as Record<string, unknown> } : {}),
    });
    const set = response.cookies.find((c) => c.name === 'haven_session');
    if (set?.value) tokens.push((cookie = set.value));
    const parsed = response.headers['content-type']?.toString().startsWith('application/json') ? response.json() : null;
    if (parsed && typeof parsed.csrfToken === 'string') tokens.push((csrf = parsed.csrfToken));
    return response;
  };
}

describe('what Haven keeps about a client', () => {
  it('writes no address, user agent, query string, body value or token to the log', async () => {
    const call = client();
    expect((await call('POST', '/api/auth/login', { email: user.email, password: 'a wrong password 1' })).statusCode).toBe(401);
    h.clock.advance(5_000); // a person retyping: an attempt on the heels of a failure is not taken
    expect((await call('POST', '/api/auth/login', { email: user.email, password: user.password })).statusCode).toBe(200);
    expect((await call('POST', '/api/auth/mfa/verify', { code: currentCode(user.totpSecret!, h.clock) })).statusCode).toBe(200);
    expect((await call('GET', `/api/users?q=${QUERY_VALUE}`)).statusCode).toBe(200);
    expect((await call('GET', `/api/audit?action=${QUERY_VALUE}`)).statusCode).toBe(200);
    expect((await call('GET', `/api/no-such-route?token=${QUERY_VALUE}`)).statusCode).toBe(404);
    expect((await call('GET', `/api/users/${QUERY_VALUE}`)).statusCode).toBe(400);
    expect((await call('POST', '/api/agencies', { name: `Agency ${BODY_VALUE}`, type: 'law_enforcement', contactPhone: BODY_VALUE })).statusCode).toBe(201);
    expect((await call('POST', '/api/agencies', { name: 'x', type: BODY_VALUE })).statusCode).toBe(400);
    expect((await call('GET', `/healthz?probe=${QUERY_VALUE}`)).statusCode).toBe(200);
    expect((await client()('POST', '/api/setup', { token: QUERY_VALUE.repeat(3), agencyName: BODY_VALUE, displayName: BODY_VALUE, email: `${BODY_VALUE}@x.example`, password: `${BODY_VALUE} long enough` })).statusCode).toBe(409);

    // An error nobody planned for: the database refuses a row. Its log line must not carry the row's values.
    await sql`alter table agencies add constraint log_probe check (contact_phone is distinct from 'refused-phone')`.execute(h.ctx.db);
    try {
      const failed = await call('POST', '/api/agencies', { name: `Other ${BODY_VALUE}`, type: 'law_enforcement', contactPhone: 'refused-phone' });
      expect(failed.statusCode).toBe(500);
      expect(failed.body).not.toContain(BODY_VALUE);
    } finally {
      await sql`alter table agencies drop constraint log_probe`.execute(h.ctx.db);
    }
    expect((await call('POST', '/api/auth/logout')).statusCode).toBe(204);

    const requestLines = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'request');
    expect(requestLines.length).toBeGreaterThanOrEqual(13);
    expect(requestLines.map((l) => l.route)).toContain('/api/users');
    expect(lines.some((l) => JSON.parse(l).level >= 50)).toBe(true);
    expect(tokens.length).toBeGreaterThanOrEqual(4);

    const needles = [FORWARDED_FOR, REMOTE_ADDRESS, USER_AGENT, 'HavenTraceProbe', QUERY_VALUE, BODY_VALUE, 'refused-phone', user.email, user.password, ...tokens];
    const found = needles.filter((needle) => lines.some((line) => line.includes(needle)));
    expect(found).toEqual([]);
  });

  it('stores no address, user agent or token in any table', async () => {
    const columns = await sql<{ table_name: string; column_name: string; data_type: string }>`
      select c.table_name, c.column_name, c.data_type
      from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
      where c.table_schema = current_schema()
    `.execute(h.ctx.db);
    expect(columns.rows.length).toBeGreaterThan(40);
    const found: string[] = [];
    for (const { table_name, column_name, data_type } of columns.rows) {
      if (!['text', 'character varying', 'jsonb', 'json', 'bytea', 'ARRAY', 'USER-DEFINED', 'inet'].includes(data_type)) continue;
      for (const needle of [FORWARDED_FOR, REMOTE_ADDRESS, USER_AGENT, 'HavenTraceProbe', QUERY_VALUE, ...tokens.filter((t) => t.length > 40)]) {
        const column = data_type === 'bytea' ? sql`encode(${sql.ref(column_name)}, 'escape')` : sql`${sql.ref(column_name)}::text`;
        const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table_name)} where position(${needle} in ${column}) > 0`.execute(h.ctx.db);
        if (rows[0]!.n > 0) found.push(`${table_name}.${column_name} holds ${needle}`);
      }
    }
    expect(found).toEqual([]);
  });
});
