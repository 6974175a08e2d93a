import path from 'node:path';
import { defineCommand, line, stringOption } from '../command.ts';
import { createBackup } from '../../platform/backup/backup.ts';
import type { BackupEncryption } from '../../platform/backup/encryption.ts';
import { formatBytes, printKeyReminder, printTableCounts } from '../print.ts';

export const backup = defineCommand({
  name: 'backup',
  summary: 'Write every table to one portable backup file (gzip’d JSON lines).',
  details: [
    'The file restores into an embedded database or a PostgreSQL server alike. It is one consistent moment,',
    'taken while Haven keeps running on a server. It holds password hashes and sealed secrets: store it as',
    'carefully as the database. It does NOT hold the master key.',
    'The last line authenticates the file with a key derived from the master key: restore refuses a file',
    'changed after it was made. --encrypt encrypts the file (AES-256-GCM) with a key derived from the master',
    'key, or with HAVEN_BACKUP_PASSPHRASE when that is set; restoring it, on any machine, needs that same key',
    'or passphrase.',
    'With the embedded database, stop the server first: only one process may open the data folder.',
  ],
  options: {
    out: { type: 'string', required: true, placeholder: 'FILE', description: 'the file to write, e.g. haven-2026-11-23.backup.gz' },
    force: { type: 'boolean', description: 'replace FILE if it exists' },
    encrypt: { type: 'boolean', description: 'encrypt FILE (master key, or HAVEN_BACKUP_PASSPHRASE when set)' },
  },
  examples: ['backup --out /srv/backups/haven-$(date +%F).backup.gz', 'backup --encrypt --out /srv/backups/haven-$(date +%F).backup.enc'],
  open: { migrate: false },
  parse: (values) => ({ file: path.resolve(stringOption(values, 'out')), force: values.force === true, encrypt: values.encrypt === true }),
  async run({ args, haven, io }) {
    const passphrase = haven.ctx.config.backupPassphrase;
    const encrypt: BackupEncryption | undefined = !args.encrypt ? undefined : passphrase ? { kind: 'passphrase', passphrase } : { kind: 'master-key' };
    const summary = await createBackup(haven.ctx.db, { file: args.file, source: haven.ctx.dbKind, overwrite: args.force, keys: haven.ctx.keys, encrypt });
    const rows = summary.tables.reduce((sum, t) => sum + t.rows, 0);
    line(io, `Backed up ${haven.location} to ${summary.file}`);
    line(io, `  ${formatBytes(summary.bytes)}, ${summary.tables.length} tables, ${rows} rows, ${summary.migrations.length} migrations (latest ${summary.migrations.at(-1) ?? 'none'}).`);
    printTableCounts(io, summary.tables);
    if (encrypt) line(io, `  Encrypted with ${encrypt.kind === 'passphrase' ? 'HAVEN_BACKUP_PASSPHRASE' : 'a key derived from the master key'}: restoring it needs the same ${encrypt.kind === 'passphrase' ? 'passphrase' : 'master key'}.`);
    printKeyReminder(io, haven.keySource);
  },
});
