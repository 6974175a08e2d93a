import path from 'node:path';
import { defineCommand, line, stringOption } from '../command.ts';
import { createBackup } from '../../platform/backup/backup.ts';
import { formatBytes, printKeyReminder, printTableCounts } from '../print.ts';

export const backup = defineCommand({
  name: 'backup',
  summary: 'Write every table to one portable backup file (gzip’d JSON lines).',
  details: [
    'The file restores into an embedded database or a PostgreSQL server alike. It is one consistent moment,',
    'taken while Haven keeps running on a server. It holds password hashes and sealed secrets: store it as',
    'carefully as the database. It does NOT hold the master key.',
    'With the embedded database, stop the server first: only one process may open the data folder.',
  ],
  options: {
    out: { type: 'string', required: true, placeholder: 'FILE', description: 'the file to write, e.g. haven-2026-11-23.backup.gz' },
    force: { type: 'boolean', description: 'replace FILE if it exists' },
  },
  examples: ['backup --out /srv/backups/haven-$(date +%F).backup.gz'],
  open: { migrate: false },
  parse: (values) => ({ file: path.resolve(stringOption(values, 'out')), force: values.force === true }),
  async run({ args, haven, io }) {
    const summary = await createBackup(haven.ctx.db, { file: args.file, source: haven.ctx.dbKind, overwrite: args.force });
    const rows = summary.tables.reduce((sum, t) => sum + t.rows, 0);
    line(io, `Backed up ${haven.location} to ${summary.file}`);
    line(io, `  ${formatBytes(summary.bytes)}, ${summary.tables.length} tables, ${rows} rows, ${summary.migrations.length} migrations (latest ${summary.migrations.at(-1) ?? 'none'}).`);
    printTableCounts(io, summary.tables);
    printKeyReminder(io, haven.keySource);
  },
});
