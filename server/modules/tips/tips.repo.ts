import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { QueueQuery } from './tips.staff-schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** Who may see which tips: everything, or what is assigned to one agency. */
export type TipScope = { kind: 'any' } | { kind: 'agency'; agencyId: string };

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function summarySelect(db: Db) {
  return db
    .selectFrom('tips as t')
    .leftJoin('agencies as a', 'a.id', 't.assigned_agency_id')
    .leftJoin('users as u', 'u.id', 't.assigned_user_id')
    .select([
      't.id', 't.number', 't.received_at', 't.channel', 't.status', 't.priority', 't.concern_type', 't.minor_involved', 't.immediate_danger',
      't.narrative', 't.location_city', 't.location_zip', 't.campaign_code', 't.assigned_agency_id', 'a.name as assigned_agency_name',
      't.assigned_user_id', 'u.display_name as assigned_user_name', 't.wants_contact', 't.first_reviewed_at',
      (eb) => eb.selectFrom('tip_messages as m').select((x) => x.fn.countAll<number>().as('n')).whereRef('m.tip_id', '=', 't.id').where('m.direction', '=', 'from_reporter').where('m.read_at', 'is', null).as('unread'),
    ]);
}

export type TipSummaryRow = Awaited<ReturnType<typeof listQueue>>[number];

/** The queue: urgent and minor-involved tips first, then the oldest. */
export function listQueue(db: Db, scope: TipScope, query: QueueQuery, identifierMatches: Array<{ kind: string; value: string }>) {
  let q = summarySelect(db);
  if (scope.kind === 'agency') q = q.where('t.assigned_agency_id', '=', scope.agencyId);
  if (query.status) q = q.where('t.status', '=', query.status);
  else if (query.open !== false) q = q.where('t.status', 'not in', ['closed', 'merged']);
  if (query.concernType) q = q.where('t.concern_type', '=', query.concernType);
  if (query.channel) q = q.where('t.channel', '=', query.channel);
  if (query.agencyId) q = q.where('t.assigned_agency_id', '=', query.agencyId);
  if (query.campaign) q = q.where('t.campaign_code', '=', query.campaign.toUpperCase());
  if (query.from) q = q.where('t.received_at', '>=', new Date(`${query.from}T00:00:00Z`));
  if (query.to) q = q.where('t.received_at', '<', new Date(new Date(`${query.to}T00:00:00Z`).getTime() + 86_400_000));
  if (query.q) {
    const like = `%${escapeLike(query.q)}%`;
    const number = /^\d{1,12}$/.test(query.q) ? Number(query.q) : null;
    q = q.where((eb) =>
      eb.or([
        eb('t.narrative', 'ilike', like),
        eb('t.business_name', 'ilike', like),
        eb('t.location_address', 'ilike', like),
        eb('t.location_city', 'ilike', like),
        ...(number !== null ? [eb('t.number', '=', number)] : []),
        ...identifierMatches.map((m) =>
          eb.exists(eb.selectFrom('tip_identifiers as i').select('i.tip_id').whereRef('i.tip_id', '=', 't.id').where('i.kind', '=', m.kind as never).where('i.value', '=', m.value)),
        ),
      ]),
    );
  }
  return q
    .orderBy(sql`case when t.priority = 'urgent' or t.immediate_danger then 0 when t.minor_involved then 1 else 2 end`)
    .orderBy('t.received_at', 'asc')
    .limit(query.limit)
    .offset(query.offset)
    .execute();
}

export function findTipSummary(db: Db, id: string) {
  return summarySelect(db).where('t.id', '=', id).executeTakeFirst();
}

export function findTipDetail(db: Db, id: string) {
  return db
    .selectFrom('tips')
    .select([
      'id', 'assigned_agency_id', 'narrative', 'location_address', 'business_name', 'occurred_on', 'occurred_text', 'people', 'vehicles', 'phones', 'emails',
      'online', 'heard_via', 'language', 'closed_reason', 'merged_into_id', 'status', 'first_reviewed_at',
    ])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function loadTipChildren(db: Db, id: string) {
  const [identifiers, notes, messages, attachments, links] = await Promise.all([
    db.selectFrom('tip_identifiers').select(['kind', 'value']).where('tip_id', '=', id).orderBy('kind').execute(),
    db.selectFrom('tip_notes as n').innerJoin('users as u', 'u.id', 'n.author_user_id').select(['n.id', 'n.body', 'u.display_name as author', 'n.created_at']).where('n.tip_id', '=', id).orderBy('n.created_at').execute(),
    db.selectFrom('tip_messages as m').leftJoin('users as u', 'u.id', 'm.author_user_id').select(['m.id', 'm.direction', 'm.body', 'u.display_name as author', 'm.created_at', 'm.read_at']).where('m.tip_id', '=', id).orderBy('m.created_at').execute(),
    db.selectFrom('tip_attachments').select(['id', 'content_type', 'byte_size', 'message_id', 'created_at']).where('tip_id', '=', id).orderBy('created_at').execute(),
    db.selectFrom('tip_links').select(['target_type', 'target_id']).where('tip_id', '=', id).execute(),
  ]);
  return { identifiers, notes, messages, attachments, links };
}

/** Other tips sharing a normalized identifier with this one, limited to what the scope may see. */
export function findRelatedTips(db: Db, id: string, scope: TipScope) {
  let q = db
    .selectFrom('tip_identifiers as mine')
    .innerJoin('tip_identifiers as other', (join) => join.onRef('other.kind', '=', 'mine.kind').onRef('other.value', '=', 'mine.value'))
    .innerJoin('tips as t', 't.id', 'other.tip_id')
    .select(['t.id', 't.number', 't.status', sql<string[]>`array_agg(distinct other.kind)`.as('matched_on')])
    .where('mine.tip_id', '=', id)
    .where('other.tip_id', '!=', id)
    .groupBy(['t.id', 't.number', 't.status'])
    .orderBy('t.number', 'desc')
    .limit(50);
  if (scope.kind === 'agency') q = q.where('t.assigned_agency_id', '=', scope.agencyId);
  return q.execute();
}
