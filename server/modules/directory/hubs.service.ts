import type { Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { requireAccess, type Actor } from '../../platform/access/access.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import * as providers from './directory.repo.ts';
import * as repo from './hubs.repo.ts';
import { canLinkProvider } from './directory.policy.ts';
import { presentHubDetail, presentHubSummary } from './hubs.presenter.ts';
import type { HubDetailView, HubInput, HubPatch, HubSessionInput, HubSummaryView } from './directory.schema.ts';

const hubEvent = (actor: Actor, id: string) => ({ actorUserId: actor.userId, actorAgencyId: actor.agencyId, entityType: 'directory_hub', entityId: id });

/** Hubs are kept by the directory's keepers: the same people who add and link entries. */
function requireKeeper(actor: Actor): void {
  requireAccess(actor, 'read', 'directory');
  if (!canLinkProvider(actor)) throw forbidden('Only coordinators and task-force administrators manage service hubs.');
}

const nameTaken = (name: string) => new AppError('conflict', `A hub named "${name}" already exists.`, [{ path: 'body.name', message: 'This name is already used.' }]);

function assertPosition(v: { latitude?: number | null; longitude?: number | null }): void {
  if ((v.latitude === null || v.latitude === undefined) !== (v.longitude === null || v.longitude === undefined)) {
    throw new AppError('validation_failed', 'Give both latitude and longitude, or neither.', [{ path: `body.${v.latitude == null ? 'latitude' : 'longitude'}`, message: 'Give both latitude and longitude, or neither.' }]);
  }
}

export async function listHubs(ctx: AppContext, actor: Actor, includeInactive: boolean): Promise<HubSummaryView[]> {
  requireAccess(actor, 'read', 'directory');
  const hubs = await repo.listHubs(ctx.db, includeInactive);
  const sessions = await repo.sessionsOf(ctx.db, hubs.map((h) => h.id));
  const now = ctx.now();
  return hubs.map((h) => presentHubSummary(h, sessions.filter((s) => s.hub_id === h.id), now));
}

async function presentHubFor(ctx: AppContext, actor: Actor, db: AppContext['db'] | Transaction<DB>, id: string): Promise<HubDetailView> {
  const hub = await repo.findHub(db, id);
  if (!hub) throw notFound('The hub');
  return presentHubDetail(hub, await repo.sessionsOf(db, [id]), ctx.now(), canLinkProvider(actor));
}

export async function getHub(ctx: AppContext, actor: Actor, id: string): Promise<HubDetailView> {
  requireAccess(actor, 'read', 'directory');
  return presentHubFor(ctx, actor, ctx.db, id);
}

export async function createHub(ctx: AppContext, actor: Actor, input: HubInput): Promise<HubDetailView> {
  requireKeeper(actor);
  assertPosition(input);
  const values = { ...input, timeZone: input.timeZone ?? ctx.config.directoryDefaultTimeZone };
  return ctx.db.transaction().execute(async (trx) => {
    if (await repo.isHubNameTaken(trx, input.name)) throw nameTaken(input.name);
    const id = await repo.insertHub(trx, values, actor.userId, ctx.now());
    await recordAudit(trx, ctx.keys, { ...hubEvent(actor, id), action: 'directory.hub_created' });
    return presentHubFor(ctx, actor, trx, id);
  });
}

export async function updateHub(ctx: AppContext, actor: Actor, id: string, patch: HubPatch): Promise<HubDetailView> {
  requireKeeper(actor);
  return ctx.db.transaction().execute(async (trx) => {
    const hub = await repo.lockHub(trx, id);
    if (!hub) throw notFound('The hub');
    assertPosition({ latitude: patch.latitude !== undefined ? patch.latitude : hub.latitude, longitude: patch.longitude !== undefined ? patch.longitude : hub.longitude });
    if (patch.name && (await repo.isHubNameTaken(trx, patch.name, id))) throw nameTaken(patch.name);
    await repo.updateHub(trx, id, patch, actor.userId, ctx.now());
    await recordAudit(trx, ctx.keys, { ...hubEvent(actor, id), action: 'directory.hub_updated', details: { fields: Object.keys(patch) } });
    return presentHubFor(ctx, actor, trx, id);
  });
}

/** A provider keeps hours at the hub for one of its services, on some days of the week. */
export async function addSession(ctx: AppContext, actor: Actor, hubId: string, input: HubSessionInput): Promise<HubDetailView> {
  requireKeeper(actor);
  return ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.lockHub(trx, hubId))) throw notFound('The hub');
    const provider = await providers.findProvider(trx, input.providerId);
    if (!provider) throw new AppError('validation_failed', 'That directory entry does not exist.', [{ path: 'body.providerId', message: 'Choose a provider from the directory.' }]);
    if (provider.status !== 'active') throw new AppError('validation_failed', 'That provider is inactive.', [{ path: 'body.providerId', message: 'Choose an active provider.' }]);
    if (!provider.service_types.includes(input.serviceType)) {
      throw new AppError('validation_failed', `${provider.name} does not offer that service.`, [{ path: 'body.serviceType', message: 'Choose one of the services the provider offers.' }]);
    }
    if (input.opens === input.closes) throw new AppError('validation_failed', 'The session opens and closes at the same time.', [{ path: 'body.closes', message: 'Give a closing time after the opening time.' }]);
    const sessionId = await repo.insertSession(trx, hubId, input);
    await recordAudit(trx, ctx.keys, { ...hubEvent(actor, hubId), action: 'directory.hub_session_added', details: { sessionId, providerId: input.providerId, serviceType: input.serviceType } });
    return presentHubFor(ctx, actor, trx, hubId);
  });
}

export async function removeSession(ctx: AppContext, actor: Actor, hubId: string, sessionId: string): Promise<HubDetailView> {
  requireKeeper(actor);
  return ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.lockHub(trx, hubId))) throw notFound('The hub');
    if (!(await repo.deleteSession(trx, hubId, sessionId))) throw notFound('The session');
    await recordAudit(trx, ctx.keys, { ...hubEvent(actor, hubId), action: 'directory.hub_session_removed', details: { sessionId } });
    return presentHubFor(ctx, actor, trx, hubId);
  });
}
