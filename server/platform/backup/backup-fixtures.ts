import type { Kysely } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import type { DB } from '../db/schema.ts';
import { actorFor } from '../access/access.ts';
import { createAgency } from '../../modules/agencies/agencies.service.ts';
import { createUser } from '../../modules/users/users.service.ts';
import { createSurvivor } from '../../modules/survivors/survivors.service.ts';
import { enqueueJob } from '../jobs/queue.ts';
import { runDueJobs, scheduleRecurringJobs } from '../jobs/runner.ts';
import { createTestAgency, createTestUser, type TestUser } from '../../test/factories.ts';
import { Agent, currentCode, signIn } from '../../test/agent.ts';
import type { TestClock } from '../../test/test-app.ts';
import { createTestDatabase } from '../../test/test-database.ts';
import type { Database } from '../db/database.ts';
import { listTables } from './catalog.ts';
import { readTableRows, useCanonicalSession } from './rows.ts';

/**
 * Fills a Haven with a bit of everything the foundation stores, through the services and the HTTP API:
 * agencies, users with roles, activation links, sessions, TOTP enrollment with recovery codes, failed
 * sign-ins, audit entries and jobs (done and pending), the key check value, and a sealed survivor record.
 */
export async function populateHaven(ctx: AppContext, app: FastifyInstance, clock: TestClock): Promise<{ admin: TestUser }> {
  await ctx.db.insertInto('settings').values({ key: 'key_check', value: JSON.stringify(ctx.keys.checkValue()) }).execute();
  const coordinator = await createTestAgency(ctx, { type: 'task_force_coordinator', name: 'Riverside Task Force' });
  const admin = await createTestUser(ctx, { agencyId: coordinator.id, roles: ['taskforce_admin', 'agency_admin'], email: 'admin@taskforce.test' });
  const actor = actorFor({ id: admin.id, agencyId: coordinator.id, roles: admin.roles });
  const police = await createAgency(ctx, actor, { name: 'Riverside Police', shortName: 'RPD', type: 'law_enforcement', contactEmail: 'desk@rpd.test', contactPhone: '+1 555 0100' });
  const shelter = await createAgency(ctx, actor, { name: 'Harbor House', shortName: null, type: 'victim_service_provider', contactEmail: null, contactPhone: null });
  await createUser(ctx, actor, { agencyId: police.id, email: 'detective@rpd.test', displayName: 'Dana Detective', roles: ['investigator'] });
  const advocate = await createUser(ctx, actor, { agencyId: shelter.id, email: 'advocate@harbor.test', displayName: 'Ana Advocate', roles: ['victim_advocate', 'agency_admin'] });
  // A survivor record: sealed parts, blind indexes and the agency's data key, all under row-level security.
  await createSurvivor(ctx, actorFor({ id: advocate.user.id, agencyId: shelter.id, roles: ['victim_advocate'] }), {
    identity: { names: ['Backup Survivor'], aliases: [], birthDate: '1990-05-05', documents: [], allegedTraffickers: [] },
    contact: { phones: ['713-555-0177'], emails: [], addresses: [], safeToContact: null },
    narrative: 'Kept in the backup.', gender: null, estimatedAge: null, primaryLanguage: null, traffickingType: 'labor', identifiedAt: null,
  });

  await signIn(app, clock, admin);
  const newcomer = await createTestUser(ctx, { agencyId: shelter.id, roles: ['provider_staff'], enrolled: false });
  const agent = new Agent(app);
  await agent.post('/api/auth/login', { email: newcomer.email, password: newcomer.password });
  const { secret } = (await agent.get('/api/auth/mfa/enrollment')).json() as { secret: string };
  const enrolled = await agent.post('/api/auth/mfa/enroll', { code: currentCode(secret, clock) });
  if (enrolled.statusCode !== 200) throw new Error(`enrollment failed: ${enrolled.body}`);
  await new Agent(app).post('/api/auth/login', { email: admin.email, password: 'a wrong password for the trail' });

  await scheduleRecurringJobs(ctx);
  await runDueJobs(ctx);
  await enqueueJob(ctx.db, 'accounts.sweep', { note: 'pending' }, { runAt: new Date(clock.now().getTime() + 3_600_000) });
  return { admin };
}

/** Row count and digest of every table, read the way the backup reads them. */
export async function tableDigests(db: Kysely<DB>): Promise<Record<string, { rows: number; sha256: string }>> {
  return db.transaction().execute(async (trx) => {
    await useCanonicalSession(trx);
    const out: Record<string, { rows: number; sha256: string }> = {};
    for (const table of await listTables(trx)) {
      out[table.name] = await readTableRows(trx, table, table.columns.map((c) => c.name));
    }
    return out;
  });
}

/** Fresh databases to restore into, all closed together when a file's tests end. */
export function restoreTargets(): { fresh(): Promise<Database>; keep(database: Database): void; closeAll(): Promise<void> } {
  const opened: Database[] = [];
  return {
    async fresh() {
      const database = await createTestDatabase();
      opened.push(database);
      return database;
    },
    keep(database) {
      opened.push(database);
    },
    async closeAll() {
      for (const database of opened.splice(0)) await database.close();
    },
  };
}
