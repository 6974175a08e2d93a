import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestHaven } from '../../test/test-app.ts';
import { createTestAgency, createTestUser, type TestAgency } from '../../test/factories.ts';
import type { Agent } from '../../test/agent.ts';
import { openSession } from '../../test/sessions.ts';
import { documentedEndpoints } from '../../test/access-matrix.ts';

let h: TestHaven;
let admin: Agent;
let home: TestAgency;
/** Every response these tests saw: none may be a 500, and all must carry the security headers. */
const seen: { label: string; response: LightMyRequestResponse }[] = [];

beforeAll(async () => {
  h = await createTestApp();
  home = await createTestAgency(h.ctx, { type: 'task_force_coordinator' });
  admin = await openSession(h, await createTestUser(h.ctx, { agencyId: home.id, roles: ['taskforce_admin'] }));
});
afterAll(async () => h.close());

type Method = 'GET' | 'POST' | 'PATCH';

/** Raw request with full control of headers and body, as a hostile client would send it. */
async function raw(label: string, options: { method: Method; url: string; payload?: string | Buffer; headers?: Record<string, string>; signedIn?: boolean }) {
  const response = await h.app.inject({
    method: options.method,
    url: options.url,
    headers: {
      ...(options.signedIn ? { cookie: `haven_session=${admin.cookie}`, 'x-csrf-token': admin.csrfToken! } : {}),
      ...options.headers,
    },
    ...(options.payload !== undefined ? { payload: options.payload } : {}),
  });
  seen.push({ label, response });
  return response;
}

async function json(label: string, method: Method, url: string, body?: unknown) {
  const response = await admin.request(method, url, body);
  seen.push({ label, response });
  return response;
}

function errorOf(response: LightMyRequestResponse): { code: string; message: string; fields?: { path: string; message: string }[] } {
  const parsed = response.json();
  expect(Object.keys(parsed)).toEqual(['error']);
  expect(typeof parsed.error.message).toBe('string');
  return parsed.error;
}

