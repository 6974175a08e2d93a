import type { BlindIndexKind } from '../../platform/db/schema-survivors.ts';
import { nameKey } from '../identifiers/names.ts';
import { normalizeEmail, normalizePhone } from '../identifiers/normalize.ts';
import { blindIndex, type AgencyKeys } from './survivor-keys.ts';
import type { ContactInput, IdentityInput } from './survivors.schema.ts';

const documentKey = (raw: string) => raw.toUpperCase().replace(/[^A-Z0-9]/g, '');
const isDate = (raw: string) => /^\d{4}-\d{2}-\d{2}$/.test(raw.trim());

/** The normalized values of a record's identifying parts, by kind, for blind indexes. */
export function indexValues(identity: IdentityInput | null, contact: ContactInput | null): Array<{ kind: BlindIndexKind; value: string }> {
  const out: Array<{ kind: BlindIndexKind; value: string }> = [];
  const push = (kind: BlindIndexKind, value: string | null) => {
    if (value) out.push({ kind, value });
  };
  if (identity) {
    for (const name of [...identity.names, ...identity.aliases]) push('name', nameKey(name));
    if (identity.birthDate) push('birth_date', identity.birthDate);
    for (const d of identity.documents) push('document', documentKey(d.number));
    for (const t of identity.allegedTraffickers) push('trafficker', nameKey(t));
  }
  if (contact) {
    for (const phone of contact.phones) push('phone', normalizePhone(phone));
    for (const email of contact.emails) push('email', normalizeEmail(email));
  }
  return out;
}

export function blindEntries(keys: AgencyKeys, identity: IdentityInput | null, contact: ContactInput | null) {
  const seen = new Set<string>();
  return indexValues(identity, contact)
    .map((v) => ({ kind: v.kind, value: blindIndex(keys, v.kind, v.value) }))
    .filter((e) => {
      const id = `${e.kind}:${e.value.toString('hex')}`;
      return seen.has(id) ? false : (seen.add(id), true);
    });
}

/** Everything a search text could be (a name, a date of birth, a phone, an email, a document number). */
export function queryValues(q: string): Array<{ kind: BlindIndexKind; value: string }> {
  const out: Array<{ kind: BlindIndexKind; value: string }> = [];
  const name = nameKey(q);
  if (name) out.push({ kind: 'name', value: name });
  if (isDate(q)) out.push({ kind: 'birth_date', value: q.trim() });
  const phone = normalizePhone(q);
  if (phone) out.push({ kind: 'phone', value: phone });
  const email = q.includes('@') ? normalizeEmail(q) : null;
  if (email) out.push({ kind: 'email', value: email });
  const doc = documentKey(q);
  if (doc.length >= 4) out.push({ kind: 'document', value: doc });
  return out;
}

/** Whether a name is one of the record's alleged traffickers (a guardian signing for a minor, say). */
export function traffickerIndex(keys: AgencyKeys, name: string): Buffer | null {
  const key = nameKey(name);
  return key ? blindIndex(keys, 'trafficker', key) : null;
}
