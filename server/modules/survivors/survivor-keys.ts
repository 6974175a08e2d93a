import { createHmac, randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { BlindIndexKind } from '../../platform/db/schema-survivors.ts';
import type { KeyRing } from '../../platform/crypto/keys.ts';
import { seal, unseal } from '../../platform/crypto/seal.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** One version of an agency's keys, unwrapped: the data key seals fields, the index key makes blind indexes. */
export interface AgencyKeys {
  agencyId: string;
  version: number;
  dataKey: Buffer;
  indexKey: Buffer;
}

/** The settings row naming the key-encrypting key's generation new data keys are wrapped with. */
export const KEK_GENERATION_SETTING = 'survivor_kek_generation';

const wrapContext = (what: 'data' | 'index', agencyId: string, version: number) => `survivor-${what}-key:${agencyId}:${version}`;

export const kekOf = (keys: KeyRing, generation: number) => keys.keyOf('data-key-wrap', generation);

export function wrapKey(keys: KeyRing, generation: number, what: 'data' | 'index', agencyId: string, version: number, key: Buffer): Buffer {
  return seal(kekOf(keys, generation), key, wrapContext(what, agencyId, version));
}

export function unwrapKey(keys: KeyRing, generation: number, what: 'data' | 'index', agencyId: string, version: number, wrapped: Buffer): Buffer {
  return unseal(kekOf(keys, generation), wrapped, wrapContext(what, agencyId, version));
}

// Unwrapped keys, per key ring (each test has its own), by agency and version. Never logged, never serialized.
const cache = new WeakMap<KeyRing, Map<string, AgencyKeys>>();

function cached(keys: KeyRing): Map<string, AgencyKeys> {
  let map = cache.get(keys);
  if (!map) cache.set(keys, (map = new Map()));
  return map;
}

/** Forgets unwrapped keys (after a rotation in this process). */
export function forgetKeys(keys: KeyRing): void {
  cache.delete(keys);
}

export async function kekGeneration(db: Db): Promise<number> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', KEK_GENERATION_SETTING).executeTakeFirst();
  return typeof row?.value === 'number' ? row.value : 1;
}

/** An agency's keys at a version, as stored; null when this version is gone (purged by a full rotation). */
export async function keysFor(db: Db, ctx: AppContext, agencyId: string, version: number): Promise<AgencyKeys | null> {
  const id = `${agencyId}:${version}`;
  const hit = cached(ctx.keys).get(id);
  if (hit) return hit;
  const row = await db
    .selectFrom('survivor_data_keys')
    .select(['kek_generation', 'wrapped_data_key', 'wrapped_index_key'])
    .where('agency_id', '=', agencyId)
    .where('version', '=', version)
    .executeTakeFirst();
  if (!row) return null;
  const keys: AgencyKeys = {
    agencyId,
    version,
    dataKey: unwrapKey(ctx.keys, row.kek_generation, 'data', agencyId, version, row.wrapped_data_key),
    indexKey: unwrapKey(ctx.keys, row.kek_generation, 'index', agencyId, version, row.wrapped_index_key),
  };
  cached(ctx.keys).set(id, keys);
  return keys;
}

/** Keys at a version that must exist (a stored row names it). */
export async function requireKeys(db: Db, ctx: AppContext, agencyId: string, version: number): Promise<AgencyKeys> {
  const keys = await keysFor(db, ctx, agencyId, version);
  if (!keys) throw new Error(`Survivor data key ${version} of an agency is missing.`);
  return keys;
}

/** The agency's newest keys, made on its first survivor record. */
export async function currentKeys(trx: Transaction<DB>, ctx: AppContext, agencyId: string): Promise<AgencyKeys> {
  const newest = await trx.selectFrom('survivor_data_keys').select('version').where('agency_id', '=', agencyId).orderBy('version', 'desc').limit(1).executeTakeFirst();
  if (newest) return requireKeys(trx, ctx, agencyId, newest.version);
  await insertKeyVersion(trx, ctx.keys, agencyId, 1, await kekGeneration(trx));
  return requireKeys(trx, ctx, agencyId, 1);
}

/** Makes a new version of an agency's keys: fresh random data and index keys, wrapped under the given KEK generation. */
export async function insertKeyVersion(trx: Transaction<DB>, keys: KeyRing, agencyId: string, version: number, generation: number): Promise<void> {
  await trx
    .insertInto('survivor_data_keys')
    .values({
      agency_id: agencyId,
      version,
      kek_generation: generation,
      wrapped_data_key: wrapKey(keys, generation, 'data', agencyId, version, randomBytes(32)),
      wrapped_index_key: wrapKey(keys, generation, 'index', agencyId, version, randomBytes(32)),
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** The sealed parts of a survivor record; the part and the record are bound as associated data. */
export type SealedPart = 'identity' | 'contact' | 'narrative' | 'document-title' | 'document' | 'guardian';

export function sealPart(keys: AgencyKeys, recordId: string, part: SealedPart, value: unknown): Buffer {
  const body = Buffer.isBuffer(value) ? value : Buffer.from(JSON.stringify(value));
  return seal(keys.dataKey, body, `survivor:${part}:${recordId}`);
}

export function openPart<T>(keys: AgencyKeys, recordId: string, part: SealedPart, sealed: Buffer): T {
  return JSON.parse(unseal(keys.dataKey, sealed, `survivor:${part}:${recordId}`).toString()) as T;
}

export function openBytes(keys: AgencyKeys, recordId: string, part: SealedPart, sealed: Buffer): Buffer {
  return unseal(keys.dataKey, sealed, `survivor:${part}:${recordId}`);
}

/** A keyed hash of a normalized value, for exact-match lookups that never store the value. */
export function blindIndex(keys: AgencyKeys, kind: BlindIndexKind, normalized: string): Buffer {
  return createHmac('sha256', keys.indexKey).update(`${kind}:${normalized}`).digest();
}
