import type { AppContext } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { cleanFiles, insertAttachments, type UploadedFile } from './tips.intake.ts';
import { normalizeReceipt, receiptHash } from './receipts.ts';

/** All a reporter ever learns about their tip: a coarse status and the messages addressed to them. */
export type PublicStatus = 'received' | 'under_review' | 'closed';

export interface ReporterView {
  receipt: string;
  status: PublicStatus;
  receivedOn: string;
  messages: Array<{ from: 'task_force' | 'you'; body: string; at: string; attachments: number }>;
}

const PUBLIC_STATUS: Record<string, PublicStatus> = { new: 'received', under_review: 'under_review', assigned: 'under_review', closed: 'closed', merged: 'closed' };

async function findTipId(ctx: AppContext, receiptInput: string): Promise<{ id: string; receipt: string; status: string; receivedAt: Date; mergedInto: string | null } | null> {
  const receipt = normalizeReceipt(receiptInput);
  if (!receipt) return null;
  const row = await ctx.db
    .selectFrom('tips')
    .select(['id', 'status', 'received_at', 'merged_into_id'])
    .where('receipt_hash', '=', receiptHash(ctx.keys, receipt))
    .executeTakeFirst();
  return row ? { id: row.id, receipt, status: row.status, receivedAt: row.received_at, mergedInto: row.merged_into_id } : null;
}

/** The follow-up page for a receipt, or null for an unknown one. Messages to the reporter are marked read. */
export async function viewAsReporter(ctx: AppContext, receiptInput: string): Promise<ReporterView | null> {
  const tip = await findTipId(ctx, receiptInput);
  if (!tip) return null;
  // A merged duplicate shows the conversation of the tip it was merged into, so a reporter's thread goes on.
  const threadId = tip.mergedInto ?? tip.id;
  const survivor = tip.mergedInto ? await ctx.db.selectFrom('tips').select('status').where('id', '=', tip.mergedInto).executeTakeFirst() : null;
  const messages = await ctx.db
    .selectFrom('tip_messages as m')
    .select(['m.id', 'm.direction', 'm.body', 'm.created_at', (eb) => eb.selectFrom('tip_attachments as a').select((x) => x.fn.countAll<number>().as('n')).whereRef('a.message_id', '=', 'm.id').as('attachments')])
    .where('m.tip_id', 'in', [tip.id, threadId])
    .orderBy('m.created_at')
    .execute();
  await ctx.db.updateTable('tip_messages').set({ read_at: ctx.now() }).where('tip_id', 'in', [tip.id, threadId]).where('direction', '=', 'to_reporter').where('read_at', 'is', null).execute();
  return {
    receipt: tip.receipt,
    status: PUBLIC_STATUS[survivor?.status ?? tip.status] ?? 'received',
    receivedOn: tip.receivedAt.toISOString().slice(0, 10),
    messages: messages.map((m) => ({ from: m.direction === 'to_reporter' ? 'task_force' : 'you', body: m.body, at: m.created_at.toISOString(), attachments: Number(m.attachments ?? 0) })),
  };
}

/** A reporter's answer, with optional files (metadata removed like the first report's). */
export async function replyAsReporter(ctx: AppContext, input: { receipt: string; body: string; files: readonly UploadedFile[] }): Promise<void> {
  const tip = await findTipId(ctx, input.receipt);
  if (!tip) throw new AppError('not_found', 'We could not find a report with that receipt.');
  const body = input.body.trim();
  if (!body && input.files.length === 0) throw new AppError('validation_failed', 'Write a message or attach a file.', [{ path: 'body.message', message: 'Write a message or attach a file.' }]);
  if (body.length > 20_000) throw new AppError('validation_failed', 'Keep your message under 20,000 characters.', [{ path: 'body.message', message: 'Too long.' }]);
  const files = await cleanFiles(input.files);
  const threadId = tip.mergedInto ?? tip.id;
  await ctx.db.transaction().execute(async (trx) => {
    const message = await trx
      .insertInto('tip_messages')
      .values({ tip_id: threadId, direction: 'from_reporter', body: body || '(files attached)', created_at: ctx.now() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await insertAttachments(trx, threadId, message.id, files);
    await recordAudit(trx, ctx.keys, { action: 'tip.reporter_replied', entityType: 'tip', entityId: threadId, details: { attachments: files.length } });
  });
}
