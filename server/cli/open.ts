import pino from 'pino';
import { loadConfig } from '../platform/config.ts';
import { openHaven } from '../platform/boot.ts';
import type { CliHaven, OpenOptions } from './command.ts';

/**
 * Opens Haven exactly as the server does (same DATABASE_URL, HAVEN_DATA_DIR and key), with the log on
 * stderr so that a command's own output stays clean, and quieter than the server's unless asked.
 */
export async function openFromEnvironment(options: OpenOptions): Promise<CliHaven> {
  const config = loadConfig();
  const log = pino({ level: config.logLevel === 'info' ? 'warn' : config.logLevel, base: { service: 'haven-cli' } }, pino.destination({ dest: 2, sync: true }));
  const haven = await openHaven(config, { log, ...options });
  return {
    ctx: haven.ctx,
    location: haven.database.location,
    keySource: haven.keySource,
    keyCreated: haven.keyCreated,
    migrationsApplied: haven.migrationsApplied,
    close: () => haven.close(),
  };
}
