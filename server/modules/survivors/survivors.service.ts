import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { requireAccess, type Actor } from '../../platform/access/access.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { AppError, forbidden } from '../../platform/errors.ts';
import { sharesWith, survivorsSharedWith } from '../consents/consents.ledger.ts';
import { listReferralsOf } from '../referrals/referrals.repo.ts';
import * as repo from './survivors.repo.ts';
import { inSurvivorScope, loadSurvivorFor, survivorAudit } from './survivor-access.ts';
import { survivorReach, worksSurvivors, type Reach } from './survivors.policy.ts';
import { presentSurvivor, type SurvivorChildren } from './survivors.presenter.ts';
import { blindEntries, queryValues } from './survivor-indexes.ts';
import { blindIndex, currentKeys, keysFor, openPart, requireKeys, sealPart, type AgencyKeys } from './survivor-keys.ts';
import { routeSafeHarbor } from './safe-harbor.ts';
import type { ContactInput, IdentityInput, SurvivorInput, SurvivorPatch, SurvivorSummaryView, SurvivorView } from './survivors.schema.ts';

/** Whole years between a date of birth and a day (both YYYY-MM-DD). */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export async function createSurvivor(ctx: AppContext, actor: Actor, input: SurvivorInput): Promise<SurvivorView> {
  requireAccess(actor, 'create', 'survivor', { agencyId: actor.agencyId });
  const identifiedAt = input.identifiedAt ? new Date(input.identifiedAt) : ctx.now();
  if (identifiedAt > ctx.now()) throw new AppError('validation_failed', 'The identification cannot be in the future.', [{ path: 'body.identifiedAt', message: 'In the future.' }]);
  const day = identifiedAt.toISOString().slice(0, 10);
  const age = input.identity.birthDate ? ageOn(input.identity.birthDate, day) : input.estimatedAge;
  if (age !== null && age < 0) throw new AppError('validation_failed', 'The date of birth is after the identification.', [{ path: 'body.identity.birthDate', message: 'After the identification.' }]);
  return inSurvivorScope(ctx, actor, async (trx) => {
    const keys = await currentKeys(trx, ctx, actor.agencyId);
    const id = randomUUID();
    const isMinor = age !== null && age < 18;
    const row = await trx
      .insertInto('survivors')
      .values({
        id,
        agency_id: actor.agencyId,
        key_version: keys.version,
        identity_enc: sealPart(keys, id, 'identity', input.identity),
        contact_enc: sealPart(keys, id, 'contact', input.contact),
        narrative_enc: input.narrative ? sealPart(keys, id, 'narrative', input.narrative) : null,
        gender: input.gender,
        age_at_identification: age,
        age_basis: input.identity.birthDate ? 'date_of_birth' : input.estimatedAge !== null ? 'estimated' : null,
        is_minor: isMinor,
        primary_language: input.primaryLanguage,
        trafficking_type: input.traffickingType,
        identified_at: identifiedAt,
        created_by_user_id: actor.userId,
        created_at: ctx.now(),
        updated_at: ctx.now(),
      })
      .returning('number')
      .executeTakeFirstOrThrow();
    await repo.replaceBlindIndexes(trx, id, actor.agencyId, [], blindEntries(keys, input.identity, input.contact));
    await recordAudit(trx, ctx.keys, { ...survivorAudit(actor, id), action: 'survivor.created', details: { number: row.number, minor: isMinor } });
    if (isMinor) await routeSafeHarbor(trx, ctx, actor, { id, identifiedAt });
    return buildView(trx, ctx, actor, id, { own: true, categories: new Set(['identity', 'contact', 'needs', 'narrative', 'services']), until: null });
  });
}

/** A survivor record as the actor may see it; the read and what it covered are audited (never the content). */
export async function getSurvivor(ctx: AppContext, actor: Actor, id: string): Promise<SurvivorView> {
  return inSurvivorScope(ctx, actor, async (trx) => {
    const { reach } = await loadSurvivorFor(trx, ctx, actor, id, 'read');
    await recordAudit(trx, ctx.keys, { ...survivorAudit(actor, id), action: 'survivor.viewed', details: { access: reach.own ? 'own' : 'consented', categories: [...reach.categories].sort() } });
    return buildView(trx, ctx, actor, id, reach);
  });
}

/** Keys of every version a record's rows were sealed with, resolved once. */
async function keyLookup(trx: Transaction<DB>, ctx: AppContext, agencyId: string, versions: number[]): Promise<(v: number) => AgencyKeys | null> {
  const map = new Map<number, AgencyKeys | null>();
  for (const v of new Set(versions)) map.set(v, await keysFor(trx, ctx, agencyId, v));
  return (v) => map.get(v) ?? null;
}

export async function buildView(trx: Transaction<DB>, ctx: AppContext, actor: Actor, id: string, reach: Reach): Promise<SurvivorView> {
  const row = (await repo.findSurvivorRow(trx, id))!;
  const sees = (c: 'needs' | 'services') => reach.categories.has(c);
  const children: SurvivorChildren = {
    screenings: sees('needs') ? await repo.listScreenings(trx, id) : null,
    needs: sees('needs') ? await repo.listNeeds(trx, id) : null,
    goals: sees('needs') ? await repo.listGoals(trx, id) : null,
    services: sees('services') ? await repo.listServices(trx, id) : null,
    tasks: reach.own ? await repo.listTasks(trx, id) : null,
    documents: reach.own ? await repo.listDocuments(trx, id) : null,
    consents: reach.own ? await repo.listConsents(trx, id) : null,
    disclosures: reach.own ? await repo.listDisclosures(trx, id) : null,
    referrals: reach.own ? await listReferralsOf(trx, id) : null,
  };
  const sealedShared = reach.own || ['identity', 'contact', 'narrative'].some((c) => reach.categories.has(c as 'identity'));
  const lookup = sealedShared ? await keyLookup(trx, ctx, row.agency_id, [row.key_version, ...(children.documents ?? []).map((d) => d.key_version)]) : () => null;
  return presentSurvivor(row, reach, lookup, children, ctx.now());
}

