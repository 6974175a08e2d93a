import { sql, type Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { RetentionPart } from '../../platform/db/schema-survivors.ts';
import { requireAccess, type Actor } from '../../platform/access/access.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { withRowScope } from '../../platform/db/row-security.ts';
import { inSurvivorScope, loadOwnSurvivor } from './survivor-access.ts';

/**
 * Removes a record, or parts of it, and everything derived from them: a whole record takes its blind indexes,
 * screenings, needs, plan, services, tasks, documents, consents, disclosures and referrals with it (foreign keys
 * cascade); the contact part takes its phone and email indexes; the identity stays while the record does. The
 * audit entry says which parts were purged, never what they held.
 */
export async function purgeParts(trx: Transaction<DB>, ctx: AppContext, survivorId: string, parts: readonly RetentionPart[], actor: Actor | null, reason: 'request' | 'retention'): Promise<void> {
  const audit = { actorUserId: actor?.userId ?? null, actorAgencyId: actor?.agencyId ?? null, entityType: 'survivor', entityId: survivorId };
  if (parts.includes('record')) {
    await trx.deleteFrom('survivors').where('id', '=', survivorId).execute();
  } else {
    if (parts.includes('narrative')) await trx.updateTable('survivors').set({ narrative_enc: null, updated_at: ctx.now() }).where('id', '=', survivorId).execute();
    if (parts.includes('contact')) {
      await trx.updateTable('survivors').set({ contact_enc: null, updated_at: ctx.now() }).where('id', '=', survivorId).execute();
      await trx.deleteFrom('survivor_blind_indexes').where('survivor_id', '=', survivorId).where('kind', 'in', ['phone', 'email']).execute();
    }
    if (parts.includes('documents')) await trx.deleteFrom('survivor_documents').where('survivor_id', '=', survivorId).execute();
    if (parts.includes('screenings')) await trx.deleteFrom('survivor_screenings').where('survivor_id', '=', survivorId).execute();
  }
  await recordAudit(trx, ctx.keys, { ...audit, action: 'survivor.purged', details: { parts: [...parts].sort(), reason } });
}

/** A supervisor purges a record of their agency (or parts of it) on request. */
export async function purgeSurvivor(ctx: AppContext, actor: Actor, id: string, parts: RetentionPart[]): Promise<{ survivorId: string; purged: RetentionPart[] }> {
  return inSurvivorScope(ctx, actor, async (trx) => {
    await loadOwnSurvivor(trx, actor, id, 'purge', 'survivor');
    const purged = parts.includes('record') ? (['record'] as RetentionPart[]) : [...new Set(parts)].sort();
    await purgeParts(trx, ctx, id, purged, actor, 'request');
    return { survivorId: id, purged };
  });
}

export async function getRetentionRules(ctx: AppContext, actor: Actor) {
  requireAccess(actor, 'manage', 'survivor-retention', { agencyId: actor.agencyId });
  return inSurvivorScope(ctx, actor, async (trx) => {
    const rows = await trx.selectFrom('survivor_retention_rules').select(['part', 'days_after_closing', 'updated_at']).where('agency_id', '=', actor.agencyId).orderBy('part').execute();
    return { rules: rows.map((r) => ({ part: r.part, daysAfterClosing: r.days_after_closing, updatedAt: r.updated_at.toISOString() })) };
  });
}

/** Replaces the agency's rules: each part is purged this many days after a record is closed. */
export async function setRetentionRules(ctx: AppContext, actor: Actor, rules: Array<{ part: RetentionPart; daysAfterClosing: number }>) {
  requireAccess(actor, 'manage', 'survivor-retention', { agencyId: actor.agencyId });
  await inSurvivorScope(ctx, actor, async (trx) => {
    await trx.deleteFrom('survivor_retention_rules').where('agency_id', '=', actor.agencyId).execute();
    const unique = [...new Map(rules.map((r) => [r.part, r])).values()];
    if (unique.length) {
      await trx.insertInto('survivor_retention_rules').values(unique.map((r) => ({ agency_id: actor.agencyId, part: r.part, days_after_closing: r.daysAfterClosing, updated_by_user_id: actor.userId, updated_at: ctx.now() }))).execute();
    }
    await recordAudit(trx, ctx.keys, { actorUserId: actor.userId, actorAgencyId: actor.agencyId, action: 'survivor.retention_rules_set', entityType: 'agency', entityId: actor.agencyId, details: { parts: unique.map((r) => `${r.part}:${r.daysAfterClosing}`) } });
  });
  return getRetentionRules(ctx, actor);
}

/** The daily sweep: applies every agency's rules to its closed records, each agency under its own row scope. */
export async function applyRetention(ctx: AppContext): Promise<number> {
  const agencies = await sql<{ agency_id: string }>`select distinct agency_id from survivor_retention_rules`.execute(ctx.db);
  let purged = 0;
  for (const { agency_id: agencyId } of agencies.rows) {
    purged += await withRowScope(ctx.db, { agencyId, now: ctx.now() }, async (trx) => {
      const rules = await trx.selectFrom('survivor_retention_rules').select(['part', 'days_after_closing']).where('agency_id', '=', agencyId).execute();
      let n = 0;
      for (const rule of rules) {
        const before = new Date(ctx.now().getTime() - rule.days_after_closing * 86_400_000);
        const due = await trx.selectFrom('survivors').select('id').where('agency_id', '=', agencyId).where('status', '=', 'closed').where('closed_at', '<=', before).execute();
        for (const { id } of due) {
          const still = await trx.selectFrom('survivors').select(['id', 'narrative_enc', 'contact_enc']).where('id', '=', id).executeTakeFirst();
          if (!still) continue;
          if (rule.part === 'narrative' && !still.narrative_enc) continue;
          if (rule.part === 'contact' && !still.contact_enc) continue;
          await purgeParts(trx, ctx, id, [rule.part], null, 'retention');
          n++;
        }
      }
      return n;
    });
  }
  return purged;
}
