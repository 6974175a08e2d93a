import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { AgencyInput, AgencyPatch } from './agencies.schema.ts';

const COLUMNS = ['id', 'name', 'short_name', 'type', 'contact_email', 'contact_phone', 'is_active', 'created_at'] as const;

export type AgencyRow = Awaited<ReturnType<typeof findAgency>> & object;

export function findAgency(db: Kysely<DB> | Transaction<DB>, id: string) {
  return db.selectFrom('agencies').select(COLUMNS).where('id', '=', id).executeTakeFirst();
}

export function listAgencies(db: Kysely<DB>) {
  return db.selectFrom('agencies').select(COLUMNS).orderBy('name').execute();
}

export async function isAgencyNameTaken(trx: Transaction<DB>, name: string, exceptId?: string): Promise<boolean> {
  let q = trx.selectFrom('agencies').select('id').where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()));
  if (exceptId) q = q.where('id', '!=', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

export function insertAgency(trx: Transaction<DB>, input: AgencyInput) {
  return trx
    .insertInto('agencies')
    .values({ name: input.name, short_name: input.shortName, type: input.type, contact_email: input.contactEmail, contact_phone: input.contactPhone })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
}

export function updateAgency(trx: Transaction<DB>, id: string, patch: AgencyPatch, now: Date) {
  return trx
    .updateTable('agencies')
    .set({
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.shortName !== undefined ? { short_name: patch.shortName } : {}),
      ...(patch.type !== undefined ? { type: patch.type } : {}),
      ...(patch.contactEmail !== undefined ? { contact_email: patch.contactEmail } : {}),
      ...(patch.contactPhone !== undefined ? { contact_phone: patch.contactPhone } : {}),
      ...(patch.isActive !== undefined ? { is_active: patch.isActive } : {}),
      updated_at: now,
    })
    .where('id', '=', id)
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
}

/** Roles held in an agency, to refuse a change of type that would leave someone with a role it cannot hold. */
export function rolesHeldInAgency(trx: Transaction<DB>, agencyId: string) {
  return trx.selectFrom('user_roles as r').innerJoin('users as u', 'u.id', 'r.user_id').select('r.role').distinct().where('u.agency_id', '=', agencyId).execute();
}
