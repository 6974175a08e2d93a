import type { PGlite } from '@electric-sql/pglite';
import type { EngineWatch } from './pglite-engine.ts';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';

/**
 * Kysely driver for embedded PGlite. PGlite is one connection, so every acquire waits its turn: a transaction
 * owns the connection until it commits or rolls back. Code inside a transaction must use the transaction
 * handle, never the outer database, or it waits on itself.
 */
export class PGliteDriver implements Driver {
  private queue: Promise<void> = Promise.resolve();
  private readonly connection: PGliteConnection;

  constructor(pglite: PGlite, watch: EngineWatch) {
    this.connection = new PGliteConnection(pglite, watch);
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    let release!: () => void;
    const turn = new Promise<void>((resolve) => (release = resolve));
    const previous = this.queue;
    this.queue = previous.then(() => turn);
    await previous;
    this.connection.release = release;
    return this.connection;
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const level = settings.isolationLevel ? ` isolation level ${settings.isolationLevel}` : '';
    await connection.executeQuery(CompiledQuery.raw(`begin${level}`));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    (connection as PGliteConnection).release?.();
  }

  async destroy(): Promise<void> {
    await this.queue;
  }
}

class PGliteConnection implements DatabaseConnection {
  release: (() => void) | undefined;

  constructor(
    private readonly pglite: PGlite,
    private readonly watch: EngineWatch,
  ) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    this.watch.check();
    const result = await this.run<R>(query).finally(() => this.watch.check());
    const affected = result.affectedRows;
    return {
      rows: result.rows as R[],
      ...(affected !== undefined && !/^\s*select/i.test(query.sql) ? { numAffectedRows: BigInt(affected) } : {}),
    };
  }

  private async run<R>(query: CompiledQuery) {
    return query.parameters.length === 0 && hasSeveralStatements(query.sql)
      ? lastResult(await this.pglite.exec(query.sql))
      : await this.pglite.query<R>(query.sql, query.parameters as unknown[]);
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('Streaming queries are not supported on the embedded database.');
  }
}

// Migrations send several statements in one string; PGlite's extended protocol takes one at a time.
function hasSeveralStatements(text: string): boolean {
  return /;\s*\S/.test(text);
}

function lastResult(results: Awaited<ReturnType<PGlite['exec']>>) {
  return results[results.length - 1] ?? { rows: [], affectedRows: 0, fields: [] };
}
