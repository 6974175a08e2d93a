import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app.ts';
import { timeStep, totpAt } from '../../server/modules/auth/totp.ts';
import { openBenchHaven } from '../lib/haven.ts';
import { BENCH_PASSWORD, createPeople, type BenchPerson } from '../lib/people.ts';
import { emit, percentile, positiveInt, round, runConcurrently } from '../lib/report.ts';
import type { Benchmark } from '../run.ts';

const BENCH = 'sign-in';

export const description = 'full staff sign-in (password with argon2id, then TOTP) through the HTTP API: latency and throughput';

export const options: Benchmark['options'] = {
  n: { type: 'string', default: '100' },
  concurrency: { type: 'string', default: '8' },
};

/**
 * Each sign-in is two requests, as the staff app makes them: POST /api/auth/login, then POST
 * /api/auth/mfa/verify with the current code. Every sign-in is a different person (a TOTP code works once)
 * and comes from its own address (the per-address rate limit is not what is measured here).
 */
export async function run(values: Record<string, string | boolean | undefined>): Promise<void> {
  const n = positiveInt(values, 'n');
  const concurrency = positiveInt(values, 'concurrency');
  const haven = await openBenchHaven();
  const app = await buildApp(haven.ctx);
  try {
    const people = await createPeople(haven.ctx, 2 * n + 10);
    let used = 0;
    const signInNext = () => signIn(app, people[used]!, used++);
    for (let i = 0; i < 10; i++) await signInNext(); // warm-up: JIT, argon2's first allocation, plan caches

    for (const c of [1, concurrency]) {
      const { durations, elapsedMs } = await runConcurrently(n, c, () => signInNext());
      const context = { engine: haven.engine, n, concurrency: c };
      emit({ bench: BENCH, metric: 'latency_p50', value: round(percentile(durations, 50)), unit: 'ms', ...context });
      emit({ bench: BENCH, metric: 'latency_p99', value: round(percentile(durations, 99)), unit: 'ms', ...context });
      emit({ bench: BENCH, metric: 'throughput', value: round((n / elapsedMs) * 1000), unit: 'sign-ins/s', ...context });
    }
  } finally {
    await app.close();
    await haven.close();
  }
}

async function signIn(app: FastifyInstance, person: BenchPerson, i: number): Promise<void> {
  const remoteAddress = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress, payload: { email: person.email, password: BENCH_PASSWORD } });
  if (login.statusCode !== 200) throw new Error(`login answered ${login.statusCode}: ${login.body}`);
  const cookie = login.cookies.find((c) => c.name === 'haven_session')!.value;
  const code = totpAt(person.totpSecret, timeStep(new Date()));
  const verify = await app.inject({
    method: 'POST',
    url: '/api/auth/mfa/verify',
    remoteAddress,
    headers: { cookie: `haven_session=${cookie}`, 'x-csrf-token': (login.json() as { csrfToken: string }).csrfToken },
    payload: { code },
  });
  if (verify.statusCode !== 200) throw new Error(`MFA answered ${verify.statusCode}: ${verify.body}`);
}
