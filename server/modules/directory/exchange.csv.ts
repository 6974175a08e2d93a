import { SERVICE_TYPES } from '../../../common/directory/vocabulary.ts';
import { CsvSyntaxError, readCell, readCsv, writeRow } from './csv.ts';
import { formatHoursText, parseHoursText, type WeeklyHours } from './hours.ts';
import type { CapacityRow, ProviderRow } from './directory.repo.ts';
import type { FieldNames, ImportRow, RowProblem } from './exchange.rows.ts';

/**
 * The directory as a spreadsheet: one row per provider, these columns in this order (docs/api.md). Lists are
 * separated by semicolons; yes/no columns take yes, no, true, false, 1 or 0; hours read like
 * "MO-FR 09:00-17:00; SA 10:00-14:00" or "24/7"; capacity like "shelter=3/12; counseling=2".
 */
export const CSV_COLUMNS = [
  'id', 'organization', 'name', 'description', 'services', 'languages', 'min_age', 'max_age', 'accepts_minors', 'genders',
  'immigration_requirement', 'eligibility_notes', 'hours', 'hours_notes', 'cost', 'cost_notes', 'accessibility', 'accessibility_notes',
  'intake_process', 'phone', 'email', 'website', 'address_1', 'address_2', 'city', 'state', 'postal_code', 'area', 'latitude', 'longitude',
  'time_zone', 'confidential', 'status', 'capacity',
] as const;
type Column = (typeof CSV_COLUMNS)[number];
const REQUIRED: readonly Column[] = ['organization', 'name', 'services'];

export const CSV_FIELD_NAMES: FieldNames = {
  organizationName: 'organization', name: 'name', description: 'description', serviceTypes: 'services', languages: 'languages', minAge: 'min_age',
  maxAge: 'max_age', acceptsMinors: 'accepts_minors', genders: 'genders', immigrationRequirement: 'immigration_requirement', eligibilityNotes: 'eligibility_notes',
  hours: 'hours', open24Hours: 'hours', hoursNotes: 'hours_notes', cost: 'cost', costNotes: 'cost_notes', accessibility: 'accessibility',
  accessibilityNotes: 'accessibility_notes', intakeProcess: 'intake_process', phone: 'phone', email: 'email', website: 'website', address1: 'address_1',
  address2: 'address_2', city: 'city', state: 'state', postalCode: 'postal_code', area: 'area', latitude: 'latitude', longitude: 'longitude',
  timeZone: 'time_zone', confidentialLocation: 'confidential', status: 'status',
};

const list = (text: string) => text.split(';').map((s) => s.trim()).filter(Boolean);
const codes = (text: string) => list(text).map((s) => s.toLowerCase());

function yesNo(text: string, column: string, problems: (field: string, message: string) => void): boolean | undefined {
  const v = text.toLowerCase();
  if (['yes', 'true', '1', 'y'].includes(v)) return true;
  if (['no', 'false', '0', 'n'].includes(v)) return false;
  problems(column, `Write yes or no, not "${text}".`);
  return undefined;
}

function number(text: string, column: string, problems: (field: string, message: string) => void): number | undefined {
  const n = Number(text);
  if (text === '' || !Number.isFinite(n)) {
    problems(column, `"${text}" is not a number.`);
    return undefined;
  }
  return n;
}

/** "shelter=3/12; counseling=2": free / in all, the total optional. */
function parseCapacity(text: string, problems: (field: string, message: string) => void): ImportRow['capacity'] {
  const counts: NonNullable<ImportRow['capacity']> = [];
  for (const entry of list(text)) {
    const match = /^([a-z_]+)\s*=\s*(\d{1,6})(?:\s*\/\s*(\d{1,6}))?$/.exec(entry);
    if (!match) {
      problems('capacity', `"${entry}" is not a count like "shelter=3/12" (service=free/total).`);
      continue;
    }
    if (!(SERVICE_TYPES as readonly string[]).includes(match[1]!)) {
      problems('capacity', `"${match[1]}" is not a service type; use one of the codes in the services column.`);
      continue;
    }
    counts.push({ serviceType: match[1]!, available: Number(match[2]), total: match[3] === undefined ? null : Number(match[3]) });
  }
  return counts;
}

/** The header row: every required column present, nothing unknown, nothing twice. */
function readHeader(cells: string[]): { columns: Array<Column>; problems: RowProblem[] } {
  const names = cells.map((c) => readCell(c).toLowerCase());
  const problems: RowProblem[] = [];
  names.forEach((name, i) => {
    if (!(CSV_COLUMNS as readonly string[]).includes(name)) problems.push({ row: 1, field: name || `column ${i + 1}`, message: `"${name}" is not a column Haven knows. The columns are: ${CSV_COLUMNS.join(', ')}.` });
    else if (names.indexOf(name) !== i) problems.push({ row: 1, field: name, message: `The column "${name}" appears twice.` });
  });
  for (const required of REQUIRED) if (!names.includes(required)) problems.push({ row: 1, field: required, message: `The column "${required}" is missing; it is required.` });
  return { columns: names as Column[], problems };
}

/**
 * Reads a directory CSV into rows. Syntax problems (an unclosed quote) stop the reading and are reported on
 * their line; problems within a row are gathered so every row is reported at once.
 */
export function csvToRows(text: string): { rows: ImportRow[]; problems: RowProblem[] } {
  const rows: ImportRow[] = [];
  const problems: RowProblem[] = [];
  let columns: Column[] | null = null;
  try {
    for (const record of readCsv(text)) {
      if (!columns) {
        const header = readHeader(record.cells);
        if (header.problems.length) return { rows: [], problems: header.problems };
        columns = header.columns;
        continue;
      }
      rows.push(recordToRow(record.line, record.cells, columns));
    }
  } catch (error) {
    if (error instanceof CsvSyntaxError) return { rows: [], problems: [{ row: error.line, field: '', message: error.message }] };
    throw error;
  }
  if (!columns) problems.push({ row: 1, field: '', message: `The file is empty. Its first line names the columns: ${CSV_COLUMNS.join(', ')}.` });
  return { rows, problems };
}

