import { line, type CliIo } from './command.ts';

export function printTableCounts(io: CliIo, tables: { table: string; rows: number }[]): void {
  const width = Math.max(...tables.map((t) => t.table.length), 5);
  for (const t of tables) line(io, `  ${t.table.padEnd(width)}  ${String(t.rows).padStart(9)} row${t.rows === 1 ? '' : 's'}`);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
}

/** Said after every backup: the one thing a backup cannot hold is the one thing it cannot be used without. */
export function printKeyReminder(io: CliIo, keySource: string): void {
  line(io);
  line(io, 'The master key is NOT in this backup. Keep the key file / HAVEN_MASTER_KEY with the backup, apart from it:');
  line(io, 'without the key, sealed secrets (TOTP) cannot be read and the audit chain cannot be verified.');
  line(io, `Key in use: ${keySource}`);
}
