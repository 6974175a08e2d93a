import { randomBytes } from 'node:crypto';
import type { AppContext } from '../platform/context.ts';
import type { AgencyType } from '../../common/access/agencies.ts';
import type { Role } from '../../common/access/roles.ts';
import { seal } from '../platform/crypto/seal.ts';
import { hashPassword } from '../modules/auth/password.ts';
import { generateTotpSecret } from '../modules/auth/totp.ts';

export const TEST_PASSWORD = 'lantern orchard tide 2026';
let passwordHash: Promise<string> | undefined;

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}${randomBytes(2).toString('hex')}`;

export interface TestAgency {
  id: string;
  name: string;
  type: AgencyType;
}

export async function createTestAgency(ctx: AppContext, options: { type?: AgencyType; name?: string } = {}): Promise<TestAgency> {
  const type = options.type ?? 'law_enforcement';
  const row = await ctx.db
    .insertInto('agencies')
    .values({ name: options.name ?? `Agency ${unique()}`, type })
    .returning(['id', 'name'])
    .executeTakeFirstOrThrow();
  return { id: row.id, name: row.name, type };
}

export interface TestUser {
  id: string;
  agencyId: string;
  email: string;
  password: string;
  totpSecret: string | null;
  roles: Role[];
}

/** A person with a password and (unless `enrolled: false`) a TOTP secret, ready to sign in. */
export async function createTestUser(
  ctx: AppContext,
  options: { agencyId: string; roles: Role[]; enrolled?: boolean; email?: string },
): Promise<TestUser> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const enrolled = options.enrolled ?? true;
  const totpSecret = enrolled ? generateTotpSecret() : null;
  const email = options.email ?? `user.${unique()}@agency.test`;
  const row = await ctx.db
    .insertInto('users')
    .values({ agency_id: options.agencyId, email, display_name: `Test ${email.split('@')[0]}`, password_hash: await passwordHash })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (totpSecret) {
    await ctx.db
      .updateTable('users')
      .set({ totp_secret_enc: seal(ctx.keys.key('secret-seal'), totpSecret, `totp:${row.id}`), mfa_enrolled_at: ctx.now() })
      .where('id', '=', row.id)
      .execute();
  }
  await ctx.db.insertInto('user_roles').values(options.roles.map((role) => ({ user_id: row.id, role }))).execute();
  return { id: row.id, agencyId: options.agencyId, email, password: TEST_PASSWORD, totpSecret, roles: options.roles };
}
