import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

function referralSelect(db: Db) {
  return db
    .selectFrom('survivor_referrals as r')
    .innerJoin('agencies as f', 'f.id', 'r.agency_id')
    .leftJoin('agencies as t', 't.id', 'r.to_agency_id')
    .leftJoin('directory_providers as p', 'p.id', 'r.provider_id')
    .select([
      'r.id', 'r.survivor_id', 'r.agency_id', 'f.name as from_name', 'r.provider_id', 'p.name as provider_name', 'r.to_agency_id', 't.name as to_name',
      'r.service_type', 'r.kind', 'r.note', 'r.status', 'r.decline_reason', 'r.outcome', 'r.created_at', 'r.sent_at', 'r.responded_at', 'r.completed_at', 'r.withdrawn_at',
    ]);
}
export type ReferralRow = Awaited<ReturnType<typeof findReferral>> & object;

export function findReferral(db: Db, id: string) {
  return referralSelect(db).where('r.id', '=', id).executeTakeFirst();
}

export function lockReferral(db: Db, id: string) {
  return db.selectFrom('survivor_referrals').select(['id', 'survivor_id', 'agency_id', 'to_agency_id', 'status', 'created_by_user_id']).where('id', '=', id).forUpdate().executeTakeFirst();
}

export function listReferralsOf(db: Db, survivorId: string) {
  return referralSelect(db).where('r.survivor_id', '=', survivorId).orderBy('r.created_at', 'desc').execute();
}

export function listReferralsFor(db: Db, agencyId: string, box: 'inbox' | 'sent', limit: number) {
  const q = box === 'inbox' ? referralSelect(db).where('r.to_agency_id', '=', agencyId).where('r.status', '<>', 'draft') : referralSelect(db).where('r.agency_id', '=', agencyId);
  return q.orderBy('r.created_at', 'desc').limit(limit).execute();
}
