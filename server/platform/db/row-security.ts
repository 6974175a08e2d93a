import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from './schema.ts';

/** The non-superuser role survivor-services transactions run as, so row-level security applies (decision 010). */
export const APP_ROLE = 'haven_app';

export interface RowScope {
  /** The agency whose people are asking: the policies' `app.agency_id`. */
  agencyId: string;
  /** The moment consent is judged at: the policies' `app.now`, the same clock the access module reads. */
  now: Date;
}

/**
 * Runs `work` in one transaction under the application role with the policies' settings, so that a query whose
 * filter was forgotten still sees only what the agency may see. The role and settings end with the transaction.
 */
export function withRowScope<T>(db: Kysely<DB>, scope: RowScope, work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`select set_config('app.agency_id', ${scope.agencyId}, true), set_config('app.now', ${scope.now.toISOString()}, true)`.execute(trx);
    await sql`set local role ${sql.raw(APP_ROLE)}`.execute(trx);
    return work(trx);
  });
}
