import { capacityUnit, type InquiryStatus, type ServiceType } from '../../../common/directory/vocabulary.ts';
import type { AppContext } from '../../platform/context.ts';
import { requireAccess, scopeOf, type Actor } from '../../platform/access/access.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { AppError, conflict, forbidden, notFound, refusedRead } from '../../platform/errors.ts';
import * as providers from './directory.repo.ts';
import * as repo from './inquiries.repo.ts';
import * as policy from './directory.policy.ts';
import { providerEvent } from './directory.service.ts';
import type { InquiryAnswer, InquiryInput, InquiryView } from './directory.schema.ts';

const inquiryEvent = (actor: Actor, id: string) => ({ actorUserId: actor.userId, actorAgencyId: actor.agencyId, entityType: 'directory_inquiry', entityId: id });

export function presentInquiry(row: repo.InquiryRow, actor: Actor): InquiryView {
  return {
    id: row.id,
    number: row.number,
    provider: { id: row.provider_id, name: row.provider_name, organizationName: row.organization_name, phone: row.provider_phone },
    serviceType: row.service_type as ServiceType,
    unit: capacityUnit(row.service_type as ServiceType),
    peopleCount: row.people_count,
    age: row.age,
    language: row.language,
    needed: row.needed,
    note: row.note,
    status: row.status,
    responseNote: row.response_note,
    capacityHeld: row.capacity_held,
    fromAgency: { id: row.from_agency_id, name: row.from_agency_name },
    fromUser: row.from_user_name,
    toAgency: { id: row.to_agency_id, name: row.to_agency_name },
    answeredBy: row.answered_by_name,
    createdAt: row.created_at.toISOString(),
    answeredAt: row.answered_at ? row.answered_at.toISOString() : null,
    abilities: { answer: policy.canAnswerInquiry(actor, row), withdraw: policy.canWithdrawInquiry(actor, row) },
  };
}

/**
 * "Can you take this person?": a question to the agency that runs a provider, about one of its services,
 * with only what a bed or a slot needs (how many, an age, a language, how soon). It carries no name or other
 * identifying detail: a consented survivor referral comes with the survivor-services module.
 */
export async function sendInquiry(ctx: AppContext, actor: Actor, providerId: string, input: InquiryInput): Promise<InquiryView> {
  requireAccess(actor, 'read', 'directory');
  requireAccess(actor, 'create', 'directory-inquiry');
  return ctx.db.transaction().execute(async (trx) => {
    const provider = await providers.findProvider(trx, providerId);
    if (!provider) throw notFound('The directory entry');
    if (provider.status !== 'active') throw conflict('This provider is marked inactive in the directory; choose another.');
    if (!provider.linked_agency_id) {
      throw conflict(`${provider.name} does not answer inquiries in Haven.${provider.phone ? ` Call them at ${provider.phone}.` : ''}`);
    }
    if (!provider.service_types.includes(input.serviceType)) {
      throw new AppError('validation_failed', `${provider.name} does not offer that service.`, [{ path: 'body.serviceType', message: 'Choose one of the services this provider offers.' }]);
    }
    const now = ctx.now();
    const { id, number } = await repo.insertInquiry(trx, { providerId, input, fromAgencyId: actor.agencyId, fromUserId: actor.userId, toAgencyId: provider.linked_agency_id, now });
    const responders = (await repo.respondersOf(trx, provider.linked_agency_id)).map((r) => r.id).filter((userId) => userId !== actor.userId);
    await repo.notify(trx, responders, 'directory.inquiry_received', id, { number, providerName: provider.name, serviceType: input.serviceType }, now);
    await recordAudit(trx, ctx.keys, { ...inquiryEvent(actor, id), action: 'directory.inquiry_sent', details: { providerId, serviceType: input.serviceType, toAgencyId: provider.linked_agency_id } });
    return presentInquiry((await repo.findInquiry(trx, id))!, actor);
  });
}

export async function listInquiries(ctx: AppContext, actor: Actor, box: 'inbox' | 'sent', status: InquiryStatus | undefined, limit: number): Promise<InquiryView[]> {
  requireAccess(actor, 'read', 'directory');
  if (box === 'inbox' && !scopeOf(actor, 'respond', 'directory-inquiry')) throw forbidden('Your role does not answer referral inquiries; see the ones you sent instead.');
  if (box === 'sent' && !scopeOf(actor, 'create', 'directory-inquiry')) throw forbidden('Your role does not send referral inquiries.');
  const rows = await repo.listInquiries(ctx.db, box, actor.agencyId, status, limit);
  return rows.map((r) => presentInquiry(r, actor));
}

