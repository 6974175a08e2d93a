import type { CaseAccess, CaseSummaryView, DocumentView, NoteView, OutcomeView, PointOfContact, TaskView } from './cases.schema.ts';
import type { CaseRow, findPointOfContact, listDocuments, listNotes, listOutcomes, listTasks } from './cases.repo.ts';

/** A case as a list shows it: what coordinators may see of every case. */
export function presentCaseSummary(row: CaseRow, access: CaseAccess): CaseSummaryView {
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    traffickingType: row.trafficking_type,
    status: row.status,
    leadAgency: { id: row.lead_agency_id, name: row.lead_agency_name },
    access,
    counts: {
      potentialVictims: Number(row.potential_victims ?? 0) + row.unnamed_potential_victims,
      confirmedVictims: Number(row.confirmed_victims ?? 0) + row.unnamed_confirmed_victims,
      suspects: Number(row.suspects ?? 0),
    },
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

type Contact = NonNullable<Awaited<ReturnType<typeof findPointOfContact>>>;

/** The person to call about a case (its lead, or whoever opened it) with the lead agency's numbers. */
export function presentPointOfContact(row: Contact): PointOfContact {
  const person = row.display_name && !row.disabled_at ? row.display_name : null;
  return {
    name: person ?? row.agency_name,
    email: (person ? row.email : null) ?? row.contact_email,
    phone: row.contact_phone,
    agencyName: row.agency_name,
  };
}

export function presentTask(t: Awaited<ReturnType<typeof listTasks>>[number], today: string): TaskView {
  return {
    id: t.id,
    title: t.title,
    details: t.details,
    owner: t.owner_user_id ? { id: t.owner_user_id, name: t.owner_name ?? '' } : null,
    dueOn: t.due_on,
    status: t.status,
    overdue: t.status === 'open' && t.due_on !== null && t.due_on < today,
    createdAt: t.created_at.toISOString(),
    completedAt: t.completed_at?.toISOString() ?? null,
  };
}

export function presentNote(n: Awaited<ReturnType<typeof listNotes>>[number]): NoteView {
  return { id: n.id, body: n.body, author: n.author, agencyId: n.author_agency_id, createdAt: n.created_at.toISOString() };
}

export function presentDocument(d: Awaited<ReturnType<typeof listDocuments>>[number]): DocumentView {
  return { id: d.id, title: d.title, contentType: d.content_type, byteSize: d.byte_size, source: d.source, uploadedBy: d.uploaded_by, createdAt: d.created_at.toISOString() };
}

export function presentOutcome(o: Awaited<ReturnType<typeof listOutcomes>>[number]): OutcomeView {
  const details = o.details as { sentence?: Record<string, unknown> | null; court?: string | null; docketNumber?: string | null };
  return {
    id: o.id,
    entityId: o.entity_id,
    personLabel: o.label,
    type: o.type,
    occurredOn: o.occurred_on,
    conductOn: o.conduct_on,
    offenseCategory: o.offense_category,
    statute: o.statute,
    jurisdictionLevel: o.jurisdiction_level,
    description: o.description,
    disposition: o.disposition,
    sentence: details.sentence ?? null,
    court: details.court ?? null,
    docketNumber: details.docketNumber ?? null,
    safeHarborOverride: o.safe_harbor_override_reason ? { reason: o.safe_harbor_override_reason, by: o.override_by ?? '' } : null,
    recordedAt: o.created_at.toISOString(),
  };
}
