import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { AppError } from '../platform/errors.ts';
import { ConfigError } from '../platform/config.ts';
import { helpText, UsageError, type CliIo, type Command, type OpenHaven } from './command.ts';
import { commands } from './commands/index.ts';
import { openFromEnvironment } from './open.ts';

export interface RunCliOptions {
  /** How to open Haven; tests pass one that hands back their own test database. */
  open?: OpenHaven;
}

/**
 * Runs one operator command and returns its exit code: 0 done, 1 a usage or operational error (one line
 * on stderr, never a stack trace), 2 an audit trail that does not verify. `argv` is what follows the
 * script name: `['create-user', '--email', …]`.
 */
export async function runCli(argv: string[], io: CliIo = process, options: RunCliOptions = {}): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.stderr : io.stdout).write(overview());
    return name === undefined ? 1 : 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) return fail(io, null, `unknown command "${name}". Commands: ${commands.map((c) => c.name).join(', ')}.`);
  try {
    const values = parseOptions(command, rest);
    if (values.help === true) {
      io.stdout.write(helpText(command));
      return 0;
    }
    const missing = Object.entries(command.options).filter(([n, spec]) => spec.required && values[n] === undefined).map(([n]) => `--${n}`);
    if (missing.length) throw new UsageError(`missing ${missing.join(', ')}.`);
    const args = command.parse(values);
    const haven = await (options.open ?? openFromEnvironment)(command.open ?? {});
    try {
      if (haven.keyCreated) io.stderr.write(`Created a new master key at ${haven.keySource}. Back it up apart from the database.\n`);
      return (await command.run({ args, haven, io })) ?? 0;
    } finally {
      await haven.close();
    }
  } catch (error) {
    if (error instanceof UsageError) return fail(io, command.name, `${error.message} (see --help)`);
    if (error instanceof AppError) return fail(io, command.name, error.message);
    if (error instanceof ConfigError) return fail(io, command.name, error.message);
    return fail(io, command.name, `failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function fail(io: CliIo, command: string | null, message: string): number {
  io.stderr.write(`haven${command ? ` ${command}` : ''}: ${message}\n`);
  return 1;
}

function parseOptions(command: Command, args: string[]): Record<string, string | boolean | undefined> {
  const options = Object.fromEntries(Object.entries(command.options).map(([n, spec]) => [n, { type: spec.type }]));
  try {
    return parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: false }).values as Record<string, string | boolean | undefined>;
  } catch (error) {
    // node:util's messages are long and talk about its own syntax; say the one thing that is wrong.
    const code = (error as { code?: string }).code;
    const flag = /'(-[^' ]+)/.exec((error as Error).message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`unknown option ${flag}.`);
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') throw new UsageError(`unexpected argument ${JSON.stringify(/'([^']*)'/.exec((error as Error).message)?.[1] ?? '')}; options are written --name value.`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new UsageError(`${flag} ${command.options[flag.replace(/^-+/, '')]?.type === 'boolean' ? 'takes no value' : 'needs a value'}.`);
    throw new UsageError((error as Error).message);
  }
}

function overview(): string {
  const width = Math.max(...commands.map((c) => c.name.length)) + 2;
  return [
    'Haven operator commands. They use the same configuration as the server (DATABASE_URL, HAVEN_DATA_DIR, the master key).',
    '',
    'Usage: npm run haven -- <command> [options]',
    '',
    ...commands.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    '',
    'npm run haven -- <command> --help explains each.',
    '',
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // Exit explicitly: an embedded database or a pool may keep the event loop alive after the command is done.
  void runCli(process.argv.slice(2)).then((code) => process.exit(code));
}
