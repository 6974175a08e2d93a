import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestHaven } from '../../test/test-app.ts';

let h: TestHaven;
beforeAll(async () => {
  h = await createTestApp();
  // Recursion deep enough to exhaust the stack: PostgreSQL stops it with an error; the embedded engine's
  // WebAssembly stack overflows first, a fault PGlite itself swallows.
  await sql`create function deep_recursion(n int) returns int language plpgsql as 'begin if n = 0 then return 0; end if; return deep_recursion(n - 1) + 1; end'`.execute(h.ctx.db);
});
afterAll(async () => h.close());

describe('a statement that breaks the database engine', () => {
  it('fails loudly, and the embedded engine then refuses every statement instead of answering nothing', async () => {
    await expect(sql`select deep_recursion(100000) as depth`.execute(h.ctx.db)).rejects.toThrow(
      h.ctx.dbKind === 'pglite' ? /embedded database engine failed/ : /stack depth limit exceeded/,
    );
    const next = sql<{ one: number }>`select 1 as one`.execute(h.ctx.db);
    if (h.ctx.dbKind === 'pglite') {
      await expect(next).rejects.toThrow(/Restart Haven/);
      const health = await h.app.inject({ method: 'GET', url: '/healthz' });
      expect(health.statusCode).toBe(503);
      expect(health.json()).toEqual({ status: 'degraded', database: { kind: 'pglite', ok: false } });
    } else {
      expect((await next).rows).toEqual([{ one: 1 }]);
    }
  });
});
