import path from 'node:path';
import { defineCommand, line, stringOption } from '../command.ts';
import { restoreBackup } from '../../platform/backup/restore.ts';
import { AppError } from '../../platform/errors.ts';
import { verifyAuditChain } from '../../platform/audit/verify.ts';
import { printTableCounts } from '../print.ts';
import { report } from './verify-audit.ts';

export const restore = defineCommand({
  name: 'restore',
  summary: 'Load a backup file into this database, in one transaction, and verify it.',
  details: [
    'Stop every Haven server using this database first. The target must hold no agencies, users or audit',
    'entries, unless --force, which replaces everything in it. The schema is migrated first; a backup from an',
    'older Haven restores into a newer one, never the reverse. Use the master key the backup was made with',
    '(HAVEN_MASTER_KEY or HAVEN_KEY_FILE). Every table is read back and compared with the digest taken at',
    'backup time; on any difference nothing is kept. The audit chain is verified afterwards (exit 2 if broken).',
    'A file whose authentication fails (changed after it was made) is refused before anything is loaded. An',
    'encrypted backup needs the master key it was made with, or HAVEN_BACKUP_PASSPHRASE if made with one.',
  ],
  options: {
    in: { type: 'string', required: true, placeholder: 'FILE', description: 'the backup file' },
    force: { type: 'boolean', description: 'replace a database that already holds data' },
  },
  examples: ['restore --in /srv/backups/haven-2026-11-23.backup.gz', 'DATABASE_URL=postgres://haven@db/haven restore --in haven.backup.gz'],
  // The backup carries its own key check value; the target's (if any) is about to be replaced.
  open: { checkKey: false },
  parse: (values) => ({ file: path.resolve(stringOption(values, 'in')), force: values.force === true }),
  async run({ args, haven, io }) {
    const { ctx } = haven;
    const summary = await restoreBackup(ctx.db, ctx.keys, { file: args.file, force: args.force, passphrase: ctx.config.backupPassphrase }).catch((error: unknown) => {
      if (haven.keyCreated && error instanceof AppError && /master key/.test(error.message)) {
        throw new AppError('conflict', `${error.message} (No key was found, so a new one was just created at ${haven.keySource}: replace it with the backup's key file.)`);
      }
      throw error;
    });
    const rows = summary.tables.reduce((sum, t) => sum + t.rows, 0);
    line(io, `Restored ${args.file} (made ${summary.header.createdAt} on ${summary.header.source}) into ${haven.location}.`);
    if (summary.replaced) line(io, 'The data the database held before was replaced.');
    line(io, `  ${summary.tables.length} tables, ${rows} rows; every table matches the backup's digest.`);
    printTableCounts(io, summary.tables);
    line(io);
    return report(io, await verifyAuditChain(ctx.db, ctx.keys)) ?? 0;
  },
});