describe('the JSON error shape at the edge', () => {
  it('answers an unknown route with 404 route_not_found, for any method, signed in or not', async () => {
    for (const [method, url] of [['GET', '/api/nothing-here'], ['POST', '/api/users/x/y/z'], ['GET', '/not-a-page'], ['PATCH', '/api']] as const) {
      const response = await raw(`unknown ${url}`, { method, url, signedIn: url.startsWith('/api/users') });
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(errorOf(response).code).toBe('route_not_found');
    }
  });

  it('answers malformed JSON with 400 invalid_json', async () => {
    for (const payload of ['{"email":', '{email: "a@b.c"}', '', '{"__proto__": {"admin": true}, "email": "a@b.c", "password": "p"}']) {
      const response = await raw(`bad json ${payload}`, { method: 'POST', url: '/api/auth/login', payload, headers: { 'content-type': 'application/json' } });
      expect(response.statusCode, payload).toBe(400);
      expect(errorOf(response).code, payload).toBe('invalid_json');
    }
  });

  it('answers a 2 MB body with 413 payload_too_large', async () => {
    const payload = JSON.stringify({ email: 'a@b.example', password: 'x'.repeat(2 * 1024 * 1024) });
    const response = await raw('2 MB body', { method: 'POST', url: '/api/auth/login', payload, headers: { 'content-type': 'application/json' } });
    expect(response.statusCode).toBe(413);
    expect(errorOf(response).code).toBe('payload_too_large');
    const signedIn = await raw('2 MB body, signed in', { method: 'POST', url: '/api/agencies', payload: JSON.stringify({ name: 'n'.repeat(2 * 1024 * 1024), type: 'law_enforcement' }), headers: { 'content-type': 'application/json' }, signedIn: true });
    expect(signedIn.statusCode).toBe(413);
  });

  it('answers bodies that are not JSON with a 4xx, and never acts on them', async () => {
    for (const type of ['application/xml', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const response = await raw(`content type ${type}`, { method: 'POST', url: '/api/agencies', payload: 'name=Agency&type=law_enforcement', headers: { 'content-type': type }, signedIn: true });
      expect(response.statusCode, type).toBe(415);
      expect(errorOf(response).code, type).toBe('unsupported_media_type');
    }
    const text = await raw('content type text/plain', { method: 'POST', url: '/api/agencies', payload: '{"name":"Plain Text Agency","type":"law_enforcement"}', headers: { 'content-type': 'text/plain' }, signedIn: true });
    expect(text.statusCode).toBeGreaterThanOrEqual(400);
    expect(text.statusCode).toBeLessThan(500);
    const stored = await h.ctx.db.selectFrom('agencies').select('id').where('name', '=', 'Plain Text Agency').execute();
    expect(stored).toEqual([]);
  });

  it('names each invalid field by its path', async () => {
    const response = await json('invalid user', 'POST', '/api/users', { agencyId: 'nope', email: 'not-an-email', displayName: '', roles: ['wizard'] });
    expect(response.statusCode).toBe(400);
    const error = errorOf(response);
    expect(error.code).toBe('validation_failed');
    expect(error.fields!.map((f) => f.path).sort()).toEqual(['body.agencyId', 'body.displayName', 'body.email', 'body.roles.0']);
    for (const f of error.fields!) expect(f.message.length).toBeGreaterThan(0);
  });
});

describe('hostile input', () => {
  it('refuses 10,000-character names and a megabyte password with 400, not 500', async () => {
    const long = 'N'.repeat(10_000);
    const cases: [string, Method, string, unknown, string][] = [
      ['long agency name', 'POST', '/api/agencies', { name: long, type: 'law_enforcement' }, 'body.name'],
      ['long agency rename', 'PATCH', `/api/agencies/${home.id}`, { name: long }, 'body.name'],
      ['long display name', 'POST', '/api/users', { agencyId: home.id, email: 'long.name@agency.example', displayName: long, roles: ['analyst'] }, 'body.displayName'],
      ['long email', 'POST', '/api/users', { agencyId: home.id, email: `${long}@agency.example`, displayName: 'Long Email', roles: ['analyst'] }, 'body.email'],
      ['long profile name', 'PATCH', '/api/me', { displayName: long }, 'body.displayName'],
      ['long search', 'GET', `/api/users?q=${long}`, undefined, 'querystring.q'],
      ['long audit action', 'GET', `/api/audit?action=${long}`, undefined, 'querystring.action'],
    ];
    for (const [label, method, url, body, path] of cases) {
      const response = await json(label, method, url, body);
      expect(response.statusCode, label).toBe(400);
      expect([...new Set(errorOf(response).fields?.map((f) => f.path))], label).toEqual([path]);
    }
    const megabyte = 'p'.repeat(1_000_000);
    for (const [label, url, body] of [
      ['megabyte password at sign-in', '/api/auth/login', { email: 'someone@agency.example', password: megabyte }],
      ['megabyte password at activation', '/api/activate', { token: 'x'.repeat(43), password: megabyte }],
      ['megabyte password at set-up', '/api/setup', { token: 'x'.repeat(43), agencyName: 'Task Force', displayName: 'A', email: 'a@b.example', password: megabyte }],
    ] as const) {
      const response = await raw(label, { method: 'POST', url, payload: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
      expect(response.statusCode, label).toBe(400);
      expect(errorOf(response).fields?.map((f) => f.path), label).toEqual(['body.password']);
    }
    const changing = await json('megabyte new password', 'POST', '/api/me/password', { currentPassword: 'lantern orchard tide 2026', newPassword: megabyte });
    expect(changing.statusCode).toBe(400);
    expect(errorOf(changing).fields?.map((f) => f.path)).toEqual(['body.newPassword']);
  });

  it('stores markup in names as text and returns it as an escaped JSON string', async () => {
    const name = `<script>alert("x")</script><img src=x onerror=alert(1)> ${Date.now()}`;
    const created = await json('markup name', 'POST', '/api/agencies', { name, type: 'law_enforcement' });
    expect(created.statusCode).toBe(201);
    expect(created.headers['content-type']).toMatch(/^application\/json/);
    expect(created.headers['x-content-type-options']).toBe('nosniff');
    expect(created.body).toContain(JSON.stringify(name));
    expect(created.json().name).toBe(name);
    const row = await h.ctx.db.selectFrom('agencies').select('name').where('id', '=', created.json().id).executeTakeFirstOrThrow();
    expect(row.name).toBe(name);
    const listed = await json('list with markup', 'GET', '/api/agencies');
    expect(listed.json().agencies.map((a: { name: string }) => a.name)).toContain(name);
  });

  it('treats SQL-looking input as plain text', async () => {
    const name = `Robert'); DROP TABLE agencies; -- ${Date.now()}`;
    const created = await json('sql name', 'POST', '/api/agencies', { name, type: 'law_enforcement' });
    expect(created.statusCode).toBe(201);
    expect(created.json().name).toBe(name);
    const probes = ["' OR '1'='1", "%' OR 1=1 --", "'; select pg_sleep(5); --", '\\', '%', '_'];
    for (const q of probes) {
      const response = await json(`sql search ${q}`, 'GET', `/api/users?q=${encodeURIComponent(q)}`);
      expect(response.statusCode, q).toBe(200);
      for (const u of response.json().users as { displayName: string; email: string }[]) {
        expect(`${u.displayName.toLowerCase()} ${u.email}`, q).toContain(q.toLowerCase());
      }
    }
    const login = await raw('sql login', { method: 'POST', url: '/api/auth/login', payload: JSON.stringify({ email: "' OR 1=1 --", password: "' OR '1'='1" }), headers: { 'content-type': 'application/json' } });
    expect(login.statusCode).toBe(401);
    expect((await json('agencies still there', 'GET', '/api/agencies')).json().agencies.length).toBeGreaterThan(1);
  });

  it('refuses a NUL character with 400 instead of failing in the database', async () => {
    // The text guard (decision 016) refuses it before the route runs, naming the field.
    const cases: [string, string, () => Promise<LightMyRequestResponse>][] = [
      ['nul in agency name', 'body.name', () => json('nul in agency name', 'POST', '/api/agencies', { name: 'Nul\u0000Agency', type: 'law_enforcement' })],
      ['nul in search', 'query.q', () => json('nul in search', 'GET', '/api/users?q=a%00b')],
      ['nul in sign-in email', 'body.email', () => raw('nul in sign-in email', { method: 'POST', url: '/api/auth/login', payload: JSON.stringify({ email: 'a\u0000@b.example', password: 'whatever password' }), headers: { 'content-type': 'application/json' } })],
    ];
    for (const [label, field, send] of cases) {
      const response = await send();
      expect(response.statusCode, label).toBe(400);
      expect(errorOf(response).code, label).toBe('validation_failed');
      expect(response.json().error.fields, label).toEqual([{ path: field, message: expect.stringContaining('NUL character') }]);
    }
  });

  it('refuses malformed ids in every :id route with 400 naming params.id', async () => {
    const routes: [Method, string][] = [
      ['GET', '/api/agencies/:id'], ['PATCH', '/api/agencies/:id'], ['GET', '/api/users/:id'], ['PATCH', '/api/users/:id'],
      ['POST', '/api/users/:id/unlock'], ['POST', '/api/users/:id/reset-mfa'], ['POST', '/api/users/:id/end-sessions'], ['POST', '/api/users/:id/activation-link'],
      ['GET', '/api/tips/:id'], ['PATCH', '/api/tips/:id'], ['POST', '/api/tips/:id/notes'], ['POST', '/api/tips/:id/messages'], ['POST', '/api/tips/:id/merge'],
      ['GET', '/api/tips/:id/contact'], ['POST', '/api/notifications/:id/read'],
    ];
    for (const bad of ['not-a-uuid', '1', "1' or '1'='1", '00000000-0000-0000-0000-00000000000g', '%00', 'x'.repeat(150)]) {
      for (const [method, path] of routes) {
        const url = path.replace(':id', encodeURIComponent(bad));
        const response = await json(`${method} ${url}`, method, url, method === 'PATCH' ? { displayName: 'X' } : undefined);
        expect(response.statusCode, `${method} ${url}`).toBe(400);
        expect(errorOf(response).fields?.map((f) => f.path), `${method} ${url}`).toEqual(['params.id']);
      }
    }
  });
});

describe('operations endpoints', () => {
  it('reports health with the kind of database in use', async () => {
    const response = await raw('healthz', { method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', database: { kind: process.env.DATABASE_URL ? 'postgres' : 'pglite', ok: true } });
  });

  it('serves a valid OpenAPI 3 document listing every route in docs/api.md', async () => {
    const response = await raw('openapi', { method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json();
    expect(doc.openapi).toMatch(/^3\.\d+\.\d+$/);
    expect(typeof doc.info.title).toBe('string');
    expect(typeof doc.info.version).toBe('string');
    const methods = ['get', 'post', 'put', 'patch', 'delete'];
    for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, { responses?: Record<string, unknown>; parameters?: { in: string; name: string; required?: boolean }[] }>>)) {
      expect(path.startsWith('/'), path).toBe(true);
      for (const [method, operation] of Object.entries(item)) {
        expect(methods, `${path} ${method}`).toContain(method);
        expect(Object.keys(operation.responses ?? {}).length, `${method} ${path} has responses`).toBeGreaterThan(0);
        const templated = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
        const declared = (operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => (expect(p.required).toBe(true), p.name));
        expect(declared.sort(), `${method} ${path} path parameters`).toEqual(templated.sort());
      }
    }
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/([^"]+)"/g)].map((m) => m[1]!);
    for (const ref of refs) expect(ref.split('/').reduce((node: unknown, key) => (node as Record<string, unknown> | undefined)?.[key], doc), ref).toBeDefined();

    // Every documented API route is in it, except the document itself and its rendering; the portal's HTML
    // pages are not part of the API.
    const selfServed = new Set(['GET /api/openapi.json', 'GET /api/docs']);
    const documented = documentedEndpoints().filter((e) => !selfServed.has(e) && /^\w+ (\/api\/|\/healthz$)/.test(e));
    expect(documented.length).toBeGreaterThan(30);
    const missing = documented.filter((e) => {
      const [method, path] = e.split(' ') as [string, string];
      return !doc.paths[path.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()];
    });
    expect(missing).toEqual([]);
  });

  it('serves the API documentation page', async () => {
    const response = await raw('docs', { method: 'GET', url: '/api/docs' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.body).toContain('<html');
  });
});

describe('headers on every response', () => {
  it('sends the security headers, and no-store on API responses, on every response seen in this file', async () => {
    for (const [label, url] of [['root', '/'], ['staff app', '/staff/'], ['session without cookie', '/api/auth/session'], ['setup status', '/api/setup/status']] as const) {
      await raw(label, { method: 'GET', url });
    }
    await raw('signed-in read', { method: 'GET', url: '/api/agencies', signedIn: true });
    // A file a reporter uploaded, downloaded by a coordinator: it brings its own (sandboxing) policy.
    const coordinator = await openSession(h, await createTestUser(h.ctx, { agencyId: home.id, roles: ['coordinator'] }));
    const tip = await h.ctx.db
      .insertInto('tips')
      .values({ channel: 'web', concern_type: 'unsure', narrative: 'headers', people: '[]', vehicles: '[]', phones: '[]', emails: '[]', online: '[]' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const file = await h.ctx.db
      .insertInto('tip_attachments')
      .values({ tip_id: tip.id, message_id: null, content_type: 'text/plain', byte_size: 4, sha256: '0'.repeat(64), data: Buffer.from('file') })
      .returning('id')
      .executeTakeFirstOrThrow();
    const download = await coordinator.get(`/api/tips/${tip.id}/attachments/${file.id}`);
    expect(download.statusCode).toBe(200);
    seen.push({ label: 'attachment download', response: download });
    expect(seen.length).toBeGreaterThan(60);
    const problems: string[] = [];
    for (const { label, response } of seen) {
      const csp = String(response.headers['content-security-policy'] ?? '');
      if (!csp) problems.push(`${label}: no Content-Security-Policy`);
      if (csp.includes("'unsafe-inline'")) problems.push(`${label}: CSP allows 'unsafe-inline'`);
      if (!/(^|;)\s*frame-ancestors 'none'\s*(;|$)/.test(csp)) problems.push(`${label}: CSP frame-ancestors is not 'none'`);
      if (response.headers['x-content-type-options'] !== 'nosniff') problems.push(`${label}: no nosniff`);
      if (response.headers['referrer-policy'] !== 'no-referrer') problems.push(`${label}: referrer policy`);
      const url = response.raw.req.url ?? '';
      if ((url.startsWith('/api/') || url === '/healthz') && response.headers['cache-control'] !== 'no-store') problems.push(`${label}: Cache-Control is ${response.headers['cache-control']}`);
      if (response.statusCode >= 500 && !(label === 'staff app' && response.statusCode === 503)) problems.push(`${label}: ${response.statusCode}`);
    }
    expect(problems.join('\n')).toBe('');
  });
});
