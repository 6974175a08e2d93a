import { nameKey, nameSimilarity, phoneticKey } from '../identifiers/names.ts';
import { agesCompatible, birthRange, type PersonAge } from '../entities/person-age.ts';

/**
 * The person rule (decision 009): two records are the same person when their names are alike (typos,
 * transliterations, order, a missing middle name) and their dates of birth or estimated ages agree. A name
 * without a date of birth or an age never matches on its own: common names would flood both agencies.
 */
export const NAME_THRESHOLD = 0.88;

export interface PersonRecord extends PersonAge {
  names: readonly string[];
}

/** Index rows of one person: one per distinct name, with the birth range its age allows. */
export function personIndexRows(p: PersonRecord, today: string): Array<{ nameKey: string; phoneticKey: string; bornFrom: string; bornTo: string }> {
  const range = birthRange(p, today);
  if (!range) return [];
  const seen = new Map<string, { nameKey: string; phoneticKey: string; bornFrom: string; bornTo: string }>();
  for (const name of p.names) {
    const key = nameKey(name);
    if (key && !seen.has(key)) seen.set(key, { nameKey: key, phoneticKey: phoneticKey(name), bornFrom: range.from, bornTo: range.to });
  }
  return [...seen.values()];
}

/** The best name score between two people over all their names, or 0. */
export function bestNameScore(a: readonly string[], b: readonly string[]): number {
  let best = 0;
  for (const x of a) for (const y of b) best = Math.max(best, nameSimilarity(x, y));
  return best;
}

/** Whether two person records are the same person under the rule above. */
export function isSamePerson(a: PersonRecord, b: PersonRecord, today: string): boolean {
  return personMatchScore(a, b, today) !== null;
}

/** The name score when two records are the same person under the rule above, else null. */
export function personMatchScore(a: PersonRecord, b: PersonRecord, today: string): number | null {
  const score = bestNameScore(a.names, b.names);
  return score >= NAME_THRESHOLD && agesCompatible(a, b, today) ? score : null;
}

/**
 * At most this many person matches are reported from one check, the closest first: a common name with a wide
 * estimated age must not flood every agency with notices. Identifier matches are never capped.
 */
export const PERSON_MATCHES_PER_CHECK = 20;
