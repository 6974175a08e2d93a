import { AppError, type FieldProblem } from '../../platform/errors.ts';
import { normalizeAddress, normalizeEmail, normalizeHandle, normalizePaymentHandle, normalizePhone, normalizePlate, normalizeUrl, type IdentifierKind } from '../identifiers/normalize.ts';
import { normalizeName } from '../identifiers/names.ts';
import type { EntityInput } from './entities.schema.ts';

export interface Identifier {
  kind: IdentifierKind;
  value: string;
}

/** What is stored for an entity: its label, its fields, its normalized identifiers and its search key. */
export interface DescribedEntity {
  kind: EntityInput['kind'];
  label: string;
  data: Record<string, unknown>;
  identifiers: Identifier[];
  searchKey: string;
  birthDate: string | null;
  estimatedAge: number | null;
  ageAsOf: string | null;
  /** Persons: every name the person goes by (for deconfliction). */
  names: string[];
}

const unreadable = (path: string, message: string): FieldProblem => ({ path, message });

/**
 * Turns what an investigator typed into a stored entity, normalizing its identifiers. Throws a 400 naming the
 * field when an identifier cannot be read (a phone that is not a phone), so nothing half-normalized is kept.
 */
export function describeEntity(input: EntityInput, today: string, path = 'body.entity'): DescribedEntity {
  const { kind: _kind, ...data } = input;
  const base = { kind: input.kind, data: data as Record<string, unknown>, birthDate: null, estimatedAge: null, ageAsOf: null, names: [] as string[] };
  const problems: FieldProblem[] = [];
  const identifier = (kind: IdentifierKind, value: string | null, field: string, message: string): Identifier[] => {
    if (value) return [{ kind, value }];
    problems.push(unreadable(`${path}.${field}`, message));
    return [];
  };
  let described: DescribedEntity;
  switch (input.kind) {
    case 'person': {
      const names = [input.name, ...input.aliases].filter((n): n is string => Boolean(n));
      const label = input.name ?? input.aliases[0] ?? `Unknown person${input.description ? `: ${input.description.slice(0, 60)}` : ''}`;
      const hasAge = input.birthDate !== null || input.estimatedAge !== null;
      if (input.birthDate && input.birthDate > today) problems.push(unreadable(`${path}.birthDate`, 'A date of birth cannot be in the future.'));
      described = {
        ...base,
        label,
        identifiers: [],
        searchKey: normalizeName(names.join(' ')),
        birthDate: input.birthDate,
        estimatedAge: input.estimatedAge,
        ageAsOf: input.estimatedAge !== null ? (input.ageAsOf ?? today) : null,
        names,
      };
      if (!hasAge) described.ageAsOf = null;
      break;
    }
    case 'organization':
      described = { ...base, label: input.name, identifiers: [], searchKey: normalizeName(input.name) };
      break;
    case 'location': {
      const full = [input.address, input.city, input.state, input.zip].filter(Boolean).join(' ');
      const label = [input.address, input.city, input.state].filter(Boolean).join(', ');
      described = { ...base, label, identifiers: identifier('address', normalizeAddress(full), 'address', 'Enter a street address with a number, such as 123 Main St.'), searchKey: normalizeName(label) };
      break;
    }
    case 'phone': {
      const ids = identifier('phone', normalizePhone(input.number), 'number', 'This is not a phone number that can be read. Enter it with its area code, such as 713 555 0147 or +52 55 1234 5678.');
      described = { ...base, label: ids[0]?.value ?? input.number, identifiers: ids, searchKey: (ids[0]?.value ?? '').replace(/\D/g, '') };
      break;
    }
    case 'email': {
      const ids = identifier('email', normalizeEmail(input.address), 'address', 'This is not an email address, such as name@example.com.');
      described = { ...base, label: ids[0]?.value ?? input.address, identifiers: ids, searchKey: ids[0]?.value ?? '' };
      break;
    }
    case 'vehicle': {
      const ids = identifier('plate', normalizePlate(input.plate, input.state), 'plate', 'A plate has 2 to 10 letters and digits.');
      const what = [input.color, input.make, input.model].filter(Boolean).join(' ');
      const plate = ids[0]?.value.replace(':', ' ') ?? input.plate;
      described = { ...base, label: what ? `${plate} (${what})` : plate, identifiers: ids, searchKey: normalizeName(`${plate} ${what}`) };
      break;
    }
    case 'online_account': {
      const ids: Identifier[] = [];
      if (input.handle) ids.push(...identifier('handle', normalizeHandle(input.handle, input.platform), 'handle', 'A handle has letters, digits, dots, dashes and underscores only.'));
      if (input.url) ids.push(...identifier('url', normalizeUrl(input.url), 'url', 'Enter a web address such as example.com/ad/123.'));
      const label = ids[0]?.value ?? input.handle ?? input.url ?? 'online account';
      described = { ...base, label, identifiers: ids, searchKey: normalizeName(ids.map((i) => i.value).join(' ')) };
      break;
    }
    case 'payment_handle': {
      const ids = identifier('payment', normalizePaymentHandle(input.handle, input.service), 'handle', 'This handle cannot be read for the chosen service (a Zelle handle is a phone or an email).');
      described = { ...base, label: ids[0]?.value ?? input.handle, identifiers: ids, searchKey: normalizeName(ids[0]?.value ?? '') };
      break;
    }
  }
  if (problems.length) throw new AppError('validation_failed', problems[0]!.message, problems);
  return described;
}
