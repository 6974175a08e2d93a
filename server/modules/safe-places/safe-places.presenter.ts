import { normalizeHours, openStatus } from './hours.ts';
import type { SafePlaceRow } from './safe-places.repo.ts';
import type { SafePlaceView } from './safe-places.schema.ts';

/** A Safe Place for staff: everything, with whether it is open at `now` in its own time zone. */
export function presentSafePlace(row: SafePlaceRow, now: Date): SafePlaceView {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    address: row.address,
    city: row.city,
    state: row.state,
    zip: row.zip,
    lat: row.lat,
    lng: row.lng,
    timeZone: row.time_zone,
    hours: normalizeHours(row.hours),
    publicPhone: row.public_phone,
    publicNote: row.public_note,
    contactName: row.contact_name,
    contactPhone: row.contact_phone,
    contactPhonePublic: row.contact_phone_public,
    staffLastTrainedOn: row.staff_last_trained_on,
    isActive: row.is_active,
    openNow: openStatus(row.hours, row.time_zone, now),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
