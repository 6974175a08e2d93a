import { passwordProblem } from '../../server/modules/auth/password.ts';
import { emit, percentile, round } from '../lib/report.ts';
import type { Benchmark } from '../run.ts';

export const description = 'time to judge a chosen password (length, breached list, zxcvbn with the person\'s own words)';
export const options: Benchmark['options'] = { count: { type: 'string', default: '200' } };

export async function run(values: Record<string, string | boolean | undefined>): Promise<void> {
  const count = Number(values.count ?? 200);
  const person = { displayName: 'Maria Gonzalez', email: 'maria.gonzalez@harbor-pd.example', agencyName: 'Harbor City Police' };
  let started = performance.now();
  passwordProblem('warm up the dictionaries please', person);
  emit({ bench: 'password-strength', metric: 'first check (dictionaries load)', value: round(performance.now() - started), unit: 'ms' });
  const durations: number[] = [];
  for (let i = 0; i < count; i++) {
    started = performance.now();
    passwordProblem(i % 2 ? `violet ${i} canyon ribbon meadow` : `Maria${i}Gonzalez!harbor`, person);
    durations.push(performance.now() - started);
  }
  durations.sort((a, b) => a - b);
  for (const p of [50, 95, 99]) emit({ bench: 'password-strength', metric: `check p${p}`, value: round(percentile(durations, p)), unit: 'ms', count });
}
