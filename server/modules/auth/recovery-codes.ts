import { randomBytes } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { base32Encode } from './totp.ts';

const COUNT = 10;

/** Shown once, written down by the person; only keyed hashes are stored. 60 bits each. */
export function newRecoveryCode(): string {
  const raw = base32Encode(randomBytes(8)).slice(0, 12).toLowerCase();
  return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8, 12)}`;
}

function normalize(code: string): string {
  return code.toLowerCase().replace(/[^a-z2-7]/g, '');
}

/** Replaces a person's recovery codes with ten new ones and returns them. */
export async function replaceRecoveryCodes(trx: Transaction<DB>, ctx: AppContext, userId: string): Promise<string[]> {
  await trx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  const codes = Array.from({ length: COUNT }, newRecoveryCode);
  await trx
    .insertInto('recovery_codes')
    .values(codes.map((code) => ({ user_id: userId, code_hash: ctx.keys.hmac('token-index', normalize(code)), created_at: ctx.now() })))
    .execute();
  return codes;
}

/** Uses up one recovery code; true when it was valid and unused. */
export async function useRecoveryCode(trx: Transaction<DB>, ctx: AppContext, userId: string, code: string): Promise<boolean> {
  const result = await trx
    .updateTable('recovery_codes')
    .set({ used_at: ctx.now() })
    .where('user_id', '=', userId)
    .where('code_hash', '=', ctx.keys.hmac('token-index', normalize(code)))
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
