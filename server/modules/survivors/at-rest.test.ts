import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../platform/config.ts';
import type { AppContext } from '../../platform/context.ts';
import { KeyRing } from '../../platform/crypto/keys.ts';
import { openDatabase, type Database } from '../../platform/db/database.ts';
import { migrateToLatest } from '../../platform/db/migrate.ts';
import { TestClock, type TestHaven } from '../../test/test-app.ts';
import { createTestAgency, createTestUser } from '../../test/factories.ts';
import { openSession } from '../../test/sessions.ts';

/** Every file under `dir` whose bytes hold `needle` as UTF-8, case-insensitively for ASCII. */
async function filesHolding(dir: string, needle: string): Promise<string[]> {
  const wanted = [Buffer.from(needle), Buffer.from(needle.toLowerCase()), Buffer.from(needle.toUpperCase())];
  const found: string[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const bytes = await readFile(file);
    if (wanted.some((w) => bytes.includes(w))) found.push(path.relative(dir, file));
  }
  return found;
}

// The database files themselves, WAL included, as a thief with a copy of the data folder would read them: an
// embedded database on disk, written through the API, checkpointed and closed.
describe('survivor records at rest', () => {
  const canary = `Qwvzorbit${randomBytes(4).toString('hex')}`;
  const control = `Plainprobe${randomBytes(4).toString('hex')}`;
  let dir: string;
  let database: Database;
  let h: TestHaven;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'haven-at-rest-'));
    database = await openDatabase({ dataDir: path.join(dir, 'pg') });
    await migrateToLatest(database.db as never);
    const clock = new TestClock();
    const ctx: AppContext = {
      config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PUBLIC_URL: 'http://haven.test' }),
      db: database.db,
      dbKind: database.kind,
      keys: new KeyRing(randomBytes(32)),
      log: pino({ level: 'silent' }),
      now: clock.now,
    };
    const app = await buildApp(ctx);
    await app.ready();
    h = { app, ctx, clock, close: async () => app.close() };

    const ngo = await createTestAgency(ctx, { type: 'victim_service_provider', name: `NGO ${control}` });
    const advocate = await openSession(h, await createTestUser(ctx, { agencyId: ngo.id, roles: ['victim_advocate'] }));
    const created = await advocate.post('/api/survivors', {
      identity: { names: [`${canary} Ramirez`], aliases: [canary], birthDate: '1994-05-17', documents: [{ type: 'passport', number: `X${canary}` }], allegedTraffickers: [`${canary} Senior`] },
      contact: { phones: ['713-555-0142'], emails: [`${canary.toLowerCase()}@example.org`], addresses: [`12 ${canary} Street`], safeToContact: 'Text only, after 6 pm' },
      narrative: `${canary} was brought here to work in a kitchen and never paid.`,
      gender: null, estimatedAge: null, primaryLanguage: 'es', traffickingType: 'labor', identifiedAt: null,
    });
    expect(created.statusCode, created.body).toBe(201);
    await sql`checkpoint`.execute(database.db);
    await h.close();
    await database.close();
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('finds what is stored in clear, so the scan can see plain text in the files', async () => {
    expect((await filesHolding(dir, control)).length).toBeGreaterThan(0);
  });

  it('holds no survivor’s name, alias, document, address, email or narrative in plain text in any database file', async () => {
    expect(await filesHolding(dir, canary)).toEqual([]);
  });
});
