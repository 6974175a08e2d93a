import type { Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { requireAccess, type Actor } from '../../platform/access/access.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import * as repo from './directory.repo.ts';
import * as policy from './directory.policy.ts';
import { presentProviderDetail, presentProviderSummary, type PresentOptions } from './directory.presenter.ts';
import {
  PROVIDER_DEFAULTS,
  providerProblems,
  type CapacityInput,
  type ProviderDetailView,
  type ProviderInput,
  type ProviderListQuery,
  type ProviderPatch,
  type ProviderSummaryView,
  type ProviderValues,
} from './directory.schema.ts';

export const presentOptions = (ctx: AppContext): PresentOptions => ({ now: ctx.now(), staleHours: ctx.config.directoryCapacityStaleHours });

export const providerEvent = (actor: Actor, id: string) => ({ actorUserId: actor.userId, actorAgencyId: actor.agencyId, entityType: 'directory_provider', entityId: id });

/** Capacity rows grouped by provider, for presenting a page of entries with one query. */
export async function capacityByProvider(db: AppContext['db'] | Transaction<DB>, ids: readonly string[]): Promise<Map<string, repo.CapacityRow[]>> {
  const byProvider = new Map<string, repo.CapacityRow[]>();
  for (const row of await repo.capacityFor(db, ids)) {
    const list = byProvider.get(row.provider_id) ?? [];
    list.push(row);
    byProvider.set(row.provider_id, list);
  }
  return byProvider;
}

export async function listProviders(ctx: AppContext, actor: Actor, query: ProviderListQuery): Promise<ProviderSummaryView[]> {
  requireAccess(actor, 'read', 'directory');
  const rows = await repo.listProviders(ctx.db, query, actor.agencyId);
  const capacity = await capacityByProvider(ctx.db, rows.map((r) => r.id));
  const o = presentOptions(ctx);
  return rows.map((r) => presentProviderSummary(r, capacity.get(r.id) ?? [], o));
}

/** An entry's detail as this reader may see it. A confidential address is never part of it (see revealLocation). */
export async function presentProviderFor(ctx: AppContext, actor: Actor, db: AppContext['db'] | Transaction<DB>, id: string): Promise<ProviderDetailView> {
  const row = await repo.findProvider(db, id);
  if (!row) throw notFound('The directory entry');
  const [capacity, hubSessions] = await Promise.all([repo.capacityFor(db, [id]), repo.hubSessionsOf(db, id)]);
  return presentProviderDetail(row, capacity, presentOptions(ctx), {
    showLocation: !row.confidential_location,
    hubSessions,
    abilities: {
      edit: policy.canEditProvider(actor, row),
      link: policy.canLinkProvider(actor),
      updateCapacity: policy.canUpdateCapacity(actor, row),
      refer: policy.canSendInquiry(actor, row),
      seeLocation: row.confidential_location && policy.canSeeLocation(actor, row),
    },
  });
}

export async function getProvider(ctx: AppContext, actor: Actor, id: string): Promise<ProviderDetailView> {
  requireAccess(actor, 'read', 'directory');
  return presentProviderFor(ctx, actor, ctx.db, id);
}

export interface RevealedLocation {
  address1: string | null;
  address2: string | null;
  city: string | null;
  state: string | null;
  postalCode: string | null;
  latitude: number | null;
  longitude: number | null;
}

/**
 * The street address and position of an entry. For a confidential location only the staff of the agency that
 * runs it may have them (decision 007); every look is audited, and so is every refusal.
 */
export async function revealLocation(ctx: AppContext, actor: Actor, id: string): Promise<RevealedLocation> {
  requireAccess(actor, 'read', 'directory');
  const row = await repo.findProvider(ctx.db, id);
  if (!row) throw notFound('The directory entry');
  if (row.confidential_location) {
    const allowed = policy.canSeeLocation(actor, row);
    await ctx.db.transaction().execute((trx) =>
      recordAudit(trx, ctx.keys, { ...providerEvent(actor, id), action: 'directory.location_viewed', outcome: allowed ? 'success' : 'denied', details: { confidential: true } }),
    );
    if (!allowed) throw forbidden('This is a confidential location: only the staff of the agency that runs it may see its address. Call the number listed instead.');
  }
  return { address1: row.address_1, address2: row.address_2, city: row.city, state: row.state, postalCode: row.postal_code, latitude: row.latitude, longitude: row.longitude };
}

/** Only the fields that were sent: `undefined` means "leave as it is". */
function sentFields<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Cross-field rules as a 400 naming each field, so a form can point at them. */
export function assertConsistent(values: ProviderValues): void {
  const problems = providerProblems(values);
  if (problems.length) throw new AppError('validation_failed', 'Some fields need fixing before this can be saved.', problems.map((p) => ({ path: `body.${p.field}`, message: p.message })));
}

async function checkLinkedAgency(trx: Transaction<DB>, agencyId: string | null): Promise<void> {
  if (agencyId && !(await repo.isActiveAgency(trx, agencyId))) {
    throw new AppError('validation_failed', 'The agency to link is not an active Haven agency.', [{ path: 'body.linkedAgencyId', message: 'Choose an active agency from the list.' }]);
  }
}

export async function createProvider(ctx: AppContext, actor: Actor, input: ProviderInput): Promise<ProviderDetailView> {
  // New entries come from the directory's keepers; a provider's own staff keep the entry once it is linked.
  if (!policy.canLinkProvider(actor)) throw forbidden('Only coordinators and task-force administrators add entries to the directory.');
  const { linkedAgencyId = null, ...fields } = input;
  const values: ProviderValues = { ...PROVIDER_DEFAULTS, timeZone: ctx.config.directoryDefaultTimeZone, ...(sentFields(fields) as ProviderInput) };
  assertConsistent(values);
  return ctx.db.transaction().execute(async (trx) => {
    await checkLinkedAgency(trx, linkedAgencyId);
    const id = await repo.insertProvider(trx, values, linkedAgencyId, actor.userId, ctx.now());
    await recordAudit(trx, ctx.keys, {
      ...providerEvent(actor, id),
      action: 'directory.provider_created',
      details: { serviceTypes: values.serviceTypes, confidential: values.confidentialLocation, linkedAgencyId },
    });
    return presentProviderFor(ctx, actor, trx, id);
  });
}

export async function updateProvider(ctx: AppContext, actor: Actor, id: string, patch: ProviderPatch): Promise<ProviderDetailView> {
  requireAccess(actor, 'read', 'directory');
  return ctx.db.transaction().execute(async (trx) => {
    const row = await repo.lockProvider(trx, id);
    if (!row) throw notFound('The directory entry');
    if (!policy.canEditProvider(actor, row)) throw forbidden('Only the agency that runs this service, or a coordinator, can change its entry.');
    const { linkedAgencyId, ...fields } = patch;
    const relink = linkedAgencyId !== undefined && linkedAgencyId !== row.linked_agency_id;
    if (relink && !policy.canLinkProvider(actor)) throw forbidden('Only coordinators and task-force administrators link an entry to an agency.');
    const sent = sentFields(fields) as Partial<ProviderValues>;
    const values: ProviderValues = { ...repo.providerValues(row), ...sent };
    assertConsistent(values);
    const agencyId = relink ? (linkedAgencyId ?? null) : row.linked_agency_id;
    if (relink) await checkLinkedAgency(trx, agencyId);
    await repo.updateProvider(trx, id, values, agencyId, actor.userId, ctx.now());
    if (sent.serviceTypes) await repo.dropCapacityOutside(trx, id, values.serviceTypes);
    await recordAudit(trx, ctx.keys, {
      ...providerEvent(actor, id),
      action: 'directory.provider_updated',
      details: { fields: Object.keys(sent).concat(relink ? ['linkedAgencyId'] : []), confidential: values.confidentialLocation, ...(relink ? { linkedAgencyId: agencyId } : {}) },
    });
    return presentProviderFor(ctx, actor, trx, id);
  });
}

/**
 * Sets how many beds or slots are free now. Sending the same numbers again confirms them: the count's date is
 * renewed, so it stops showing as stale. `total` left out keeps the total on file.
 */
export async function updateCapacity(ctx: AppContext, actor: Actor, id: string, input: CapacityInput): Promise<ProviderDetailView> {
  requireAccess(actor, 'read', 'directory');
  return ctx.db.transaction().execute(async (trx) => {
    const row = await repo.lockProvider(trx, id);
    if (!row) throw notFound('The directory entry');
    if (!policy.canUpdateCapacity(actor, row)) throw forbidden('Only the staff of the agency that runs this service, or a coordinator, can update its beds and slots.');
    if (!row.service_types.includes(input.serviceType)) {
      throw new AppError('validation_failed', 'This provider does not offer that service.', [{ path: 'body.serviceType', message: 'Choose one of the services this provider offers.' }]);
    }
    const current = (await repo.capacityFor(trx, [id])).find((c) => c.service_type === input.serviceType);
    const total = input.total === undefined ? (current?.total ?? null) : input.total;
    if (total !== null && input.available > total) {
      throw new AppError('validation_failed', `Only ${total} in all are on file; raise the total or lower the free count.`, [{ path: 'body.available', message: `At most ${total}.` }]);
    }
    await repo.setCapacity(trx, [{ providerId: id, serviceType: input.serviceType, available: input.available, total, source: 'staff', userId: actor.userId, at: ctx.now() }]);
    await recordAudit(trx, ctx.keys, { ...providerEvent(actor, id), action: 'directory.capacity_updated', details: { serviceType: input.serviceType, available: input.available, total } });
    return presentProviderFor(ctx, actor, trx, id);
  });
}

export async function getCapacityHistory(ctx: AppContext, actor: Actor, id: string) {
  requireAccess(actor, 'read', 'directory');
  const row = await repo.findProvider(ctx.db, id);
  if (!row) throw notFound('The directory entry');
  const history = await repo.capacityHistory(ctx.db, id, 200);
  return history.map((h) => ({ serviceType: h.service_type as ProviderValues['serviceTypes'][number], available: h.available, total: h.total, source: h.source, changedAt: h.changed_at.toISOString() }));
}

