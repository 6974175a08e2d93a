import { createHmac, type Hmac } from 'node:crypto';
import { z } from 'zod';
import type { KeyRing } from '../crypto/keys.ts';

/**
 * A Haven backup is gzip'd JSON lines, readable by any PostgreSQL Haven runs on:
 *
 *   {"format":"haven-backup","version":1,…}          header: migrations, key check, tables and columns
 *   ["table","agencies"]                              a table's rows follow, one row_to_json object a line
 *   {"id":"…","name":"…",…}
 *   ["end","agencies",{"rows":3,"sha256":"…"}]        row count and digest of the rows as read
 *   …
 *   ["done",{"tables":9}]                             the file is complete
 *   ["auth",{"hmac":"…"}]                             HMAC-SHA256 of every line above, under a key derived from
 *                                                     the master key: nobody without it can edit the file unseen
 *
 * Optionally the whole gzip'd file is encrypted (encryption.ts).
 * Rows are always objects and markers always arrays, so a row can never be taken for a marker.
 */
export const BACKUP_FORMAT = 'haven-backup';
export const BACKUP_VERSION = 2;
/** Version 1 had no authentication line: such a file could have been edited, digests and all. */
export const UNAUTHENTICATED_VERSION = 1;

export const backupHeader = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.union([z.literal(BACKUP_VERSION), z.literal(UNAUTHENTICATED_VERSION)]),
  createdAt: z.string(),
  /** The engine it was made on, for messages only: a backup restores into either. */
  source: z.enum(['postgres', 'pglite']),
  migrations: z.array(z.string()),
  /** The master key's check value (settings.key_check), to refuse a restore under another key. */
  keyCheck: z.string().nullable(),
  tables: z.array(z.object({ name: z.string().min(1), columns: z.array(z.string().min(1)).min(1) })),
});

export type BackupHeader = z.infer<typeof backupHeader>;

const tableStart = z.tuple([z.literal('table'), z.string()]);
const tableEnd = z.tuple([z.literal('end'), z.string(), z.object({ rows: z.number().int().min(0), sha256: z.string().regex(/^[0-9a-f]{64}$/) })]);
const done = z.tuple([z.literal('done'), z.object({ tables: z.number().int().min(0) })]);
export const marker = z.union([tableStart, tableEnd, done]);

export type Marker = z.infer<typeof marker>;

export const authLine = (hmac: string) => JSON.stringify(['auth', { hmac }]);
export const AUTH_PREFIX = '["auth",';
export const authMarker = z.tuple([z.literal('auth'), z.object({ hmac: z.string().regex(/^[0-9a-f]{64}$/) })]);

/** The running HMAC of a backup's lines, each with its newline, under the master key's backup key. */
export function backupMac(keys: KeyRing): Hmac {
  return createHmac('sha256', keys.key('backup-auth'));
}

export const tableStartLine = (name: string) => JSON.stringify(['table', name]);
export const tableEndLine = (name: string, summary: { rows: number; sha256: string }) => JSON.stringify(['end', name, summary]);
export const doneLine = (tables: number) => JSON.stringify(['done', { tables }]);

export interface TableCount {
  table: string;
  rows: number;
}
