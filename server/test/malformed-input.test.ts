import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../common/access/roles.ts';
import { createTestApp, type TestHaven } from './test-app.ts';
import { createTestAgency, createTestUser, type TestUser } from './factories.ts';
import { Agent } from './agent.ts';
import { openSession } from './sessions.ts';
import { ENDPOINT_RULES, ROLE_HOME, type CaseTarget, type EndpointRule } from './access-matrix.ts';
import { targetFor, urlFor, useTargetWorld } from './targets.ts';
import { registeredRoutes } from '../platform/access/routes.ts';

/**
 * Every registered route, called by someone who may reach its handler, about real records, with a valid request
 * (the access matrix's) broken in one place: text holding NUL, a lone surrogate or a control character, a very
 * long string, a value of the wrong type, an object nested thousands of levels deep. Whatever is sent, the
 * answer is 4xx (or a success), never 5xx. Routes that serve files are probed by static-paths.test.ts.
 */

/** Runs per route; each is one request. About 140 routes: this keeps a run to tens of seconds per engine. */
const RUNS_PER_ROUTE = 6;

let h: TestHaven;
let routes: Array<{ method: string; url: string }> = [];
const callers = new Map<Role, { user: TestUser; agent: Agent }>();

beforeAll(async () => {
  h = await createTestApp();
  routes = registeredRoutes(h.app).filter((r) => r.method !== 'OPTIONS');
  const other = await createTestAgency(h.ctx, { type: 'legal_service' });
  const elsewhere = await createTestAgency(h.ctx, { type: 'law_enforcement' });
  const stranger = await createTestUser(h.ctx, { agencyId: other.id, roles: ['analyst'] });
  useTargetWorld(h, { other, elsewhere, stranger });
  for (const role of ROLES) {
    const home = await createTestAgency(h.ctx, { type: ROLE_HOME[role] });
    const user = await createTestUser(h.ctx, { agencyId: home.id, roles: [role] });
    callers.set(role, { user, agent: await openSession(h, user) });
  }
}, 60_000);

afterAll(async () => h?.close());

type Nasty = string | number | boolean | null | unknown[] | Record<string, unknown>;

const deeplyNested = (depth: number): Nasty => {
  let value: Nasty = 'bottom';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
};

/** Text as a broken app or a hostile client sends it. */
const brokenText = fc.oneof(
  fc.constantFrom('\u0000', 'a\u0000b', '\uD800', 'x\uDC00y', '\u0007\u001B', '\u0000\uD83D'),
  fc.tuple(fc.string({ maxLength: 8 }), fc.constantFrom('\u0000', '\uD800', '\uDFFF', '\u0001'), fc.string({ maxLength: 8 })).map(([a, bad, b]) => `${a}${bad}${b}`),
);

/** A value put in the place of a valid one. */
const nastyValue: fc.Arbitrary<Nasty> = fc.oneof(
  { weight: 4, arbitrary: brokenText },
  { weight: 1, arbitrary: fc.constantFrom(50_000, 300_000).map((n) => 'x'.repeat(n)) },
  { weight: 2, arbitrary: fc.constantFrom<Nasty>(0, -1, 1e308, 1.5, true, false, null, [], {}, [null], { '\u0000': 1 }, '', ' ', '1e999', 'NaN', '9'.repeat(400), '2026-02-30', '00000000-0000-0000-0000-000000000000') },
  { weight: 1, arbitrary: fc.constantFrom(10, 1_000).map(deeplyNested) },
);

/** The places a valid request holds a value: body leaves (by path), query parameters and path parameters. */
type Place = { in: 'body'; path: Array<string | number> } | { in: 'query' | 'params'; name: string };

function bodyPlaces(value: unknown, path: Array<string | number> = []): Place[] {
  const here: Place[] = path.length ? [{ in: 'body', path }] : [];
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => bodyPlaces(v, [...path, i]))];
  if (value && typeof value === 'object') return [...here, ...Object.entries(value).flatMap(([k, v]) => bodyPlaces(v, [...path, k]))];
  return here;
}

function setAt(root: unknown, path: Array<string | number>, value: unknown): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path.at(-1)!] = value;
  return copy;
}

/** Text in a URL: a lone surrogate cannot be percent-encoded as UTF-8, so it goes as the bytes a broken client sends. */
function urlText(value: Nasty): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return [...text].map((c) => (/[\uD800-\uDFFF]/.test(c) ? '%ED%A0%80' : encodeURIComponent(c))).join('');
}

interface Call {
  agent: Agent;
  rule: EndpointRule | null;
  target: CaseTarget;
}

/** The rule for a route that someone may pass, and who: its own agency's records, never a partner's share. */
function reachableRule(method: string, url: string): { rule: EndpointRule; role: Role } | null {
  const rules = ENDPOINT_RULES.filter((r) => r.method === method && r.path === url).sort((a, b) => Number(a.target.includes('@')) - Number(b.target.includes('@')));
  for (const rule of rules) {
    const role = (Object.entries(rule.allowed) as Array<[Role, string]>).find(([, scope]) => scope !== 'partner')?.[0];
    if (role) return { rule, role };
  }
  return null;
}

const prepared = new Map<string, Call>();

/** Who calls the route and about what; made once per route. */
async function prepare(method: string, url: string): Promise<Call> {
  const key = `${method} ${url}`;
  if (!prepared.has(key)) prepared.set(key, await makeCall(method, url));
  return prepared.get(key)!;
}