export async function listSurvivors(ctx: AppContext, actor: Actor, query: { q?: string | undefined; limit: number }): Promise<SurvivorSummaryView[]> {
  if (!worksSurvivors(actor)) throw forbidden('Your role does not work with survivor records.');
  return inSurvivorScope(ctx, actor, async (trx) => {
    const now = ctx.now();
    const ownReads = actor.permissions.has('read:survivor:own-agency');
    const shared = actor.permissions.has('read:survivor:consented') ? await survivorsSharedWith(trx, actor.agencyId, now) : [];
    let onlyIds: string[] | undefined;
    if (query.q) {
      // Exact match through blind indexes, in the agency's own records only: other agencies' index keys are theirs.
      const versions = await trx.selectFrom('survivor_data_keys').select('version').where('agency_id', '=', actor.agencyId).execute();
      const values = [];
      for (const { version } of versions) {
        const keys = await requireKeys(trx, ctx, actor.agencyId, version);
        for (const v of queryValues(query.q)) values.push(blindIndex(keys, v.kind, v.value));
      }
      onlyIds = ownReads ? await repo.findByBlindIndexes(trx, actor.agencyId, values) : [];
    }
    const rows = await repo.listSurvivorRows(trx, { agencyId: ownReads ? actor.agencyId : '00000000-0000-0000-0000-000000000000', sharedIds: query.q ? [] : shared, onlyIds, limit: query.limit });
    const shares = await sharesWith(trx, rows.filter((r) => r.agency_id !== actor.agencyId).map((r) => r.id), actor.agencyId, now);
    const out: SurvivorSummaryView[] = [];
    for (const r of rows) {
      const reach = survivorReach(actor, { agencyId: r.agency_id, share: shares.get(r.id) });
      if (!reach) continue;
      const seesIdentity = reach.categories.has('identity');
      const keys = seesIdentity && r.identity_enc ? await keysFor(trx, ctx, r.agency_id, r.key_version) : null;
      const identity = keys && r.identity_enc ? openPart<IdentityInput>(keys, r.id, 'identity', r.identity_enc) : null;
      out.push({
        id: r.id,
        number: r.number,
        agency: { id: r.agency_id, name: r.agency_name },
        access: reach.own ? 'own' : 'consented',
        label: identity?.names[0] ?? identity?.aliases[0] ?? null,
        isMinor: seesIdentity ? r.is_minor : null,
        status: seesIdentity ? r.status : null,
        identifiedAt: seesIdentity ? r.identified_at.toISOString() : null,
      });
    }
    await recordAudit(trx, ctx.keys, { actorUserId: actor.userId, actorAgencyId: actor.agencyId, action: query.q ? 'survivor.searched' : 'survivor.listed', entityType: 'survivor', details: { count: out.length } });
    return out;
  });
}

export async function updateSurvivor(ctx: AppContext, actor: Actor, id: string, patch: SurvivorPatch): Promise<SurvivorView> {
  return inSurvivorScope(ctx, actor, async (trx) => {
    const { facts, reach } = await loadSurvivorFor(trx, ctx, actor, id, 'manage', { lock: true });
    const now = ctx.now();
    const changes: Record<string, unknown> = { updated_at: now };
    if (patch.identity || patch.contact || patch.narrative !== undefined) {
      // Any change to a sealed part re-seals all of them under the agency's newest keys, with fresh blind indexes.
      const row = (await repo.findSurvivorRow(trx, id))!;
      const old = await requireKeys(trx, ctx, facts.agency_id, facts.key_version);
      const keys = await currentKeys(trx, ctx, facts.agency_id);
      const identity = patch.identity ?? (row.identity_enc ? openPart<IdentityInput>(old, id, 'identity', row.identity_enc) : null);
      const contact = patch.contact ?? (row.contact_enc ? openPart<ContactInput>(old, id, 'contact', row.contact_enc) : null);
      const narrative = patch.narrative !== undefined ? patch.narrative : row.narrative_enc ? openPart<string>(old, id, 'narrative', row.narrative_enc) : null;
      Object.assign(changes, {
        key_version: keys.version,
        identity_enc: identity ? sealPart(keys, id, 'identity', identity) : null,
        contact_enc: contact ? sealPart(keys, id, 'contact', contact) : null,
        narrative_enc: narrative ? sealPart(keys, id, 'narrative', narrative) : null,
      });
      await repo.replaceBlindIndexes(trx, id, facts.agency_id, ['name', 'birth_date', 'phone', 'email', 'document', 'trafficker'], blindEntries(keys, identity, contact));
    }
    if (patch.gender !== undefined) changes.gender = patch.gender;
    if (patch.primaryLanguage !== undefined) changes.primary_language = patch.primaryLanguage;
    if (patch.traffickingType) changes.trafficking_type = patch.traffickingType;
    if (patch.status) {
      changes.status = patch.status;
      changes.closed_at = patch.status === 'closed' ? now : null;
    }
    await trx.updateTable('survivors').set(changes).where('id', '=', id).where('agency_id', '=', actor.agencyId).execute();
    const changed = Object.keys(patch).filter((k) => patch[k as keyof SurvivorPatch] !== undefined).sort();
    await recordAudit(trx, ctx.keys, { ...survivorAudit(actor, id), action: 'survivor.updated', details: { fields: changed } });
    return buildView(trx, ctx, actor, id, reach);
  });
}
