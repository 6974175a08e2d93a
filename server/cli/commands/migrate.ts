import { defineCommand, line } from '../command.ts';
import { appliedMigrations } from '../../platform/backup/catalog.ts';

export const migrate = defineCommand({
  name: 'migrate',
  summary: 'Bring the database schema up to date (the server also does this when it starts).',
  details: ['With the embedded database, stop the server first: only one process may open the data folder.'],
  options: {},
  examples: ['migrate', 'DATABASE_URL=postgres://haven@db/haven migrate'],
  parse: () => ({}),
  async run({ haven, io }) {
    const applied = haven.migrationsApplied;
    const total = (await appliedMigrations(haven.ctx.db)).length;
    if (applied.length === 0) {
      line(io, `The database at ${haven.location} is up to date (${total} migrations).`);
      return;
    }
    line(io, `Applied ${applied.length} migration${applied.length === 1 ? '' : 's'} to ${haven.location}:`);
    for (const name of applied) line(io, `  ${name}`);
    line(io, `The database is now up to date (${total} migrations).`);
  },
});
