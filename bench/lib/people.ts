import { randomBytes, randomUUID } from 'node:crypto';
import type { AppContext } from '../../server/platform/context.ts';
import { seal } from '../../server/platform/crypto/seal.ts';
import { hashPassword } from '../../server/modules/auth/password.ts';
import { generateTotpSecret } from '../../server/modules/auth/totp.ts';

export const BENCH_PASSWORD = 'tidal lantern orchard 1987';

export interface BenchPerson {
  id: string;
  email: string;
  totpSecret: string;
}

/**
 * Many enrolled people in one agency, written in bulk: setting up the benchmark should take a moment, not
 * most of the time budget. One password hash serves them all (hashing is what sign-in measures, not this).
 */
export async function createPeople(ctx: AppContext, count: number): Promise<BenchPerson[]> {
  const agency = await ctx.db.insertInto('agencies').values({ name: `Bench Agency ${randomBytes(3).toString('hex')}`, type: 'law_enforcement' }).returning('id').executeTakeFirstOrThrow();
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const people: BenchPerson[] = [];
  for (let start = 0; start < count; start += 500) {
    // Ids are chosen here so that each secret can be sealed to its person (the seal binds the user id).
    const batch = Array.from({ length: Math.min(500, count - start) }, (_, i) => ({ id: randomUUID(), email: `person.${start + i}@bench.example`, totpSecret: generateTotpSecret() }));
    await ctx.db
      .insertInto('users')
      .values(batch.map((p) => ({
        id: p.id,
        agency_id: agency.id,
        email: p.email,
        display_name: p.email,
        password_hash: passwordHash,
        totp_secret_enc: seal(ctx.keys.key('secret-seal'), p.totpSecret, `totp:${p.id}`),
        mfa_enrolled_at: ctx.now(),
      })))
      .execute();
    people.push(...batch);
    await ctx.db.insertInto('user_roles').values(batch.map((p) => ({ user_id: p.id, role: 'investigator' }))).execute();
  }
  return people;
}
