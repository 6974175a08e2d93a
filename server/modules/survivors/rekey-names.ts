import type { AppContext } from '../../platform/context.ts';
import { recordAuditNow } from '../../platform/audit/audit.ts';
import * as repo from './survivors.repo.ts';
import { blindEntries } from './survivor-indexes.ts';
import { openPart, requireKeys, type AgencyKeys } from './survivor-keys.ts';
import type { IdentityInput } from './survivors.schema.ts';

const NAME_KINDS = ['name', 'trafficker'] as const;

/**
 * Recomputes the name blind indexes of every survivor record with the current name normalizer, after it learned
 * scripts it used to drop: a name written in Hangul or Hebrew had no index, so searching for it found nothing.
 * Each record keeps its key version (the index is keyed like the record); other kinds are left alone. Runs as
 * the operator, like key rotation, since it must reach every agency's records; it reads names only in memory.
 */
export async function rekeySurvivorNames(ctx: AppContext): Promise<{ records: number }> {
  const records = await ctx.db.transaction().execute(async (trx) => {
    const survivors = await trx.selectFrom('survivors').select(['id', 'agency_id', 'key_version', 'identity_enc']).where('identity_enc', 'is not', null).forUpdate().execute();
    const keys = new Map<string, AgencyKeys>();
    for (const s of survivors) {
      const id = `${s.agency_id}:${s.key_version}`;
      if (!keys.has(id)) keys.set(id, await requireKeys(trx, ctx, s.agency_id, s.key_version));
      const k = keys.get(id)!;
      const identity = openPart<IdentityInput>(k, s.id, 'identity', s.identity_enc!);
      const entries = blindEntries(k, identity, null).filter((e) => (NAME_KINDS as readonly string[]).includes(e.kind));
      await repo.replaceBlindIndexes(trx, s.id, s.agency_id, NAME_KINDS, entries);
    }
    return survivors.length;
  });
  if (records) await recordAuditNow(ctx.db, ctx.keys, { action: 'survivor.names_reindexed', entityType: 'survivor', details: { records } });
  return { records };
}