function recordToRow(line: number, cells: string[], columns: Column[]): ImportRow {
  const problems: RowProblem[] = [];
  const problem = (field: string, message: string) => problems.push({ row: line, field, message });
  if (cells.length !== columns.length) problem('', `This row has ${cells.length} fields; the header has ${columns.length}. Check for a missing or extra comma.`);
  const value = new Map(columns.map((c, i) => [c, readCell(cells[i])]));
  const has = (c: Column) => value.has(c);
  const text = (c: Column) => value.get(c) ?? '';
  const orNull = (c: Column) => text(c) || null;
  const fields: ImportRow['fields'] = {};

  if (has('organization')) fields.organizationName = text('organization');
  if (has('name')) fields.name = text('name');
  if (has('description')) fields.description = orNull('description');
  if (has('services')) fields.serviceTypes = codes(text('services'));
  if (has('languages')) fields.languages = list(text('languages'));
  if (has('min_age')) fields.minAge = text('min_age') ? number(text('min_age'), 'min_age', problem) : null;
  if (has('max_age')) fields.maxAge = text('max_age') ? number(text('max_age'), 'max_age', problem) : null;
  if (has('accepts_minors') && text('accepts_minors')) fields.acceptsMinors = yesNo(text('accepts_minors'), 'accepts_minors', problem);
  if (has('genders')) fields.genders = codes(text('genders'));
  if (has('immigration_requirement') && text('immigration_requirement')) fields.immigrationRequirement = text('immigration_requirement').toLowerCase();
  if (has('eligibility_notes')) fields.eligibilityNotes = orNull('eligibility_notes');
  if (has('hours')) {
    const parsed = parseHoursText(text('hours'));
    if ('problem' in parsed) problem('hours', parsed.problem);
    else {
      fields.hours = parsed.hours;
      fields.open24Hours = parsed.open24Hours;
    }
  }
  if (has('hours_notes')) fields.hoursNotes = orNull('hours_notes');
  if (has('cost') && text('cost')) fields.cost = text('cost').toLowerCase();
  if (has('cost_notes')) fields.costNotes = orNull('cost_notes');
  if (has('accessibility')) fields.accessibility = codes(text('accessibility'));
  if (has('accessibility_notes')) fields.accessibilityNotes = orNull('accessibility_notes');
  if (has('intake_process')) fields.intakeProcess = orNull('intake_process');
  for (const [column, field] of [['phone', 'phone'], ['email', 'email'], ['website', 'website'], ['address_1', 'address1'], ['address_2', 'address2'], ['city', 'city'], ['state', 'state'], ['postal_code', 'postalCode'], ['area', 'area']] as const) {
    if (has(column)) fields[field] = orNull(column);
  }
  for (const c of ['latitude', 'longitude'] as const) if (has(c)) fields[c] = text(c) ? number(text(c), c, problem) : null;
  if (has('time_zone') && text('time_zone')) fields.timeZone = text('time_zone');
  if (has('confidential') && text('confidential')) fields.confidentialLocation = yesNo(text('confidential'), 'confidential', problem);
  if (has('status') && text('status')) fields.status = text('status').toLowerCase();
  const capacity = has('capacity') && text('capacity') ? parseCapacity(text('capacity'), problem) : null;

  const noAddress = !['address_1', 'address_2', 'postal_code', 'latitude', 'longitude'].some((c) => text(c as Column));
  return { row: line, sourceId: text('id') || null, fields, capacity, keepStoredAddress: fields.confidentialLocation === true && noAddress, problems };
}

export function csvHeader(): string {
  return writeRow(CSV_COLUMNS);
}

/** One provider as a CSV row. A confidential location's street address, ZIP code and position are left empty. */
export function providerToCsv(row: ProviderRow, capacity: readonly CapacityRow[]): string {
  const hide = row.confidential_location;
  const cells: Record<Column, string | number | null> = {
    id: row.external_id ?? row.id,
    organization: row.organization_name,
    name: row.name,
    description: row.description,
    services: row.service_types.join('; '),
    languages: row.languages.join('; '),
    min_age: row.min_age,
    max_age: row.max_age,
    accepts_minors: row.accepts_minors ? 'yes' : 'no',
    genders: row.genders.join('; '),
    immigration_requirement: row.immigration_requirement,
    eligibility_notes: row.eligibility_notes,
    hours: formatHoursText(row.open_24_hours, row.hours as WeeklyHours[]),
    hours_notes: row.hours_notes,
    cost: row.cost,
    cost_notes: row.cost_notes,
    accessibility: row.accessibility.join('; '),
    accessibility_notes: row.accessibility_notes,
    intake_process: row.intake_process,
    phone: row.phone,
    email: row.email,
    website: row.website,
    address_1: hide ? null : row.address_1,
    address_2: hide ? null : row.address_2,
    city: row.city,
    state: row.state,
    postal_code: hide ? null : row.postal_code,
    area: row.area,
    latitude: hide ? null : row.latitude,
    longitude: hide ? null : row.longitude,
    time_zone: row.time_zone,
    confidential: row.confidential_location ? 'yes' : 'no',
    status: row.status,
    capacity: capacity.map((c) => `${c.service_type}=${c.available}${c.total === null ? '' : `/${c.total}`}`).join('; '),
  };
  return writeRow(CSV_COLUMNS.map((c) => cells[c]));
}