/**
 * Loads an inquiry for a change. A role that never takes part (`permission` not held) is refused outright;
 * one that does but is neither sender nor receiver of this inquiry is told it does not exist.
 */
async function loadForChange(trx: Parameters<typeof repo.lockInquiry>[0], actor: Actor, id: string, permission: 'respond' | 'create') {
  if (!scopeOf(actor, permission, 'directory-inquiry')) throw forbidden(permission === 'respond' ? 'Your role does not answer referral inquiries.' : 'Your role does not send referral inquiries.');
  const row = await repo.lockInquiry(trx, id);
  if (!row || !policy.canSeeInquiry(actor, row)) throw refusedRead('The inquiry', 'directory_inquiry', id);
  return row;
}

const settled = (status: string) => conflict(`This inquiry is already ${status}; nothing was changed.`);

/**
 * The provider's answer. Accepting can hold one of the free places at once (the count goes down by the number
 * of people), so the next person searching does not count on it.
 */
export async function answerInquiry(ctx: AppContext, actor: Actor, id: string, answer: InquiryAnswer): Promise<InquiryView> {
  requireAccess(actor, 'read', 'directory');
  return ctx.db.transaction().execute(async (trx) => {
    const row = await loadForChange(trx, actor, id, 'respond');
    if (row.status !== 'open') throw settled(row.status);
    if (!policy.canAnswerInquiry(actor, row)) throw forbidden('Only the staff of the agency that runs this service answer its inquiries.');
    const now = ctx.now();
    if (answer.holdCapacity) {
      const provider = await providers.lockProvider(trx, row.provider_id);
      const current = (await providers.capacityFor(trx, [row.provider_id])).find((c) => c.service_type === row.service_type);
      const unit = capacityUnit(row.service_type as ServiceType);
      if (!provider || !current || current.available < row.people_count) {
        throw new AppError('conflict', `Fewer than ${row.people_count} free ${unit} are on file to hold. Update the count first, or accept without holding.`, [
          { path: 'body.holdCapacity', message: `Not enough free ${unit} on file.` },
        ]);
      }
      const available = current.available - row.people_count;
      await providers.setCapacity(trx, [{ providerId: row.provider_id, serviceType: row.service_type, available, total: current.total, source: 'inquiry_hold', userId: actor.userId, at: now }]);
      await recordAudit(trx, ctx.keys, { ...providerEvent(actor, row.provider_id), action: 'directory.capacity_updated', details: { serviceType: row.service_type, available, total: current.total, inquiryId: id } });
    }
    await repo.answerInquiry(trx, id, { status: answer.decision, note: answer.note ?? null, capacityHeld: answer.holdCapacity, userId: actor.userId, now });
    await repo.notify(trx, [row.from_user_id].filter((userId) => userId !== actor.userId), 'directory.inquiry_answered', id, { number: row.number, providerName: row.provider_name, decision: answer.decision }, now);
    await recordAudit(trx, ctx.keys, { ...inquiryEvent(actor, id), action: 'directory.inquiry_answered', details: { decision: answer.decision, capacityHeld: answer.holdCapacity } });
    return presentInquiry((await repo.findInquiry(trx, id))!, actor);
  });
}

export async function withdrawInquiry(ctx: AppContext, actor: Actor, id: string): Promise<InquiryView> {
  requireAccess(actor, 'read', 'directory');
  return ctx.db.transaction().execute(async (trx) => {
    const row = await loadForChange(trx, actor, id, 'create');
    if (row.status !== 'open') throw settled(row.status);
    if (!policy.canWithdrawInquiry(actor, row)) throw forbidden('Only the agency that sent this inquiry can withdraw it.');
    await repo.withdrawInquiry(trx, id, ctx.now());
    await recordAudit(trx, ctx.keys, { ...inquiryEvent(actor, id), action: 'directory.inquiry_withdrawn' });
    return presentInquiry((await repo.findInquiry(trx, id))!, actor);
  });
}
