import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import type { DB } from './db/schema.ts';
import type { DatabaseKind } from './db/database.ts';
import type { KeyRing } from './crypto/keys.ts';

/** What every service needs, built once at start and handed down explicitly (no globals). */
export interface AppContext {
  config: Config;
  db: Kysely<DB>;
  dbKind: DatabaseKind;
  keys: KeyRing;
  log: Logger;
  /** The clock, replaceable in tests that check expiry at an exact second. */
  now: () => Date;
}
