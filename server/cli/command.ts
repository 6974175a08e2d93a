import type { AppContext } from '../platform/context.ts';

/** Where a command writes: the process's streams, or collectors in tests. */
export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/** An opened Haven as a command sees it. Tests hand in one around their own test database. */
export interface CliHaven {
  ctx: AppContext;
  /** Where the data lives, for messages (server URL without password, or the PGlite folder). */
  location: string;
  keySource: string;
  keyCreated: boolean;
  migrationsApplied: string[];
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Bring the schema up to date first (default). Read-only commands leave the database as it is. */
  migrate?: boolean;
  /** Refuse a master key that does not match the data (default). Restore checks the backup's instead. */
  checkKey?: boolean;
}

export type OpenHaven = (options: OpenOptions) => Promise<CliHaven>;

export interface OptionSpec {
  type: 'string' | 'boolean';
  description: string;
  required?: boolean;
  /** Shown in usage: --email EMAIL. */
  placeholder?: string;
}

export type OptionValues = Record<string, string | boolean | undefined>;

export interface Command<Args = unknown> {
  name: string;
  summary: string;
  /** Paragraphs printed by --help after the usage line. */
  details?: string[];
  options: Record<string, OptionSpec>;
  examples: string[];
  open?: OpenOptions;
  /** Checks the options before anything is opened; throws UsageError. */
  parse(values: OptionValues): Args;
  /** Returns the exit code (0 when it returns nothing). */
  run(input: { args: Args; haven: CliHaven; io: CliIo }): Promise<number | void>;
}

/** Keeps each command's argument type checked while the registry holds them side by side. */
export function defineCommand<Args>(command: Command<Args>): Command {
  return command as Command;
}

/** A mistake in how a command was called: one line on stderr, exit 1, no database opened. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export function line(io: CliIo, text = ''): void {
  io.stdout.write(`${text}\n`);
}

/** A string option's value, trimmed; throws a usage error when a required one is missing or empty. */
export function stringOption(values: OptionValues, name: string): string;
export function stringOption(values: OptionValues, name: string, optional: 'optional'): string | undefined;
export function stringOption(values: OptionValues, name: string, optional?: 'optional'): string | undefined {
  const value = values[name];
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (optional) return undefined;
  throw new UsageError(value === undefined ? `--${name} is required.` : `--${name} needs a value.`);
}

export function usageLine(command: Command): string {
  const parts = Object.entries(command.options).map(([name, spec]) => {
    const flag = spec.type === 'string' ? `--${name} ${spec.placeholder ?? name.toUpperCase()}` : `--${name}`;
    return spec.required ? flag : `[${flag}]`;
  });
  return `npm run haven -- ${[command.name, ...parts].join(' ')}`;
}

export function helpText(command: Command): string {
  const width = Math.max(...Object.keys(command.options).map((n) => n.length), 4) + 4;
  const options = Object.entries(command.options).map(([name, spec]) => `  --${name.padEnd(width)}${spec.description}${spec.required ? ' (required)' : ''}`);
  return [
    `${command.summary}`,
    '',
    `Usage: ${usageLine(command)}`,
    ...(command.details?.length ? ['', ...command.details] : []),
    '',
    'Options:',
    ...options,
    `  --${'help'.padEnd(width)}show this help`,
    '',
    'Examples:',
    ...command.examples.map((e) => `  npm run haven -- ${e}`),
    '',
  ].join('\n');
}
