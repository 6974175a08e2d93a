import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './platform/config.ts';
import { createLogger, openHaven } from './platform/boot.ts';
import { issueSetupLinkIfNeeded } from './modules/setup/setup.service.ts';
import { startJobRunner } from './platform/jobs/runner.ts';

/** Process entry: config → database → migrate → app → listen. */
async function main(): Promise<void> {
  const startedAt = performance.now();
  const config = loadConfig();
  const log = createLogger(config);
  const haven = await openHaven(config, { log });
  const { ctx } = haven;
  if (haven.keyCreated) log.warn({ keyFile: haven.keySource }, 'created a new master key: back it up apart from the database (see README, Operations)');
  const app = await buildApp(ctx);
  const jobs = startJobRunner(ctx);
  await app.listen({ port: config.port, host: config.host });
  log.info({ url: config.publicUrl, database: haven.database.kind, location: haven.database.location, startMs: Math.round(performance.now() - startedAt) }, 'Haven is listening');

  const setupLink = await issueSetupLinkIfNeeded(ctx);
  if (setupLink) {
    // Printed to the console only: whoever started the server creates the first administrator.
    process.stdout.write(`\nHaven has no administrator yet. Open this one-time link to create the first one:\n\n  ${setupLink}\n\n`);
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    await app.close();
    await jobs.stop();
    await haven.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`);
  else process.stderr.write(`Haven could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
