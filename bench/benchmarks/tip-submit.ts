import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import http from 'node:http';
import { createServer } from 'node:net';
import pg from 'pg';
import { openDatabase } from '../../server/platform/db/database.ts';
import { migrateToLatest } from '../../server/platform/db/migrate.ts';
import { emit, percentile, positiveInt, round } from '../lib/report.ts';
import type { Benchmark } from '../run.ts';

const BENCH = 'tip-submit';

export const description = 'public tip submissions per second at N concurrent submitters against PostgreSQL, with a raw single-row insert baseline';

export const options: Benchmark['options'] = {
  seconds: { type: 'string', default: '20' },
  concurrency: { type: 'string', default: '50' },
};

/**
 * The server runs in its own process on a fresh database, as in production; this process only sends
 * requests. Each submission is the full public path: multipart form parsing, validation, identifier
 * normalization, one transaction with the tip, its identifiers and its hash-chained audit entry, and the
 * rendered receipt page. The baseline inserts one row per transaction from the same number of connections.
 */
export async function run(values: Record<string, string | boolean | undefined>): Promise<void> {
  const seconds = positiveInt(values, 'seconds');
  const concurrency = positiveInt(values, 'concurrency');
  const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const name = `haven_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const dbUrl = url.toString();
  const migrated = await openDatabase({ url: dbUrl, poolSize: 1 });
  await migrateToLatest(migrated.db as never);
  await migrated.close();
  const port = await freePort();
  const server = spawn(process.execPath, [...(process.env.BENCH_SERVER_NODE_ARGS?.split(' ') ?? []), '--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, DATABASE_URL: dbUrl, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', NODE_ENV: 'production', HAVEN_MASTER_KEY: randomBytes(32).toString('base64'), JOB_POLL_MS: '60000' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(base);
    const durability = await admin.query<{ name: string; setting: string }>(`select name, setting from pg_settings where name in ('fsync', 'synchronous_commit', 'full_page_writes', 'wal_sync_method')`);
    const settings = Object.fromEntries(durability.rows.map((r) => [r.name, r.setting]));
    emit({ bench: BENCH, metric: 'report_page_bytes', value: await pageBytes(base), unit: 'bytes', note: 'GET /report + portal.css + portal.js, uncompressed' });

    await submitFor(base, 2, concurrency); // warm-up: JIT, plan caches, connection pool
    const tips = await submitFor(base, seconds, concurrency);
    const tipRate = tips.ok / tips.elapsedS;
    const context = { engine: 'postgres', concurrency, seconds, ...settings };
    emit({ bench: BENCH, metric: 'tips_per_second', value: round(tipRate), unit: 'tips/s', ...context });
    emit({ bench: BENCH, metric: 'latency_p50', value: round(percentile(tips.durations, 50)), unit: 'ms', ...context });
    emit({ bench: BENCH, metric: 'latency_p99', value: round(percentile(tips.durations, 99)), unit: 'ms', ...context });
    emit({ bench: BENCH, metric: 'failed_requests', value: tips.failed, unit: 'requests', ...context });

    const stored = await admin.query(`select 1`).then(async () => {
      const c = new pg.Client({ connectionString: dbUrl });
      await c.connect();
      const r = await c.query<{ n: string }>('select count(*) as n from tips');
      await c.end();
      return Number(r.rows[0]!.n);
    });
    emit({ bench: BENCH, metric: 'tips_stored', value: stored, unit: 'tips', ...context });

    server.kill('SIGTERM');
    await once(server, 'exit');
    const baseline = await rawInsertBaseline(dbUrl, seconds, concurrency);
    emit({ bench: BENCH, metric: 'raw_insert_per_second', value: round(baseline), unit: 'rows/s', ...context });
    emit({ bench: BENCH, metric: 'tips_to_raw_insert_ratio', value: round(tipRate / baseline, 3), unit: 'ratio', ...context });
  } finally {
    if (server.exitCode === null) server.kill('SIGKILL');
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

async function submitFor(base: string, seconds: number, concurrency: number) {
  const durations: number[] = [];
  let ok = 0;
  let failed = 0;
  // A plain keep-alive client with the form body built by hand: the load generator shares the machine's two
  // cores with the server and PostgreSQL, so it must cost as little as it can.
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const started = performance.now();
  const deadline = started + seconds * 1000;
  // Every report differs from every other, or Haven rightly takes a repeat as the same report sent again.
  const run = randomBytes(4).toString('hex');
  const worker = async (w: number) => {
    for (let i = 0; performance.now() < deadline; i++) {
      const form = multipart({
        sid: randomBytes(16).toString('base64url'),
        concern: i % 3 === 0 ? 'sex' : 'labor',
        narrative: `Workers seen sleeping in the back room of the restaurant, submitter ${w}, report ${i} of run ${run}. They never leave alone.`,
        phones: `(713) 555-${String(1000 + ((w * 97 + i) % 9000)).padStart(4, '0')}`,
        zip: '77002',
        danger: 'no',
      });
      const t0 = performance.now();
      const { status, text } = await post(agent, `${base}/report`, form);
      durations.push(performance.now() - t0);
      if (status === 200 && text.includes('<output>')) ok++;
      else failed++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, w) => worker(w)));
  agent.destroy();
  return { ok, failed, durations: durations.sort((a, b) => a - b), elapsedS: (performance.now() - started) / 1000 };
}

const BOUNDARY = 'havenbench7f3a9c';

/** A multipart/form-data body, as the report form posts it. */
function multipart(fields: Record<string, string>): Buffer {
  let body = '';
  for (const [name, value] of Object.entries(fields)) body += `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  return Buffer.from(`${body}--${BOUNDARY}--\r\n`);
}

function post(agent: http.Agent, url: string, body: Buffer): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', agent, headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, 'content-length': body.length } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(body);
  });
}

async function rawInsertBaseline(dbUrl: string, seconds: number, concurrency: number): Promise<number> {
  const pool = new pg.Pool({ connectionString: dbUrl, max: concurrency });
  pool.on('error', () => {}); // an idle connection closed when the bench database is dropped
  await pool.query('create table bench_raw (id bigint generated always as identity primary key, body text not null, created_at timestamptz not null default now())');
  let count = 0;
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        await pool.query('insert into bench_raw (body) values ($1)', ['Workers seen sleeping in the back room of the restaurant.']);
        count++;
      }
    }),
  );
  const rate = count / ((performance.now() - started) / 1000);
  await pool.end();
  return rate;
}

async function pageBytes(base: string): Promise<number> {
  let total = 0;
  for (const path of ['/report', '/portal/portal.css', '/portal/portal.js']) total += (await (await fetch(`${base}${path}`)).arrayBuffer()).byteLength;
  return total;
}

async function waitForHealth(base: string): Promise<void> {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the Haven server did not become healthy within 60 s');
}

async function freePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const address = probe.address();
  probe.close();
  return typeof address === 'object' && address ? address.port : 0;
}
