import type { Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { unseal } from '../../platform/crypto/seal.ts';
import * as repo from './survivors.repo.ts';
import { blindEntries } from './survivor-indexes.ts';
import { forgetKeys, insertKeyVersion, kekGeneration, KEK_GENERATION_SETTING, openBytes, openPart, requireKeys, sealPart, unwrapKey, wrapKey, type AgencyKeys } from './survivor-keys.ts';
import type { ContactInput, IdentityInput } from './survivors.schema.ts';

export interface RotationSummary {
  kekGeneration: number;
  agencies: number;
  dataKeysRewrapped: number;
  recordsReencrypted: number;
  documentsReencrypted: number;
  versionsDeleted: number;
}

/**
 * Rotates survivor keys (decision 010), in one transaction, as the operator (not under row security: it must
 * reach every agency). Every wrapped data and index key is re-wrapped under the next key-encrypting-key
 * generation, and each agency gets a new key version for new writes. `full` also re-encrypts every sealed field
 * and document under the new version, recomputes every blind index with the new index key, and deletes the old
 * versions, so that a copy of an old wrapped key opens nothing.
 */
export async function rotateSurvivorKeys(ctx: AppContext, options: { full: boolean }): Promise<RotationSummary> {
  const summary = await ctx.db.transaction().execute(async (trx) => {
    const from = await kekGeneration(trx);
    const to = from + 1;
    const rows = await trx.selectFrom('survivor_data_keys').select(['agency_id', 'version', 'kek_generation', 'wrapped_data_key', 'wrapped_index_key']).forUpdate().execute();
    for (const r of rows) {
      const data = unwrapKey(ctx.keys, r.kek_generation, 'data', r.agency_id, r.version, r.wrapped_data_key);
      const index = unwrapKey(ctx.keys, r.kek_generation, 'index', r.agency_id, r.version, r.wrapped_index_key);
      await trx
        .updateTable('survivor_data_keys')
        .set({ kek_generation: to, wrapped_data_key: wrapKey(ctx.keys, to, 'data', r.agency_id, r.version, data), wrapped_index_key: wrapKey(ctx.keys, to, 'index', r.agency_id, r.version, index) })
        .where('agency_id', '=', r.agency_id)
        .where('version', '=', r.version)
        .execute();
    }
    await trx.insertInto('settings').values({ key: KEK_GENERATION_SETTING, value: JSON.stringify(to) }).onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(to) })).execute();
    forgetKeys(ctx.keys);
    const agencies = [...new Set(rows.map((r) => r.agency_id))];
    const result: RotationSummary = { kekGeneration: to, agencies: agencies.length, dataKeysRewrapped: rows.length, recordsReencrypted: 0, documentsReencrypted: 0, versionsDeleted: 0 };
    for (const agencyId of agencies) {
      const versions = rows.filter((r) => r.agency_id === agencyId).map((r) => r.version);
      const next = Math.max(...versions) + 1;
      await insertKeyVersion(trx, ctx.keys, agencyId, next, to);
      if (!options.full) continue;
      const fresh = await requireKeys(trx, ctx, agencyId, next);
      const old = new Map<number, AgencyKeys>();
      for (const v of versions) old.set(v, await requireKeys(trx, ctx, agencyId, v));
      const counts = await reencryptAgency(trx, agencyId, old, fresh);
      result.recordsReencrypted += counts.records;
      result.documentsReencrypted += counts.documents;
      result.versionsDeleted += (await trx.deleteFrom('survivor_data_keys').where('agency_id', '=', agencyId).where('version', 'in', versions).executeTakeFirst()).numDeletedRows > 0n ? versions.length : 0;
    }
    await recordAudit(trx, ctx.keys, { action: options.full ? 'survivor.keys_rotated_full' : 'survivor.keys_rotated', entityType: 'survivor-keys', details: { kekGeneration: to, agencies: agencies.length } });
    return result;
  });
  forgetKeys(ctx.keys);
  return summary;
}

async function reencryptAgency(trx: Transaction<DB>, agencyId: string, old: Map<number, AgencyKeys>, fresh: AgencyKeys) {
  const survivors = await trx.selectFrom('survivors').select(['id', 'key_version', 'identity_enc', 'contact_enc', 'narrative_enc']).where('agency_id', '=', agencyId).forUpdate().execute();
  for (const s of survivors) {
    const k = old.get(s.key_version)!;
    const identity = s.identity_enc ? openPart<IdentityInput>(k, s.id, 'identity', s.identity_enc) : null;
    const contact = s.contact_enc ? openPart<ContactInput>(k, s.id, 'contact', s.contact_enc) : null;
    const narrative = s.narrative_enc ? openPart<string>(k, s.id, 'narrative', s.narrative_enc) : null;
    await trx
      .updateTable('survivors')
      .set({
        key_version: fresh.version,
        identity_enc: identity ? sealPart(fresh, s.id, 'identity', identity) : null,
        contact_enc: contact ? sealPart(fresh, s.id, 'contact', contact) : null,
        narrative_enc: narrative ? sealPart(fresh, s.id, 'narrative', narrative) : null,
      })
      .where('id', '=', s.id)
      .execute();
    await repo.replaceBlindIndexes(trx, s.id, agencyId, ['name', 'birth_date', 'phone', 'email', 'document', 'trafficker'], blindEntries(fresh, identity, contact));
  }
  const documents = await trx.selectFrom('survivor_documents').select(['id', 'key_version', 'title_enc', 'data_enc']).where('agency_id', '=', agencyId).forUpdate().execute();
  for (const d of documents) {
    const k = old.get(d.key_version)!;
    await trx
      .updateTable('survivor_documents')
      .set({ key_version: fresh.version, title_enc: sealPart(fresh, d.id, 'document-title', openPart<string>(k, d.id, 'document-title', d.title_enc)), data_enc: sealPart(fresh, d.id, 'document', openBytes(k, d.id, 'document', d.data_enc)) })
      .where('id', '=', d.id)
      .execute();
  }
  // A guardian's details do not name their key version: the one that opens them is it.
  const consents = await trx.selectFrom('survivor_consents').select(['id', 'guardian_enc']).where('agency_id', '=', agencyId).where('guardian_enc', 'is not', null).forUpdate().execute();
  for (const c of consents) {
    const plain = [...old.values()].map((k) => tryOpen(k, c.id, c.guardian_enc!)).find((p) => p !== null);
    if (plain) await trx.updateTable('survivor_consents').set({ guardian_enc: sealPart(fresh, c.id, 'guardian', plain) }).where('id', '=', c.id).execute();
  }
  return { records: survivors.length, documents: documents.length };
}

function tryOpen(keys: AgencyKeys, id: string, sealed: Buffer): Buffer | null {
  try {
    return unseal(keys.dataKey, sealed, `survivor:guardian:${id}`);
  } catch {
    return null;
  }
}
