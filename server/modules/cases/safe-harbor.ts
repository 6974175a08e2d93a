import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { ageOn } from '../entities/person-age.ts';
import type { SafeHarborView } from './cases.schema.ts';

/** Where the guard sends the investigator instead: the child-welfare referral of the survivor-services module. */
export const CHILD_WELFARE_REFERRAL =
  'Refer the young person to child welfare instead: make a child-welfare referral in survivor services (Referrals → Child welfare), and treat them as a victim.';

/** Offence categories the guard covers: prostitution, solicitation, loitering for prostitution and related conduct. */
export const SAFE_HARBOR_OFFENSES = ['commercial_sex'] as const;
export const SAFE_HARBOR_OUTCOMES = ['arrest', 'charge'] as const;

/**
 * The Safe Harbor guard: a person recorded as a minor (under 18 on the day of the conduct, by date of birth
 * or estimated age) and as a victim (potential or confirmed, in any case that holds this person's record)
 * cannot be arrested or charged for commercial sex or related conduct. It answers whether it applies and why.
 */
export async function evaluateSafeHarbor(db: Kysely<DB> | Transaction<DB>, entityId: string, on: string, today: string): Promise<SafeHarborView> {
  const person = await db.selectFrom('entities').select(['kind', 'birth_date', 'estimated_age', 'age_as_of']).where('id', '=', entityId).executeTakeFirst();
  if (!person || person.kind !== 'person') return { applies: false, minor: null, victim: false, reasons: ['Only persons are covered.'], referral: CHILD_WELFARE_REFERRAL };
  const age = ageOn({ birthDate: person.birth_date, estimatedAge: person.estimated_age, ageAsOf: person.age_as_of }, on, today);
  const victimIn = await db
    .selectFrom('case_entities as ce')
    .select(['ce.role'])
    .where('ce.entity_id', '=', entityId)
    .where('ce.role', 'in', ['potential_victim', 'confirmed_victim'])
    .execute();
  const minor = age === null ? null : age < 18;
  const victim = victimIn.length > 0;
  const reasons: string[] = [];
  if (minor) reasons.push(person.birth_date ? `Under 18 on ${on} (date of birth ${person.birth_date}).` : `Under 18 on ${on} (estimated age ${person.estimated_age} on ${person.age_as_of}).`);
  else if (minor === null) reasons.push('No date of birth or estimated age is recorded.');
  else reasons.push(`18 or older on ${on}.`);
  if (victim) reasons.push(`Recorded as a ${victimIn[0]!.role.replace('_', ' ')}${victimIn.length > 1 ? ` in ${victimIn.length} cases` : ''}.`);
  else reasons.push('Not recorded as a victim in any case.');
  return { applies: minor === true && victim, minor, victim, reasons, referral: CHILD_WELFARE_REFERRAL };
}
