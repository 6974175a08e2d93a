import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app.ts';
import { createSession } from '../../server/modules/auth/sessions.ts';
import { SERVICE_TYPES, capacityUnit } from '../../common/directory/vocabulary.ts';
import { openBenchHaven } from '../lib/haven.ts';
import { emit, positiveInt, round } from '../lib/report.ts';
import type { Benchmark } from '../run.ts';

const BENCH = 'directory-import';

export const description = 'import of an Open Referral HSDS file (default 10,000 services) through the HTTP API: time and memory; then re-import, a rejected file and the export';

export const options: Benchmark['options'] = {
  services: { type: 'string', default: '10000' },
};

const LANGUAGES = ['es', 'en', 'vi', 'zh-Hant', 'ar', 'fr', 'ht', 'tl', 'ko', 'ru'];
const term = (taxonomy: string, code: string) => ({ id: `${taxonomy}:${code}`, code, name: code, description: code, taxonomy });

/** One realistic HSDS 3.0 service: organization, one location around Houston, phones, languages, hours, capacity. */
function service(i: number) {
  const types = [SERVICE_TYPES[i % SERVICE_TYPES.length]!, SERVICE_TYPES[(i * 7 + 3) % SERVICE_TYPES.length]!].filter((t, k, all) => all.indexOf(t) === k);
  const minors = i % 3 === 0;
  return {
    id: `bench-service-${i}`,
    name: `Service ${i}`,
    status: i % 50 === 0 ? 'inactive' : 'active',
    description: `Bench service number ${i}: ${types.join(' and ')} for people leaving trafficking, with case management and referrals.`,
    eligibility_description: minors ? 'Young people 12 to 17.' : 'Adults.',
    minimum_age: minors ? 12 : 18,
    maximum_age: minors ? 17 : null,
    application_process: 'Call the intake line; we answer at any hour.',
    fees_description: 'Free of charge.',
    email: `intake${i}@provider.example`,
    url: `https://provider${i}.example/services`,
    organization: { id: `bench-org-${Math.floor(i / 3)}`, name: `Organization ${Math.floor(i / 3)}`, description: 'A nonprofit.' },
    phones: [{ id: `bench-phone-${i}`, number: `713-555-${String(1000 + (i % 9000)).padStart(4, '0')}`, type: 'voice' }],
    languages: [LANGUAGES[i % LANGUAGES.length]!, 'en'].filter((l, k, all) => all.indexOf(l) === k).map((code, k) => ({ id: `bench-lang-${i}-${k}`, name: code, code })),
    schedules: [{ id: `bench-sch-${i}`, freq: 'WEEKLY', wkst: 'MO', byday: 'MO,TU,WE,TH,FR', opens_at: '09:00', closes_at: '17:00', description: 'Closed on public holidays.' }],
    service_at_locations: [
      {
        id: `bench-sal-${i}`,
        location: {
          id: `bench-loc-${i}`,
          location_type: 'physical',
          latitude: round(29.4 + ((i * 7919) % 8000) / 10000, 5),
          longitude: round(-95.8 + ((i * 104729) % 9000) / 10000, 5),
          addresses: [{ id: `bench-addr-${i}`, address_1: `${100 + (i % 9000)} Main St`, city: 'Houston', state_province: 'TX', postal_code: `770${String(i % 100).padStart(2, '0')}`, country: 'US', address_type: 'physical' }],
          accessibility: [{ id: `bench-acc-${i}`, description: 'Step-free entrance.' }],
        },
      },
    ],
    capacities: types
      .filter((t) => capacityUnit(t) === 'beds')
      .map((t) => ({ id: `bench-cap-${i}-${t}`, unit: { id: 'bed', name: 'Bed', identifier: t }, available: i % 5, maximum: 10, updated: new Date().toISOString() })),
    attributes: [
      ...types.map((t) => ({ id: `bench-st-${i}-${t}`, taxonomy_term: term('haven-service-types', t) })),
      { id: `bench-minors-${i}`, taxonomy_term: term('haven-directory', 'accepts_minors'), value: String(minors) },
      { id: `bench-conf-${i}`, taxonomy_term: term('haven-directory', 'confidential_location'), value: String(types.includes('shelter')) },
      { id: `bench-area-${i}`, taxonomy_term: term('haven-directory', 'area'), value: `Area ${i % 40}` },
    ],
  };
}

function document(count: number, badLast = false): string {
  const parts: string[] = [];
  for (let i = 0; i < count; i++) parts.push(JSON.stringify(i === count - 1 && badLast ? { ...service(i), languages: [{ id: 'x', code: 'not a language' }] } : service(i)));
  return `{"total_items":${count},"contents":[${parts.join(',')}]}`;
}

const mb = (bytes: number) => round(bytes / 1024 / 1024, 1);

