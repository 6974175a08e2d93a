import { readFile } from 'node:fs/promises';
import { sql, type Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { seal } from '../../platform/crypto/seal.ts';
import { AppError } from '../../platform/errors.ts';
import { enqueueJob } from '../../platform/jobs/queue.ts';
import { Slots } from '../../platform/slots.ts';
import { cleanAttachment, MAX_ATTACHMENTS, type CleanAttachment } from './attachments.ts';
import { identifiersOf } from './identifiers.ts';
import { receiptForSubmission, receiptHash, submissionHash } from './receipts.ts';
import type { ReportInput, ReporterContact } from './tips.schema.ts';

/** A file as received: streamed to a temporary file, read into memory only while it is cleaned. */
export interface UploadedFile {
  path: string;
  bytes: number;
  /** The name the visitor's device gave it, to tell them which file was not kept; never stored. */
  name: string;
}

export interface SubmittedTip {
  tipId: string;
  /** Null when the same report arrived moments ago from another form: its receipt is not shown again. */
  receipt: string | null;
  duplicate: boolean;
}

// A report identical to one received this recently is the same report sent twice (Back, then Send again).
const RESEND_WINDOW_MS = 15 * 60_000;

/**
 * Only a report with something of its own (words of its own, or an identifier) can be recognised as sent
 * twice: two strangers who each only tick "not sure" are two reports.
 */
function hasSubstance(report: ReportInput): boolean {
  return (report.narrative?.length ?? 0) >= 30 || identifiersOf(report).length > 0;
}

/** A keyed hash of what was reported (not how or when), to recognise the same report sent again. */
export function reportContentHash(ctx: AppContext, report: ReportInput): Buffer {
  const { language: _language, heardVia: _heardVia, campaignCode: _campaign, ...content } = report;
  return ctx.keys.hmac('token-index', `report:${JSON.stringify(content)}`);
}

// Cleaning holds a file (up to 10 MB) and its cleaned copy in memory: only this many at once in the process,
// so a burst of uploads waits its turn instead of raising memory with every request.
const cleaning = new Slots(2);

/** Cleans a report's files one after the other, each read from its temporary file only when its turn comes. */
export async function cleanFiles(files: readonly UploadedFile[]): Promise<CleanAttachment[]> {
  if (files.length > MAX_ATTACHMENTS) throw new AppError('validation_failed', `Attach at most ${MAX_ATTACHMENTS} files.`, [{ path: 'body.files', message: 'Too many files.' }]);
  const cleaned: CleanAttachment[] = [];
  for (const file of files) cleaned.push(await cleaning.run(async () => cleanAttachment(await readFile(file.path))));
  return cleaned;
}

export function sealContact(ctx: AppContext, tipContext: string, contact: ReporterContact): Buffer {
  return seal(ctx.keys.key('secret-seal'), JSON.stringify(contact), `reporter-contact:${tipContext}`);
}

/**
 * Takes a report from the public portal. It is committed before anything is acknowledged; submitting the same
 * form twice (a refresh, a second click) finds the first tip and shows the same receipt again.
 */
export async function submitReport(ctx: AppContext, input: { submissionId: string; report: ReportInput; files: readonly UploadedFile[] }): Promise<SubmittedTip> {
  const receipt = receiptForSubmission(ctx.keys, input.submissionId);
  const subHash = submissionHash(ctx.keys, input.submissionId);
  // The same words from a fresh form (the page was loaded again, so its submission id is new): the first
  // receipt cannot be shown without the first form, and is not, so a person picking up the phone later
  // cannot get it by going Back. Both checks are one query: a report is taken in a handful of round trips.
  const contentHash = hasSubstance(input.report) ? reportContentHash(ctx, input.report) : null;
  const earlier = await ctx.db
    .selectFrom('tips')
    .select((eb) => ['id', eb('submission_hash', '=', subHash).as('same_form')])
    .where((eb) => {
      const sameForm = eb('submission_hash', '=', subHash);
      if (!contentHash) return sameForm;
      return eb.or([sameForm, eb.and([eb('content_hash', '=', contentHash), eb('received_at', '>', new Date(ctx.now().getTime() - RESEND_WINDOW_MS))])]);
    })
    .orderBy('same_form', (ob) => ob.desc().nullsLast())
    .limit(1)
    .executeTakeFirst();
  if (earlier) return { tipId: earlier.id, receipt: earlier.same_form ? receipt : null, duplicate: true };
  const attachments = await cleanFiles(input.files);
  return ctx.db.transaction().execute(async (trx) => {
    const tipId = await insertTip(trx, ctx, input.report, { channel: 'web', submissionHash: subHash, receiptHash: receiptHash(ctx.keys, receipt), enteredBy: null, attachments, contentHash });
    if (!tipId) {
      const first = await trx.selectFrom('tips').select('id').where('submission_hash', '=', subHash).executeTakeFirstOrThrow();
      return { tipId: first.id, receipt, duplicate: true };
    }
    return { tipId, receipt, duplicate: false };
  });
}

interface InsertOptions {
  channel: 'web' | 'phone' | 'text' | 'email' | 'walk_in' | 'other';
  submissionHash: Buffer | null;
  receiptHash: Buffer | null;
  enteredBy: { userId: string; agencyId: string } | null;
  attachments: CleanAttachment[];
  contentHash?: Buffer | null;
}

/** Inserts a tip with its identifiers and files; null when the same submission already exists. */
export async function insertTip(trx: Transaction<DB>, ctx: AppContext, report: ReportInput, options: InsertOptions): Promise<string | null> {
  const minor = report.concernType === 'minor' || report.people.some((p) => p.approxAge !== null && p.approxAge < 18);
  const identifiers = identifiersOf(report);
  // The tip and its identifiers in one statement: a report is taken in as few round trips as it can be.
  const row = await trx
    .with('tip', (db) =>
      db
        .insertInto('tips')
        .values({
          channel: options.channel,
          concern_type: report.concernType,
          minor_involved: minor,
          immediate_danger: report.immediateDanger,
          priority: report.immediateDanger ? 'urgent' : minor ? 'high' : 'normal',
          narrative: report.narrative,
          location_address: report.locationAddress,
          location_city: report.locationCity,
          location_zip: report.locationZip,
          business_name: report.businessName,
          occurred_on: report.occurredOn,
          occurred_text: report.occurredText,
          people: JSON.stringify(report.people),
          vehicles: JSON.stringify(report.vehicles),
          phones: JSON.stringify(report.phones),
          emails: JSON.stringify(report.emails),
          online: JSON.stringify(report.online.map((value) => ({ value, platform: null }))),
          heard_via: report.campaignCode ? 'campaign' : report.heardVia,
          campaign_code: report.campaignCode,
          language: report.language,
          wants_contact: report.contact !== null,
          submission_hash: options.submissionHash,
          receipt_hash: options.receiptHash,
          content_hash: options.contentHash ?? null,
          entered_by_user_id: options.enteredBy?.userId ?? null,
          received_at: ctx.now(),
          updated_at: ctx.now(),
        })
        .onConflict((oc) => oc.column('submission_hash').doNothing())
        .returning('id'),
    )
    .with('identifiers', (db) =>
      db
        .insertInto('tip_identifiers')
        .columns(['tip_id', 'kind', 'value'])
        .expression(sql`select tip.id, i.kind, i.value from tip cross join jsonb_to_recordset(${JSON.stringify(identifiers)}::jsonb) as i(kind text, value text)`),
    )
    .selectFrom('tip')
    .select('id')
    .executeTakeFirst();
  if (!row) return null;
  if (report.contact) {
    await trx.updateTable('tips').set({ reporter_contact_enc: sealContact(ctx, row.id, report.contact) }).where('id', '=', row.id).execute();
  }
  await insertAttachments(trx, row.id, null, options.attachments);
  await recordAudit(trx, ctx.keys, {
    actorUserId: options.enteredBy?.userId ?? null,
    actorAgencyId: options.enteredBy?.agencyId ?? null,
    action: 'tip.received',
    entityType: 'tip',
    entityId: row.id,
    details: { channel: options.channel, urgent: report.immediateDanger, attachments: options.attachments.length },
  });
  if (report.immediateDanger) await enqueueJob(trx, 'tips.sla-check', {}, { dedupeKey: `tips.sla-check:${row.id}`, runAt: new Date(ctx.now().getTime() + ctx.config.urgentTipReviewMinutes * 60_000) });
  return row.id;
}

export async function insertAttachments(trx: Transaction<DB>, tipId: string, messageId: string | null, files: readonly CleanAttachment[]): Promise<void> {
  if (!files.length) return;
  await trx
    .insertInto('tip_attachments')
    .values(files.map((f) => ({ tip_id: tipId, message_id: messageId, content_type: f.contentType, byte_size: f.data.length, sha256: f.sha256, data: f.data })))
    .execute();
}
