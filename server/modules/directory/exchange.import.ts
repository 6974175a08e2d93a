import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../platform/context.ts';
import { requireAccess, type Actor } from '../../platform/access/access.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { AppError, forbidden } from '../../platform/errors.ts';
import { canLinkProvider } from './directory.policy.ts';
import { providerValues, setCapacity, type CapacityChange, type ProviderRow } from './directory.repo.ts';
import { PROVIDER_DEFAULTS, providerProblems, providerRecord, type ProviderValues } from './directory.schema.ts';
import { CSV_FIELD_NAMES, csvToRows } from './exchange.csv.ts';
import { HSDS_FIELD_NAMES, serviceToRow } from './exchange.hsds.ts';
import { BATCH, findExisting, insertProviders, updateProviders, type PlannedWrite } from './exchange.repo.ts';
import { ADDRESS_FIELDS, type FieldNames, type ImportRow, type RowProblem } from './exchange.rows.ts';

/** More rows than this go in several files: one import is one transaction, and it should end in seconds. */
export const MAX_IMPORT_ROWS = 20_000;
/** The error answer lists this many problems; the message counts them all. */
const MAX_REPORTED = 500;

export interface ImportResult {
  dryRun: boolean;
  rows: number;
  created: number;
  updated: number;
}

/** What an HSDS body may be: the API's page of services (`contents`) or a bare list of services. */
export type HsdsDocument = unknown[] | { contents: unknown[] };

interface ReadFile {
  rows: ImportRow[];
  problems: RowProblem[];
  names: FieldNames;
  /** Where the format keeps capacity counts, for messages. */
  capacityField: string;
}

function readRows(format: 'hsds' | 'csv', body: HsdsDocument | string): ReadFile {
  if (format === 'csv') {
    if (typeof body !== 'string') throw new AppError('unsupported_media_type', 'Send a CSV file as text/csv.');
    return { ...csvToRows(body), names: CSV_FIELD_NAMES, capacityField: 'capacity' };
  }
  if (typeof body === 'string') throw new AppError('unsupported_media_type', 'Send an HSDS file as application/json.');
  const services = Array.isArray(body) ? body : body.contents;
  return { rows: services.map((s, i) => serviceToRow(s, i + 1)), problems: [], names: HSDS_FIELD_NAMES, capacityField: 'capacities' };
}

const defined = (fields: ImportRow['fields']) => Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));

/**
 * One row against the rules every entry meets (the same as the API's), on top of what is stored for it or
 * of the defaults for a new one. Answers the values to write, or nothing when a problem was found.
 */
function checkRow(row: ImportRow, stored: ProviderRow | undefined, defaultTimeZone: string, file: ReadFile, problems: RowProblem[]): ProviderValues | null {
  const { names } = file;
  const base: Partial<ProviderValues> = stored ? providerValues(stored) : { ...PROVIDER_DEFAULTS, timeZone: defaultTimeZone };
  const candidate: Record<string, unknown> = { ...base, ...defined(row.fields) };
  if (row.keepStoredAddress && stored) for (const field of ADDRESS_FIELDS) candidate[field] = base[field];
  const report = (field: string, message: string) => problems.push({ row: row.row, field, message });
  const parsed = providerRecord.safeParse(candidate);
  const failed = new Set<string>();
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as keyof ProviderValues;
      failed.add(String(field));
      report(names[field] ?? String(field ?? ''), candidate[field] === undefined ? 'This is required.' : issue.message);
    }
  }
  // The rules across fields are checked even when a field failed, so one pass finds every problem; a rule
  // about a field already reported is left out.
  const values = parsed.success ? parsed.data : (candidate as ProviderValues);
  for (const p of providerProblems(values)) if (!failed.has(p.field)) report(names[p.field], p.message);
  if (!parsed.success) return null;
  for (const c of row.capacity ?? []) {
    if (!values.serviceTypes.includes(c.serviceType as ProviderValues['serviceTypes'][number])) report(names.serviceTypes, `Capacity is given for ${c.serviceType}, which the entry does not offer.`);
    else if (c.total !== null && c.available > c.total) report(file.capacityField, `${c.available} free ${c.serviceType} places is more than the ${c.total} in all.`);
  }
  return values;
}