async function makeCall(method: string, url: string): Promise<Call> {
  const reachable = reachableRule(method, url);
  if (!reachable) return { agent: new Agent(h.app), rule: null, target: { agencyId: '', params: {}, unique: 'public', callerRoles: [] } };
  const caller = callers.get(reachable.role)!;
  return { agent: caller.agent, rule: reachable.rule, target: await targetFor(reachable.rule, caller.user, 'own') };
}

/** The valid request, broken at one place. */
function breakRequest(method: string, url: string, call: Call, place: Place | null, value: Nasty): { url: string; body: unknown } {
  const baseBody = call.rule?.body?.(call.target) ?? (method === 'GET' ? undefined : {});
  const basePath = call.rule ? urlFor({ ...call.rule, query: undefined }, call.target) : url.replace(/:(\w+)/g, 'x');
  const query = new URLSearchParams(call.rule?.query?.(call.target) ?? '');
  let path = basePath;
  let body: unknown = baseBody;
  let extraQuery = '';
  if (place?.in === 'body') body = setAt(baseBody, place.path, value);
  else if (place?.in === 'query') {
    query.delete(place.name);
    extraQuery = `${encodeURIComponent(place.name)}=${urlText(value)}`;
  } else if (place?.in === 'params') {
    path = (call.rule?.path ?? url).replace(/:(\w+)/g, (_m, name: string) => (name === place.name ? urlText(value) : (call.target.params[name] ?? 'x')));
  } else if (method !== 'GET') body = value;
  const search = [query.toString(), extraQuery].filter(Boolean).join('&');
  return { url: search ? `${path}?${search}` : path, body };
}

function placesOf(method: string, url: string, call: Call): Place[] {
  const body = call.rule?.body?.(call.target);
  const query = [...new URLSearchParams(call.rule?.query?.(call.target) ?? '').keys()];
  const params = [...url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  return [
    ...bodyPlaces(body),
    ...[...query, 'q', 'limit', 'status'].map((name): Place => ({ in: 'query', name })),
    ...params.map((name): Place => ({ in: 'params', name })),
    ...(method === 'GET' ? [] : [{ in: 'body', path: ['extra\u0000field'] } as Place]),
  ];
}

const servesFiles = (url: string) => url.includes('*') || url.startsWith('/api/docs');

describe('malformed input on every registered route', () => {
  it('collects the routes', () => {
    expect(routes.length).toBeGreaterThan(100);
    const rules = new Set(ENDPOINT_RULES.map((r) => `${r.method} ${r.path}`));
    const reached = routes.filter((r) => reachableRule(r.method, r.url));
    // Every staff endpoint of the access matrix is a registered route, called by someone who may.
    expect([...rules].filter((e) => !routes.some((r) => `${r.method} ${r.url}` === e))).toEqual([]);
    expect(reached.length).toBeGreaterThanOrEqual(rules.size - 1);
  });

  it('answers 4xx, never 5xx, with NUL, lone surrogates, long strings, wrong types and deep nesting anywhere', async () => {
    const failures: string[] = [];
    let sent = 0;
    for (const { method, url } of routes.filter((r) => !servesFiles(r.url))) {
      const call = await prepare(method, url);
      const places = placesOf(method, url, call);
      const place = places.length ? fc.option(fc.constantFrom(...places), { freq: 8 }) : fc.constant(null);
      // Every place holding text, broken with a NUL and a lone surrogate, whatever fast-check picks besides.
      const examples = places.flatMap((p) => [[p, 'a\u0000b'], [p, 'a\uD800b']] as Array<[Place | null, Nasty]>);
      const result = await fc.check(
        fc.asyncProperty(place, nastyValue, async (where, value) => {
          const request = breakRequest(method, url, call, where, value);
          const response = await call.agent.request(method as 'GET', request.url, method === 'GET' ? undefined : request.body);
          sent++;
          if (response.statusCode >= 500) throw new Error(`${response.statusCode} ${response.body.slice(0, 200)}`);
        }),
        { numRuns: RUNS_PER_ROUTE + examples.length, examples, endOnFailure: true },
      );
      if (result.failed) {
        const [where, value] = result.counterexample!;
        const shown = String(JSON.stringify(value)).slice(0, 80);
        failures.push(`${method} ${url} with ${JSON.stringify(where)} = ${shown}: ${(result.errorInstance as Error | undefined)?.message} (seed ${result.seed})`);
      }
    }
    console.log(`malformed input: ${sent} requests over ${routes.length} routes`);
    expect(failures).toEqual([]);
  }, 600_000);

  it('answers 4xx, never 5xx, to a JSON body nested 20,000 levels deep', async () => {
    const deep = `${'{"a":['.repeat(20_000)}1${']}'.repeat(20_000)}`;
    const failures: string[] = [];
    for (const { method, url } of routes.filter((r) => r.method !== 'GET' && !servesFiles(r.url))) {
      const call = await prepare(method, url);
      const request = breakRequest(method, url, call, null, null);
      const response = await call.agent.request(method as 'POST', request.url, deep, { 'content-type': 'application/json' });
      if (response.statusCode >= 500) failures.push(`${method} ${url}: ${response.statusCode} ${response.body.slice(0, 200)}`);
    }
    expect(failures).toEqual([]);
  }, 300_000);
});
