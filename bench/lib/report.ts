/** One figure, one JSON line on stdout: easy to grep, to diff between runs and to load anywhere. */
export interface Figure {
  bench: string;
  metric: string;
  value: number;
  unit: string;
  [context: string]: string | number | boolean;
}

export function emit(figure: Figure): void {
  process.stdout.write(`${JSON.stringify(figure)}\n`);
}

/** The p-th percentile (0–100) by nearest rank. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export const round = (value: number, digits = 2): number => Number(value.toFixed(digits));

/** Runs `task(i)` for i in [0, count) with at most `concurrency` in flight; returns each one's duration in ms. */
export async function runConcurrently(count: number, concurrency: number, task: (i: number) => Promise<void>): Promise<{ durations: number[]; elapsedMs: number }> {
  const durations: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    for (let i = next++; i < count; i = next++) {
      const t0 = performance.now();
      await task(i);
      durations.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return { durations: durations.sort((a, b) => a - b), elapsedMs: performance.now() - started };
}

/** A whole-number option given on the command line (parseArgs hands back strings). */
export function positiveInt(values: Record<string, string | boolean | undefined>, flag: string): number {
  const n = Number(values[flag]);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${flag} must be a positive whole number.`);
  return n;
}
