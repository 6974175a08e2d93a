import { sql, type Kysely, type Transaction } from 'kysely';
import type { InquiryStatus } from '../../../common/directory/vocabulary.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { InquiryInput } from './directory.schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

function inquirySelect(db: Db) {
  return db
    .selectFrom('directory_referral_inquiries as i')
    .innerJoin('directory_providers as p', 'p.id', 'i.provider_id')
    .innerJoin('agencies as fa', 'fa.id', 'i.from_agency_id')
    .innerJoin('agencies as ta', 'ta.id', 'i.to_agency_id')
    .innerJoin('users as fu', 'fu.id', 'i.from_user_id')
    .leftJoin('users as au', 'au.id', 'i.answered_by_user_id')
    .select([
      'i.id', 'i.number', 'i.provider_id', 'p.name as provider_name', 'p.organization_name', 'p.phone as provider_phone', 'i.service_type', 'i.people_count',
      'i.age', 'i.language', 'i.needed', 'i.note', 'i.status', 'i.response_note', 'i.capacity_held', 'i.from_agency_id', 'fa.name as from_agency_name', 'i.from_user_id',
      'fu.display_name as from_user_name', 'i.to_agency_id', 'ta.name as to_agency_name', 'au.display_name as answered_by_name', 'i.created_at', 'i.answered_at',
    ]);
}

export type InquiryRow = NonNullable<Awaited<ReturnType<typeof findInquiry>>>;

export function findInquiry(db: Db, id: string) {
  return inquirySelect(db).where('i.id', '=', id).executeTakeFirst();
}

export async function lockInquiry(trx: Transaction<DB>, id: string) {
  await trx.selectFrom('directory_referral_inquiries').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
  return findInquiry(trx, id);
}

/** An agency's inbox (inquiries to it) or sent box (from it): open ones first, then the newest. */
export function listInquiries(db: Db, box: 'inbox' | 'sent', agencyId: string, status: InquiryStatus | undefined, limit: number) {
  let q = inquirySelect(db).where(box === 'inbox' ? 'i.to_agency_id' : 'i.from_agency_id', '=', agencyId);
  if (status) q = q.where('i.status', '=', status);
  return q.orderBy(sql`case when i.status = 'open' then 0 else 1 end`).orderBy('i.created_at', 'desc').limit(limit).execute();
}

export async function insertInquiry(
  trx: Transaction<DB>,
  v: { providerId: string; input: InquiryInput; fromAgencyId: string; fromUserId: string; toAgencyId: string; now: Date },
): Promise<{ id: string; number: number }> {
  return trx
    .insertInto('directory_referral_inquiries')
    .values({
      provider_id: v.providerId,
      service_type: v.input.serviceType,
      people_count: v.input.peopleCount,
      age: v.input.age ?? null,
      language: v.input.language ?? null,
      needed: v.input.needed,
      note: v.input.note ?? null,
      from_agency_id: v.fromAgencyId,
      from_user_id: v.fromUserId,
      to_agency_id: v.toAgencyId,
      created_at: v.now,
      updated_at: v.now,
    })
    .returning(['id', 'number'])
    .executeTakeFirstOrThrow();
}

export function answerInquiry(trx: Transaction<DB>, id: string, a: { status: 'accepted' | 'declined'; note: string | null; capacityHeld: boolean; userId: string; now: Date }) {
  return trx
    .updateTable('directory_referral_inquiries')
    .set({ status: a.status, response_note: a.note, capacity_held: a.capacityHeld, answered_by_user_id: a.userId, answered_at: a.now, updated_at: a.now })
    .where('id', '=', id)
    .execute();
}

export function withdrawInquiry(trx: Transaction<DB>, id: string, now: Date) {
  return trx.updateTable('directory_referral_inquiries').set({ status: 'withdrawn', updated_at: now }).where('id', '=', id).execute();
}

/** The people who answer an agency's inquiries: its active provider staff and administrators. */
export function respondersOf(trx: Transaction<DB>, agencyId: string) {
  return trx
    .selectFrom('users as u')
    .innerJoin('user_roles as r', 'r.user_id', 'u.id')
    .select('u.id')
    .distinct()
    .where('u.agency_id', '=', agencyId)
    .where('r.role', 'in', ['provider_staff', 'agency_admin'])
    .where('u.disabled_at', 'is', null)
    .execute();
}

export function notify(trx: Transaction<DB>, userIds: readonly string[], kind: string, inquiryId: string, data: Record<string, unknown>, now: Date) {
  if (userIds.length === 0) return Promise.resolve();
  return trx
    .insertInto('notifications')
    .values(userIds.map((userId) => ({ user_id: userId, kind, entity_type: 'directory_inquiry', entity_id: inquiryId, data: JSON.stringify(data), created_at: now })))
    .onConflict((oc) => oc.columns(['user_id', 'kind', 'entity_type', 'entity_id']).doNothing())
    .execute();
}
