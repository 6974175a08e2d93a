import type { AppContext } from '../../platform/context.ts';
import { requireAccess, type Actor } from '../../platform/access/access.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { distanceKm, locate, timeZoneAt } from '../geo/geo.service.ts';
import { isTimeZone } from './hours.ts';
import * as repo from './safe-places.repo.ts';
import { presentSafePlace } from './safe-places.presenter.ts';
import type { SafePlaceInput, SafePlaceListQuery, SafePlacePatch, SafePlaceView } from './safe-places.schema.ts';

const ENTITY = 'safe-place';
// A ZIP code's centroid can be some way from a rural site; farther than this, the coordinates are wrong.
const MAX_KM_FROM_ZIP = 80;

const invalid = (path: string, message: string) => new AppError('validation_failed', message, [{ path, message }]);

/** The time zone given, or the one at the coordinates; refuses a zone the runtime does not know. */
function settleTimeZone(given: string | null | undefined, lat: number, lng: number): string {
  if (given) {
    if (!isTimeZone(given)) throw invalid('body.timeZone', `"${given}" is not a time zone name. Use one such as America/Chicago, or leave it empty to use the zone at the coordinates.`);
    return given;
  }
  const zone = timeZoneAt(lat, lng);
  if (!zone) throw invalid('body.timeZone', 'There is no time zone at these coordinates. Check them, or give the time zone, such as America/Chicago.');
  return zone;
}

/** Catches swapped or mistyped coordinates: they must lie near the ZIP code's centre when Haven knows it. */
function checkNearZip(values: Pick<repo.SafePlaceValues, 'zip' | 'lat' | 'lng'>): void {
  const zip = locate(values.zip);
  if (!zip || zip.kind !== 'zip') return;
  const km = distanceKm(zip, values);
  if (km > MAX_KM_FROM_ZIP) {
    const message = `These coordinates are ${Math.round(km)} km from ZIP code ${values.zip}. Check them (latitude first, such as 29.76, then longitude, such as -95.36).`;
    throw new AppError('validation_failed', message, [
      { path: 'body.lat', message },
      { path: 'body.lng', message },
    ]);
  }
}

function checkTrainedOn(date: string | null, now: Date): void {
  if (date && date > now.toISOString().slice(0, 10)) throw invalid('body.staffLastTrainedOn', 'The training date cannot be in the future.');
}

/** The nearest-site scan reads clocks in PostgreSQL, whose time zone list can lag behind this runtime's. */
async function checkDatabaseKnowsZone(db: Parameters<typeof repo.isKnownTimeZone>[0], zone: string): Promise<void> {
  if (!(await repo.isKnownTimeZone(db, zone))) throw invalid('body.timeZone', `The database does not know the time zone "${zone}". Use a long-standing name for the same clock, such as America/Chicago.`);
}

export async function listSafePlaces(ctx: AppContext, actor: Actor, query: SafePlaceListQuery): Promise<SafePlaceView[]> {
  requireAccess(actor, 'read', ENTITY);
  const now = ctx.now();
  return (await repo.listSafePlaces(ctx.db, query)).map((row) => presentSafePlace(row, now));
}

export async function getSafePlace(ctx: AppContext, actor: Actor, id: string): Promise<SafePlaceView> {
  requireAccess(actor, 'read', ENTITY);
  const row = await repo.findSafePlace(ctx.db, id);
  if (!row) throw notFound('The Safe Place');
  return presentSafePlace(row, ctx.now());
}

export async function createSafePlace(ctx: AppContext, actor: Actor, input: SafePlaceInput): Promise<SafePlaceView> {
  requireAccess(actor, 'manage', ENTITY);
  const now = ctx.now();
  const values: repo.SafePlaceValues = { ...input, timeZone: settleTimeZone(input.timeZone, input.lat, input.lng) };
  checkNearZip(values);
  checkTrainedOn(values.staffLastTrainedOn, now);
  await checkDatabaseKnowsZone(ctx.db, values.timeZone);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await repo.insertSafePlace(trx, values, actor.userId, now);
    await recordAudit(trx, ctx.keys, { actorUserId: actor.userId, actorAgencyId: actor.agencyId, action: 'safe_place.created', entityType: 'safe_place', entityId: row.id, details: { kind: row.kind } });
    return presentSafePlace(row, now);
  });
}

/** Changes the fields sent. A place is never deleted: `isActive: false` takes it off the finder and the map. */
export async function updateSafePlace(ctx: AppContext, actor: Actor, id: string, patch: SafePlacePatch): Promise<SafePlaceView> {
  requireAccess(actor, 'manage', ENTITY);
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const current = await repo.findSafePlaceForUpdate(trx, id);
    if (!current) throw notFound('The Safe Place');
    const lat = patch.lat ?? current.lat;
    const lng = patch.lng ?? current.lng;
    const moved = lat !== current.lat || lng !== current.lng;
    const values: repo.SafePlaceValues = {
      name: patch.name ?? current.name,
      kind: patch.kind ?? current.kind,
      address: patch.address ?? current.address,
      city: patch.city ?? current.city,
      state: patch.state ?? current.state,
      zip: patch.zip ?? current.zip,
      lat,
      lng,
      timeZone: patch.timeZone || moved ? settleTimeZone(patch.timeZone, lat, lng) : current.time_zone,
      hours: patch.hours ?? current.hours,
      publicPhone: patch.publicPhone !== undefined ? patch.publicPhone : current.public_phone,
      publicNote: patch.publicNote !== undefined ? patch.publicNote : current.public_note,
      contactName: patch.contactName !== undefined ? patch.contactName : current.contact_name,
      contactPhone: patch.contactPhone !== undefined ? patch.contactPhone : current.contact_phone,
      contactPhonePublic: patch.contactPhonePublic ?? current.contact_phone_public,
      staffLastTrainedOn: patch.staffLastTrainedOn !== undefined ? patch.staffLastTrainedOn : current.staff_last_trained_on,
    };
    if (moved || patch.zip) checkNearZip(values);
    if (values.timeZone !== current.time_zone) await checkDatabaseKnowsZone(trx, values.timeZone);
    if (patch.staffLastTrainedOn) checkTrainedOn(patch.staffLastTrainedOn, now);
    const isActive = patch.isActive ?? current.is_active;
    const row = await repo.updateSafePlace(trx, id, values, isActive, now);
    const action = isActive === current.is_active ? 'safe_place.updated' : isActive ? 'safe_place.reactivated' : 'safe_place.deactivated';
    await recordAudit(trx, ctx.keys, { actorUserId: actor.userId, actorAgencyId: actor.agencyId, action, entityType: 'safe_place', entityId: id, details: { fields: Object.keys(patch).sort() } });
    return presentSafePlace(row, now);
  });
}
