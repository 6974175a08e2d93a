import pino from 'pino';
import { loadConfig } from '../platform/config.ts';
import { openHaven } from '../platform/boot.ts';
import { redactUrl } from '../platform/db/database.ts';
import { AppError } from '../platform/errors.ts';
import type { CliHaven, OpenOptions } from './command.ts';

/**
 * Opens Haven exactly as the server does (same DATABASE_URL, HAVEN_DATA_DIR and key), with the log on
 * stderr so that a command's own output stays clean, and quieter than the server's unless asked.
 */
export async function openFromEnvironment(options: OpenOptions): Promise<CliHaven> {
  const config = loadConfig();
  const log = pino({ level: config.logLevel === 'info' ? 'warn' : config.logLevel, base: { service: 'haven-cli' } }, pino.destination({ dest: 2, sync: true }));
  const haven = await openHaven(config, { log, statementTimeoutMs: config.cliStatementTimeoutMs, ...options }).catch((error: unknown) => {
    // Read-only commands do not create the schema: an empty database means a wrong DATABASE_URL or folder.
    if (options.migrate === false && /relation "settings" does not exist/.test(String((error as Error)?.message))) {
      const where = config.databaseUrl ? redactUrl(config.databaseUrl) : config.dataDir;
      throw new AppError('not_found', `There is no Haven database at ${where}. Check DATABASE_URL / HAVEN_DATA_DIR.`);
    }
    throw error;
  });
  return {
    ctx: haven.ctx,
    location: haven.database.location,
    keySource: haven.keySource,
    keyCreated: haven.keyCreated,
    migrationsApplied: haven.migrationsApplied,
    close: () => haven.close(),
  };
}
