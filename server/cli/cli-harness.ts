import type { AppContext } from '../platform/context.ts';
import type { CliHaven, OpenHaven, OpenOptions } from './command.ts';
import { runCli } from './main.ts';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI in-process against a test database. Records how Haven was asked to be opened, so tests can
 * check that a usage error opens nothing and that each command opens the way it should.
 */
export function cliFor(getCtx: () => AppContext) {
  const opened: OpenOptions[] = [];
  const open: OpenHaven = async (options) => {
    opened.push(options);
    const haven: CliHaven = { ctx: getCtx(), location: 'the test database', keySource: 'the test key', keyCreated: false, migrationsApplied: [], close: async () => {} };
    return haven;
  };
  const run = async (...argv: string[]): Promise<CliRun> => {
    let stdout = '';
    let stderr = '';
    const io = { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } };
    const code = await runCli(argv, io, { open });
    return { code, stdout, stderr };
  };
  return { run, opened };
}

/** The activation token carried in a printed link's fragment. */
export function tokenFrom(stdout: string): string {
  const match = /#token=([\w-]+)/.exec(stdout);
  if (!match) throw new Error(`no activation link in: ${stdout}`);
  return match[1]!;
}
