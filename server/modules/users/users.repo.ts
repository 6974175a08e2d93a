import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { Role } from '../../../common/access/roles.ts';

type Db = Kysely<DB> | Transaction<DB>;

function baseQuery(db: Db) {
  return db
    .selectFrom('users as u')
    .innerJoin('agencies as a', 'a.id', 'u.agency_id')
    .select([
      'u.id', 'u.agency_id', 'a.name as agency_name', 'a.type as agency_type', 'u.email', 'u.display_name', 'u.password_hash',
      'u.mfa_enrolled_at', 'u.locked_at', 'u.sign_in_locked_at', 'u.sign_in_lock_source', 'u.failed_count', 'u.disabled_at', 'u.last_active_at', 'u.created_at',
      sql<string[]>`coalesce((select array_agg(r.role order by r.role) from user_roles r where r.user_id = u.id), '{}')`.as('roles'),
    ]);
}

export type UserRow = Awaited<ReturnType<typeof findUser>> & object;

export function findUser(db: Db, id: string) {
  return baseQuery(db).where('u.id', '=', id).executeTakeFirst();
}

export function findUserByEmail(db: Db, email: string) {
  return baseQuery(db).where('u.email', '=', email).executeTakeFirst();
}

export function listUsers(db: Db, filter: { agencyId?: string | undefined; q?: string | undefined }) {
  let q = baseQuery(db);
  if (filter.agencyId) q = q.where('u.agency_id', '=', filter.agencyId);
  if (filter.q) {
    const like = `%${filter.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb(eb.fn('lower', ['u.display_name']), 'like', like), eb('u.email', 'like', like)]));
  }
  return q.orderBy('u.display_name').limit(500).execute();
}

export async function emailTaken(db: Db, email: string): Promise<boolean> {
  return (await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst()) !== undefined;
}

export async function insertUser(trx: Transaction<DB>, input: { agencyId: string; email: string; displayName: string; passwordHash: string | null; roles: readonly Role[] }): Promise<string> {
  const row = await trx
    .insertInto('users')
    .values({ agency_id: input.agencyId, email: input.email, display_name: input.displayName, password_hash: input.passwordHash })
    .returning('id')
    .executeTakeFirstOrThrow();
  await replaceRoles(trx, row.id, input.roles);
  return row.id;
}

export async function replaceRoles(trx: Transaction<DB>, userId: string, roles: readonly Role[]): Promise<void> {
  await trx.deleteFrom('user_roles').where('user_id', '=', userId).execute();
  if (roles.length) await trx.insertInto('user_roles').values(roles.map((role) => ({ user_id: userId, role }))).execute();
}

/** Active task-force administrators other than `exceptUserId`: the last one may not be removed. */
export async function countOtherActiveTaskforceAdmins(trx: Transaction<DB>, exceptUserId: string): Promise<number> {
  const row = await trx
    .selectFrom('user_roles as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('r.role', '=', 'taskforce_admin')
    .where('u.id', '!=', exceptUserId)
    .where('u.disabled_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Active task-force administrators: the operator CLI creates the first one only when there is none. */
export async function countActiveTaskforceAdmins(db: Db): Promise<number> {
  const row = await db
    .selectFrom('user_roles as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('r.role', '=', 'taskforce_admin')
    .where('u.disabled_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
