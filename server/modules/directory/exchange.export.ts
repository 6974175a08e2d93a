import { Readable } from 'node:stream';
import type { AppContext } from '../../platform/context.ts';
import { requireAccess, type Actor } from '../../platform/access/access.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { forbidden } from '../../platform/errors.ts';
import { canLinkProvider } from './directory.policy.ts';
import { capacityByProvider } from './directory.service.ts';
import { csvHeader, providerToCsv } from './exchange.csv.ts';
import { providerToService } from './exchange.hsds.ts';
import { exportPage } from './exchange.repo.ts';

const PAGE = 500;

export interface DirectoryExport {
  contentType: string;
  filename: string;
  body: Readable;
}

/** Every entry, page by page, with its capacity. */
async function* pages(ctx: AppContext) {
  let after: string | null = null;
  for (;;) {
    const rows = await exportPage(ctx.db, after, PAGE);
    if (rows.length === 0) return;
    const capacity = await capacityByProvider(ctx.db, rows.map((r) => r.id));
    yield rows.map((row) => ({ row, capacity: capacity.get(row.id) ?? [] }));
    if (rows.length < PAGE) return;
    after = rows[rows.length - 1]!.id;
  }
}

async function* hsdsDocument(ctx: AppContext, total: number) {
  // The HSDS API's page of services, as one page holding everything.
  yield `{"total_items":${total},"total_pages":1,"page_number":1,"size":${total},"first_page":true,"last_page":true,"empty":${total === 0},"contents":[`;
  let first = true;
  for await (const page of pages(ctx)) {
    const chunk = page.map(({ row, capacity }) => JSON.stringify(providerToService(row, capacity))).join(',');
    yield first ? chunk : `,${chunk}`;
    first = false;
  }
  yield ']}';
}

async function* csvDocument(ctx: AppContext) {
  yield csvHeader();
  for await (const page of pages(ctx)) yield page.map(({ row, capacity }) => providerToCsv(row, capacity)).join('');
}

/**
 * The whole directory as an Open Referral HSDS 3.0 document or a CSV file, streamed page by page. Confidential
 * locations leave without their street address, ZIP code or coordinates (decision 007). The export is audited.
 */
export async function exportDirectory(ctx: AppContext, actor: Actor, format: 'hsds' | 'csv'): Promise<DirectoryExport> {
  requireAccess(actor, 'read', 'directory');
  if (!canLinkProvider(actor)) throw forbidden('Only coordinators and task-force administrators export the directory.');
  const { n } = await ctx.db.selectFrom('directory_providers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const total = Number(n);
  await ctx.db.transaction().execute((trx) =>
    recordAudit(trx, ctx.keys, { actorUserId: actor.userId, actorAgencyId: actor.agencyId, action: 'directory.exported', entityType: 'directory', details: { format, entries: total } }),
  );
  const date = ctx.now().toISOString().slice(0, 10);
  return format === 'hsds'
    ? { contentType: 'application/json; charset=utf-8', filename: `haven-directory-${date}.hsds.json`, body: Readable.from(hsdsDocument(ctx, total)) }
    : { contentType: 'text/csv; charset=utf-8', filename: `haven-directory-${date}.csv`, body: Readable.from(csvDocument(ctx)) };
}
