import type { Identifier } from './entities.model.ts';
import type { CaseEntityRow, EntityRow } from './entities.repo.ts';
import type { CaseEntityView, EntityView } from './entities.schema.ts';

export function presentEntity(row: EntityRow, identifiers: readonly Identifier[]): EntityView {
  return {
    id: row.id,
    kind: row.kind,
    label: row.label,
    details: row.data,
    identifiers: identifiers.map((i) => ({ kind: i.kind, value: i.value })),
    birthDate: row.birth_date,
    estimatedAge: row.estimated_age,
    ageAsOf: row.age_as_of,
    ownerAgencyId: row.owner_agency_id,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function presentCaseEntity(row: CaseEntityRow, identifiers: readonly Identifier[]): CaseEntityView {
  return {
    id: row.case_entity_id,
    caseId: row.case_id,
    role: row.role,
    suspectRoles: row.suspect_roles,
    note: row.note,
    addedAt: row.added_at.toISOString(),
    entity: presentEntity(row, identifiers),
  };
}
