import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import { recordAuditNow } from '../../platform/audit/audit.ts';
import * as deconfliction from '../deconfliction/deconfliction.service.ts';
import { describeEntity } from './entities.model.ts';
import type { EntityInput } from './entities.schema.ts';

/**
 * Recomputes the stored search key of every entity whose fields hold letters outside plain ASCII, after the
 * name normalizer learned a script it used to drop (a Korean or Hebrew name was stored with an empty key and
 * could be neither searched nor deconflicted). A person whose key changed is indexed and checked again in each
 * of its cases, so two agencies already holding the same person in Hangul and in Latin letters are told.
 * Idempotent: a second run finds every key up to date and does nothing.
 */
export async function rekeyNames(ctx: AppContext): Promise<{ rekeyed: number }> {
  const today = ctx.now().toISOString().slice(0, 10);
  // Only rows that can have changed: pure ASCII keys are the same under every version of the normalizer.
  const rows = await ctx.db
    .selectFrom('entities')
    .select(['id', 'kind', 'data', 'search_key'])
    .where(sql<boolean>`data::text ~ '[^\\x01-\\x7e]'`)
    .execute();
  let rekeyed = 0;
  for (const row of rows) {
    let searchKey: string;
    try {
      searchKey = describeEntity({ kind: row.kind, ...row.data } as EntityInput, today).searchKey;
    } catch {
      continue; // stored before a stricter rule: keep its key rather than stop the backfill
    }
    if (searchKey === row.search_key) continue;
    await ctx.db.transaction().execute(async (trx) => {
      await trx.updateTable('entities').set({ search_key: searchKey }).where('id', '=', row.id).execute();
      if (row.kind !== 'person') return;
      const cases = await trx.selectFrom('case_entities as ce').innerJoin('cases as c', 'c.id', 'ce.case_id').select(['c.id', 'c.lead_agency_id']).where('ce.entity_id', '=', row.id).distinct().execute();
      for (const c of cases) await deconfliction.indexAndCheck(trx, ctx, null, { caseId: c.id, leadAgencyId: c.lead_agency_id, entityId: row.id });
    });
    rekeyed++;
  }
  if (rekeyed) await recordAuditNow(ctx.db, ctx.keys, { action: 'entities.names_rekeyed', entityType: 'entity', details: { rekeyed } });
  return { rekeyed };
}
