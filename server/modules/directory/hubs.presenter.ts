import type { ServiceType, Weekday } from '../../../common/directory/vocabulary.ts';
import { isOpenAt } from './hours.ts';
import type { HubRow, HubSessionRow } from './hubs.repo.ts';
import type { HubDetailView, HubSummaryView } from './directory.schema.ts';

function presentSessions(hub: HubRow, sessions: readonly HubSessionRow[], now: Date) {
  return sessions.map((s) => ({
    id: s.id,
    provider: { id: s.provider_id, name: s.provider_name, organizationName: s.organization_name },
    serviceType: s.service_type as ServiceType,
    days: s.days as Weekday[],
    opens: s.opens,
    closes: s.closes,
    notes: s.notes,
    openNow: isOpenAt(false, [{ days: s.days as Weekday[], opens: s.opens, closes: s.closes }], hub.time_zone, now) === true,
  }));
}

/** A hub is a public place: its address is shown to everyone. */
export function presentHubSummary(hub: HubRow, sessions: readonly HubSessionRow[], now: Date): HubSummaryView {
  const shown = presentSessions(hub, sessions, now);
  return {
    id: hub.id,
    name: hub.name,
    city: hub.city,
    state: hub.state,
    area: hub.area,
    phone: hub.phone,
    status: hub.status,
    providerCount: new Set(sessions.map((s) => s.provider_id)).size,
    serviceTypes: [...new Set(shown.map((s) => s.serviceType))].sort(),
    openNow: shown.some((s) => s.openNow),
  };
}

export function presentHubDetail(hub: HubRow, sessions: readonly HubSessionRow[], now: Date, canManage: boolean): HubDetailView {
  return {
    ...presentHubSummary(hub, sessions, now),
    description: hub.description,
    email: hub.email,
    website: hub.website,
    address1: hub.address_1,
    address2: hub.address_2,
    postalCode: hub.postal_code,
    latitude: hub.latitude,
    longitude: hub.longitude,
    timeZone: hub.time_zone,
    hoursNotes: hub.hours_notes,
    sessions: presentSessions(hub, sessions, now),
    canManage,
  };
}
