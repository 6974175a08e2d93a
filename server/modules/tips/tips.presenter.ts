import type { TipSummaryRow, findTipDetail, loadTipChildren, findRelatedTips } from './tips.repo.ts';
import type { TipDetailView, TipSummaryView } from './tips.staff-schema.ts';

const minutesBetween = (a: Date, b: Date) => Math.max(0, Math.floor((b.getTime() - a.getTime()) / 60_000));

/** A queue row: a short summary and the service-level clock, never the reporter's contact details. */
export function presentTipSummary(row: TipSummaryRow, now: Date, reviewWithinMinutes: number): TipSummaryView {
  const age = minutesBetween(row.received_at, now);
  const urgent = row.priority === 'urgent' || row.immediate_danger;
  return {
    id: row.id,
    number: row.number,
    receivedAt: row.received_at.toISOString(),
    channel: row.channel,
    status: row.status,
    priority: row.priority,
    concernType: row.concern_type,
    minorInvolved: row.minor_involved,
    immediateDanger: row.immediate_danger,
    summary: (row.narrative ?? '').slice(0, 200),
    city: row.location_city,
    zip: row.location_zip,
    campaignCode: row.campaign_code,
    assignedAgency: row.assigned_agency_id ? { id: row.assigned_agency_id, name: row.assigned_agency_name ?? '' } : null,
    assignedUser: row.assigned_user_id ? { id: row.assigned_user_id, name: row.assigned_user_name ?? '' } : null,
    hasContact: row.wants_contact,
    unreadReporterMessages: Number(row.unread ?? 0),
    minutesSinceReceipt: age,
    minutesToFirstReview: row.first_reviewed_at ? minutesBetween(row.received_at, row.first_reviewed_at) : null,
    reviewOverdue: urgent && !row.first_reviewed_at && age >= reviewWithinMinutes && !['closed', 'merged'].includes(row.status),
  };
}

type Detail = NonNullable<Awaited<ReturnType<typeof findTipDetail>>>;
type Children = Awaited<ReturnType<typeof loadTipChildren>>;
type Related = Awaited<ReturnType<typeof findRelatedTips>>;

export function presentTipDetail(summary: TipSummaryView, d: Detail, c: Children, related: Related): TipDetailView {
  return {
    ...summary,
    narrative: d.narrative,
    locationAddress: d.location_address,
    businessName: d.business_name,
    occurredOn: d.occurred_on ? String(d.occurred_on).slice(0, 10) : null,
    occurredText: d.occurred_text,
    people: d.people,
    vehicles: d.vehicles,
    phones: d.phones,
    emails: d.emails,
    online: d.online,
    heardVia: d.heard_via,
    language: d.language,
    closedReason: d.closed_reason,
    mergedIntoId: d.merged_into_id,
    identifiers: c.identifiers,
    related: related.map((r) => ({ id: r.id, number: r.number, status: r.status, matchedOn: r.matched_on })),
    notes: c.notes.map((n) => ({ id: n.id, body: n.body, author: n.author, createdAt: n.created_at.toISOString() })),
    messages: c.messages.map((m) => ({ id: m.id, direction: m.direction, body: m.body, author: m.author, createdAt: m.created_at.toISOString(), readByReporter: m.read_at !== null })),
    attachments: c.attachments.map((a) => ({ id: a.id, contentType: a.content_type, byteSize: a.byte_size, messageId: a.message_id, createdAt: a.created_at.toISOString() })),
    links: c.links.map((l) => ({ targetType: l.target_type, targetId: l.target_id })),
  };
}
