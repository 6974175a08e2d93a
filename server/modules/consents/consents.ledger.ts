import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { ConsentCategory } from '../../platform/db/schema-survivors.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** What another agency may read of one survivor's record right now, and until when. */
export interface Share {
  categories: ConsentCategory[];
  /** The latest moment any of those categories stays shared; access is re-checked at every read regardless. */
  until: Date;
}

/**
 * The ledger check, made at the moment of access: every consent to `agencyId` that has started, has not expired
 * (`expires_at` is the first second it no longer holds) and is not revoked, and every approved compelled
 * disclosure to it that has not expired. Row-level security applies the same rule a second time in SQL.
 */
export async function sharesWith(db: Db, survivorIds: readonly string[], agencyId: string, now: Date): Promise<Map<string, Share>> {
  const out = new Map<string, Share>();
  if (survivorIds.length === 0) return out;
  const consents = await db
    .selectFrom('survivor_consents')
    .select(['survivor_id', 'categories', 'expires_at'])
    .where('survivor_id', 'in', survivorIds)
    .where('recipient_agency_id', '=', agencyId)
    .where('revoked_at', 'is', null)
    .where('starts_at', '<=', now)
    .where('expires_at', '>', now)
    .execute();
  const disclosures = await db
    .selectFrom('survivor_disclosures')
    .select(['survivor_id', 'categories', 'expires_at'])
    .where('survivor_id', 'in', survivorIds)
    .where('recipient_agency_id', '=', agencyId)
    .where('status', '=', 'approved')
    .where('expires_at', '>', now)
    .execute();
  for (const row of [...consents, ...disclosures]) {
    const share = out.get(row.survivor_id) ?? { categories: [], until: row.expires_at };
    share.categories = [...new Set([...share.categories, ...row.categories])].sort() as ConsentCategory[];
    if (row.expires_at > share.until) share.until = row.expires_at;
    out.set(row.survivor_id, share);
  }
  return out;
}

/** Survivors of other agencies that something shares with `agencyId` right now, for lists. */
export async function survivorsSharedWith(db: Db, agencyId: string, now: Date): Promise<string[]> {
  const consents = await db
    .selectFrom('survivor_consents')
    .select('survivor_id')
    .where('recipient_agency_id', '=', agencyId)
    .where('revoked_at', 'is', null)
    .where('starts_at', '<=', now)
    .where('expires_at', '>', now)
    .execute();
  const disclosures = await db
    .selectFrom('survivor_disclosures')
    .select('survivor_id')
    .where('recipient_agency_id', '=', agencyId)
    .where('status', '=', 'approved')
    .where('expires_at', '>', now)
    .execute();
  return [...new Set([...consents, ...disclosures].map((r) => r.survivor_id))];
}