/** One message per field of a row (the first found), in the order of the file. */
function tidy(problems: RowProblem[]): RowProblem[] {
  const seen = new Set<string>();
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => a.p.row - b.p.row || a.i - b.i)
    .map(({ p }) => p)
    .filter((p) => {
      const key = `${p.row}\u0000${p.field}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

function rejection(found: RowProblem[], rowCount: number): AppError {
  const problems = tidy(found);
  const rows = new Set(problems.map((p) => p.row)).size;
  const shown = problems.slice(0, MAX_REPORTED);
  const more = problems.length > shown.length ? ` The first ${shown.length} are listed.` : '';
  return new AppError(
    'import_rejected',
    `Nothing was imported: ${problems.length} ${problems.length === 1 ? 'problem' : 'problems'} in ${rows} of ${rowCount} ${rowCount === 1 ? 'row' : 'rows'}. Fix them and send the whole file again.${more}`,
    shown.map((p) => ({ path: p.field ? `rows.${p.row}.${p.field}` : `rows.${p.row}`, message: p.message })),
  );
}

/**
 * Imports a directory file all or nothing. Every row is read and checked first; with any problem the answer
 * lists each one (row, field, message) and nothing is written. Otherwise the whole file is written in one
 * transaction: rows whose id matches an entry update it (its agency link stays), the others are added.
 * `dryRun` checks without writing.
 */
export async function importDirectory(ctx: AppContext, actor: Actor, format: 'hsds' | 'csv', body: HsdsDocument | string, dryRun: boolean): Promise<ImportResult> {
  requireAccess(actor, 'read', 'directory');
  if (!canLinkProvider(actor)) throw forbidden('Only coordinators and task-force administrators import directory files.');
  const file = readRows(format, body);
  const { rows, problems } = file;
  if (problems.length) throw rejection(problems, rows.length);
  if (rows.length === 0) throw new AppError('import_rejected', 'The file has no rows to import.');
  if (rows.length > MAX_IMPORT_ROWS) throw new AppError('import_rejected', `The file has ${rows.length} rows; import at most ${MAX_IMPORT_ROWS} at a time (split the file).`);

  return ctx.db.transaction().execute(async (trx) => {
    const sourceIds = rows.map((r) => r.sourceId).filter((id): id is string => id !== null);
    const stored = await findExisting(trx, [...new Set(sourceIds)]);
    const seen = new Map<string, number>();
    const inserts: PlannedWrite[] = [];
    const updates: PlannedWrite[] = [];
    const capacity: CapacityChange[] = [];
    const now = ctx.now();
    for (const row of rows) {
      problems.push(...row.problems);
      if (row.unreadable) continue;
      if (row.sourceId) {
        const first = seen.get(row.sourceId);
        if (first !== undefined) problems.push({ row: row.row, field: 'id', message: `The id "${row.sourceId}" is also used by row ${first}; each row needs its own.` });
        else seen.set(row.sourceId, row.row);
      }
      const existing = row.sourceId ? stored.get(row.sourceId) : undefined;
      const values = checkRow(row, existing, ctx.config.directoryDefaultTimeZone, file, problems);
      if (!values) continue;
      const write = { id: existing?.id ?? randomUUID(), externalId: existing ? existing.external_id : row.sourceId, values };
      (existing ? updates : inserts).push(write);
      for (const c of row.capacity ?? []) capacity.push({ providerId: write.id, serviceType: c.serviceType, available: c.available, total: c.total, source: 'import', userId: actor.userId, at: now });
    }
    if (problems.length) throw rejection(problems, rows.length);
    const result = { dryRun, rows: rows.length, created: inserts.length, updated: updates.length };
    if (dryRun) return result;

    await insertProviders(trx, inserts, actor.userId, now);
    await updateProviders(trx, updates, actor.userId, now);
    for (let i = 0; i < capacity.length; i += BATCH) await setCapacity(trx, capacity.slice(i, i + BATCH));
    await recordAudit(trx, ctx.keys, {
      actorUserId: actor.userId,
      actorAgencyId: actor.agencyId,
      action: 'directory.imported',
      entityType: 'directory',
      details: { format, rows: rows.length, created: inserts.length, updated: updates.length, capacityCounts: capacity.length },
    });
    return result;
  });
}
