import { randomBytes } from 'node:crypto';
import pino from 'pino';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import { loadConfig, type Config } from '../platform/config.ts';
import type { AppContext } from '../platform/context.ts';
import { KeyRing } from '../platform/crypto/keys.ts';
import { createTestDatabase } from './test-database.ts';

/** A clock tests can move, to check timeouts and expiry at an exact second. */
export class TestClock {
  private offsetMs = 0;
  now = (): Date => new Date(Date.now() + this.offsetMs);
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

export interface TestHaven {
  app: FastifyInstance;
  ctx: AppContext;
  clock: TestClock;
  close(): Promise<void>;
}

/** The whole application on a fresh database, called through `app.inject` (no network). */
export async function createTestApp(
  options: { config?: Partial<Config>; logStream?: NodeJS.WritableStream; extraRoutes?: (app: FastifyInstance) => Promise<void> } = {},
): Promise<TestHaven> {
  const database = await createTestDatabase();
  const config = { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PUBLIC_URL: 'http://haven.test', REPORTS_PER_CLIENT_HOUR: '10000' }), ...options.config };
  const clock = new TestClock();
  const log = options.logStream ? pino({ level: 'info' }, options.logStream) : pino({ level: 'silent' });
  const ctx: AppContext = { config, db: database.db, dbKind: database.kind, keys: new KeyRing(randomBytes(32)), log, now: clock.now };
  const app = await buildApp(ctx);
  // Routes a test adds to the whole application, as a module would, before it starts.
  if (options.extraRoutes) await options.extraRoutes(app);
  await app.ready();
  return {
    app,
    ctx,
    clock,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
