import { readdir } from 'node:fs/promises';
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** What every file in bench/benchmarks/ exports. */
export interface Benchmark {
  description: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(values: Record<string, string | boolean | undefined>): Promise<void>;
}

const folder = new URL('./benchmarks/', import.meta.url);

async function main(): Promise<number> {
  const names = (await readdir(folder)).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3)).sort();
  const [name, ...rest] = process.argv.slice(2);
  if (!name || name === '--help') {
    process.stdout.write('Benchmarks (npm run bench -- <name> [options]); each prints JSON lines { bench, metric, value, unit, … }:\n\n');
    for (const n of names) {
      const bench = (await import(new URL(`${n}.ts`, folder).href)) as Benchmark;
      const flags = Object.entries(bench.options).map(([flag, o]) => `--${flag}${o.default !== undefined ? ` (${String(o.default)})` : ''}`);
      process.stdout.write(`  ${n.padEnd(20)}${bench.description}\n${' '.repeat(22)}options: ${flags.join(' ') || 'none'}\n`);
    }
    return 0;
  }
  if (!names.includes(name)) {
    process.stderr.write(`bench: unknown benchmark "${name}". Benchmarks: ${names.join(', ')}.\n`);
    return 1;
  }
  const bench = (await import(new URL(`${name}.ts`, folder).href)) as Benchmark;
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({ args: rest, options: bench.options, strict: true, allowPositionals: false }).values as typeof values;
  } catch (error) {
    process.stderr.write(`bench ${name}: ${(error as Error).message.split('\n')[0]}\n`);
    return 1;
  }
  await bench.run(values);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
