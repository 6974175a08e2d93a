import type { AgencyType } from '../../../common/access/agencies.ts';
import type { AgencyRow } from './agencies.repo.ts';
import type { AgencyView } from './agencies.schema.ts';

export function presentAgency(row: AgencyRow): AgencyView {
  return {
    id: row.id,
    name: row.name,
    shortName: row.short_name,
    type: row.type as AgencyType,
    contactEmail: row.contact_email,
    contactPhone: row.contact_phone,
    isActive: row.is_active,
    createdAt: row.created_at.toISOString(),
  };
}
