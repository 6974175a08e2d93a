import { sql } from 'kysely';
import type { TestHaven } from './test-app.ts';

/**
 * Makes `calls` collide on `table` the way two people saving the same thing at the same moment do. On a
 * PostgreSQL server the table is locked against writes until every call is waiting to write to it, so each
 * has already looked and found nothing in the way. Embedded PGlite has one connection that serializes every
 * transaction: there the calls simply run side by side.
 */
export async function collideOnTable<T>(h: TestHaven, table: string, calls: (() => Promise<T>)[]): Promise<T[]> {
  if (h.ctx.dbKind !== 'postgres') return Promise.all(calls.map((call) => call()));
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let locked!: () => void;
  const isLocked = new Promise<void>((resolve) => (locked = resolve));
  const holder = h.ctx.db.transaction().execute(async (trx) => {
    await sql`lock table ${sql.table(table)} in share mode`.execute(trx);
    locked();
    await released;
  });
  await isLocked;
  const running = calls.map((call) => call());
  for (let i = 0; i < 200; i++) {
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from pg_locks l join pg_class c on c.oid = l.relation where c.relname = ${table} and not l.granted
    `.execute(h.ctx.db);
    if ((rows[0]?.n ?? 0) >= calls.length) break;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  release();
  await holder;
  return Promise.all(running);
}