/** Runs `work` while sampling memory every 5 ms; answers its duration and the highest RSS and heap seen. */
async function measured<T>(work: () => Promise<T>): Promise<{ result: T; ms: number; peakRss: number; peakHeap: number }> {
  let peakRss = process.memoryUsage().rss;
  let peakHeap = process.memoryUsage().heapUsed;
  const sample = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 5);
  const started = performance.now();
  try {
    const result = await work();
    return { result, ms: performance.now() - started, peakRss, peakHeap };
  } finally {
    clearInterval(sample);
  }
}

async function signedInCoordinator(app: FastifyInstance, haven: Awaited<ReturnType<typeof openBenchHaven>>) {
  const { ctx } = haven;
  const agency = await ctx.db.insertInto('agencies').values({ name: 'Bench Task Force', type: 'task_force_coordinator' }).returning('id').executeTakeFirstOrThrow();
  const user = await ctx.db.insertInto('users').values({ agency_id: agency.id, email: 'coordinator@bench.example', display_name: 'Bench Coordinator', password_hash: null }).returning('id').executeTakeFirstOrThrow();
  await ctx.db.insertInto('user_roles').values({ user_id: user.id, role: 'coordinator' }).execute();
  const session = await ctx.db.transaction().execute((trx) => createSession(trx, ctx, user.id, 'complete'));
  return (method: 'GET' | 'POST', url: string, payload?: string) =>
    app.inject({ method, url, headers: { cookie: `haven_session=${session.token}`, 'x-csrf-token': session.csrfToken, ...(payload ? { 'content-type': 'application/json' } : {}) }, ...(payload ? { payload } : {}) });
}

/**
 * Imports an HSDS document of `--services` services (about 1.6 KB each) as the staff app sends it, on a fresh
 * database: first as new entries, then again as updates, then a file whose last row is bad (rejected after
 * every row is read, nothing written), then the export. Memory is the whole process's: server and bench share it.
 */
export async function run(values: Record<string, string | boolean | undefined>): Promise<void> {
  const count = positiveInt(values, 'services');
  const haven = await openBenchHaven();
  const app = await buildApp(haven.ctx);
  try {
    const call = await signedInCoordinator(app, haven);
    const warm = await call('POST', '/api/directory/import?format=hsds&dryRun=true', document(20));
    if (warm.statusCode !== 200) throw new Error(`warm-up answered ${warm.statusCode}: ${warm.body}`);

    const body = document(count);
    const context = { engine: haven.engine, services: count };
    global.gc?.();
    const before = process.memoryUsage();
    emit({ bench: BENCH, metric: 'file_size', value: mb(Buffer.byteLength(body)), unit: 'MB', ...context });

    const first = await measured(() => call('POST', '/api/directory/import?format=hsds', body));
    if (first.result.statusCode !== 200) throw new Error(`import answered ${first.result.statusCode}: ${first.result.body.slice(0, 500)}`);
    emit({ bench: BENCH, metric: 'import_time', value: round(first.ms), unit: 'ms', ...context, created: first.result.json().created });
    emit({ bench: BENCH, metric: 'import_rate', value: round((count / first.ms) * 1000), unit: 'services/s', ...context });
    emit({ bench: BENCH, metric: 'import_peak_rss', value: mb(first.peakRss), unit: 'MB', ...context, rssBefore: mb(before.rss) });
    emit({ bench: BENCH, metric: 'import_peak_heap', value: mb(first.peakHeap), unit: 'MB', ...context, heapBefore: mb(before.heapUsed) });

    const again = await measured(() => call('POST', '/api/directory/import?format=hsds', body));
    if (again.result.statusCode !== 200) throw new Error(`re-import answered ${again.result.statusCode}`);
    emit({ bench: BENCH, metric: 'reimport_time', value: round(again.ms), unit: 'ms', ...context, updated: again.result.json().updated });
    emit({ bench: BENCH, metric: 'reimport_peak_rss', value: mb(again.peakRss), unit: 'MB', ...context });

    const bad = document(count, true);
    const rejected = await measured(() => call('POST', '/api/directory/import?format=hsds', bad));
    if (rejected.result.statusCode !== 422) throw new Error(`the bad file answered ${rejected.result.statusCode}`);
    emit({ bench: BENCH, metric: 'rejected_time', value: round(rejected.ms), unit: 'ms', ...context, problems: rejected.result.json().error.fields.length });

    const exported = await measured(() => call('GET', '/api/directory/export?format=hsds'));
    if (exported.result.statusCode !== 200) throw new Error(`export answered ${exported.result.statusCode}`);
    emit({ bench: BENCH, metric: 'export_time', value: round(exported.ms), unit: 'ms', ...context, size: mb(exported.result.rawPayload.length) });

    emit({ bench: BENCH, metric: 'process_max_rss', value: mb(process.resourceUsage().maxRSS * 1024), unit: 'MB', ...context });
  } finally {
    await app.close();
    await haven.close();
  }
}
