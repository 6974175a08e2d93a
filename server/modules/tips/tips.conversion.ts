import type { Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { Actor } from '../../platform/access/access.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { conflict } from '../../platform/errors.ts';
import * as repo from './tips.repo.ts';
import { event, loadTipFor } from './tips.service.ts';

/** What a case opened from a tip carries over: the report, its normalized identifiers and its (cleaned) files. */
export interface TipForCase {
  id: string;
  number: number;
  concernType: 'sex' | 'labor' | 'minor' | 'unsure';
  receivedOn: string;
  report: NonNullable<Awaited<ReturnType<typeof repo.findTipDetail>>>;
  identifiers: Array<{ kind: string; value: string }>;
  attachments: Array<{ contentType: string; byteSize: number; sha256: string; data: Buffer }>;
}

/**
 * Reads a tip for opening a case from it: only someone who works the tip (`manage:tip`) may, and a tip already
 * opened as a case is refused (its case is linked on the tip). Call before the case's transaction.
 */
export async function readTipForCase(ctx: AppContext, actor: Actor, tipId: string): Promise<TipForCase> {
  const summary = await loadTipFor(ctx, actor, tipId, 'manage');
  if (summary.status === 'merged') throw conflict('This tip was merged into another; open the case from that one.');
  const linked = await ctx.db.selectFrom('tip_links').select('target_id').where('tip_id', '=', tipId).where('target_type', '=', 'case').executeTakeFirst();
  if (linked) throw conflict('A case was already opened from this tip; it is linked on the tip.');
  const report = (await repo.findTipDetail(ctx.db, tipId))!;
  const children = await repo.loadTipChildren(ctx.db, tipId);
  const files = await ctx.db.selectFrom('tip_attachments').select(['content_type', 'byte_size', 'sha256', 'data']).where('tip_id', '=', tipId).orderBy('created_at').execute();
  return {
    id: tipId,
    number: summary.number,
    concernType: summary.concern_type,
    receivedOn: summary.received_at.toISOString().slice(0, 10),
    report,
    identifiers: children.identifiers,
    attachments: files.map((f) => ({ contentType: f.content_type, byteSize: f.byte_size, sha256: f.sha256, data: f.data })),
  };
}

/** Inside the case's transaction, before the case is inserted: holds the tip so two people cannot both open it. */
export async function lockTipForCase(trx: Transaction<DB>, tipId: string): Promise<void> {
  await trx.selectFrom('tips').select('id').where('id', '=', tipId).forUpdate().executeTakeFirstOrThrow();
  const linked = await trx.selectFrom('tip_links').select('target_id').where('tip_id', '=', tipId).where('target_type', '=', 'case').executeTakeFirst();
  if (linked) throw conflict('A case was already opened from this tip; it is linked on the tip.');
}

/** Links the tip to the case opened from it, inside the case's transaction, and records it on the tip. */
export async function linkTipToCase(trx: Transaction<DB>, ctx: AppContext, actor: Actor, tipId: string, caseId: string): Promise<void> {
  await trx.insertInto('tip_links').values({ tip_id: tipId, target_type: 'case', target_id: caseId, created_by_user_id: actor.userId, created_at: ctx.now() }).execute();
  await trx.updateTable('tips').set({ updated_at: ctx.now() }).where('id', '=', tipId).execute();
  await recordAudit(trx, ctx.keys, { ...event(actor, tipId), action: 'tip.converted', details: { caseId } });
}
