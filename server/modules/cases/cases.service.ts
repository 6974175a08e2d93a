import type { Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import type { DB, PartnerLevel } from '../../platform/db/schema.ts';
import { actorFor, can, requireAccess, type Actor } from '../../platform/access/access.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import { isRole } from '../../../common/access/roles.ts';
import type { AgencyType } from '../../../common/access/agencies.ts';
import * as repo from './cases.repo.ts';
import * as entitiesRepo from '../entities/entities.repo.ts';
import { presentCaseEntity } from '../entities/entities.presenter.ts';
import { caseAccess, atLeast, worksCases } from './cases.policy.ts';
import { caseAudit, loadCaseFor } from './cases.access.ts';
import { recordCaseEvent } from './case-events.ts';
import { presentCaseSummary, presentDocument, presentNote, presentOutcome, presentPointOfContact, presentTask } from './cases.presenter.ts';
import type { CaseInput, CaseListQuery, CasePatch, CaseSummaryView, CaseView } from './cases.schema.ts';

/**
 * Agencies a case may be shared with: investigative and prosecuting agencies, child welfare (joint work with
 * minors), and the task force's coordinating agency. Never a victim-service provider (decision 009): an
 * advocate who holds investigative files can be made to disclose them, and the survivor wall runs both ways.
 */
export const PARTNER_AGENCY_TYPES: readonly AgencyType[] = ['law_enforcement', 'prosecutor', 'immigration_service', 'central_government', 'child_welfare', 'task_force_coordinator'];

export const today = (ctx: AppContext) => ctx.now().toISOString().slice(0, 10);

export async function listCases(ctx: AppContext, actor: Actor, query: CaseListQuery): Promise<CaseSummaryView[]> {
  if (!worksCases(actor)) throw forbidden('Your role does not work with investigative cases.');
  const everything = can(actor, 'read', 'case-list', {});
  const rows = await repo.listCases(ctx.db, actor.agencyId, actor.userId, everything, query);
  return rows.flatMap((row) => {
    const access = caseAccess(actor, { leadAgencyId: row.lead_agency_id, partnerLevel: row.partner_level });
    return access ? [presentCaseSummary(row, access)] : [];
  });
}

/** A person may lead or work a case when they are active and would reach `edit` on it. */
export async function assertAssignable(trx: Transaction<DB>, caseId: string, userId: string, path: string): Promise<void> {
  const user = await trx.selectFrom('users').select(['agency_id', 'disabled_at']).where('id', '=', userId).executeTakeFirst();
  const roles = (await trx.selectFrom('user_roles').select('role').where('user_id', '=', userId).execute()).map((r) => r.role).filter(isRole);
  const facts = user && (await repo.findCaseAccessFacts(trx, caseId, user.agency_id));
  const access = user && facts ? caseAccess(actorFor({ id: userId, agencyId: user.agency_id, roles }), facts) : null;
  if (!user || user.disabled_at || !atLeast(access, 'edit')) {
    throw new AppError('validation_failed', 'Choose an active person of the lead agency (or of a partner agency with edit access) who works cases.', [{ path, message: 'Not someone who can work this case.' }]);
  }
}

export async function createCase(ctx: AppContext, actor: Actor, input: CaseInput): Promise<CaseView> {
  requireAccess(actor, 'create', 'case', { agencyId: actor.agencyId });
  const caseId = await ctx.db.transaction().execute((trx) => insertCase(trx, ctx, actor, input, null));
  return presentCase(ctx, actor, caseId);
}

/** Inserts a case led by the actor's agency, with its lead assigned, its first timeline entry and audit. */
export async function insertCase(trx: Transaction<DB>, ctx: AppContext, actor: Actor, input: CaseInput, sourceTip: { id: string; number: number } | null): Promise<string> {
  const now = ctx.now();
  const row = await trx
    .insertInto('cases')
    .values({
      lead_agency_id: actor.agencyId,
      title: input.title,
      trafficking_type: input.traffickingType,
      summary: input.summary,
      agency_reference: input.agencyReference,
      jurisdictions: input.jurisdictions,
      source_tip_id: sourceTip?.id ?? null,
      created_by_user_id: actor.userId,
      created_at: now,
      updated_at: now,
    })
    .returning(['id', 'number'])
    .executeTakeFirstOrThrow();
  const leadUserId = input.leadUserId ?? actor.userId;
  await assertAssignable(trx, row.id, leadUserId, 'body.leadUserId');
  await trx.insertInto('case_assignments').values({ case_id: row.id, user_id: leadUserId, role: 'lead', assigned_by_user_id: actor.userId, assigned_at: now }).execute();
  await recordCaseEvent(trx, { caseId: row.id, actor, kind: 'case.created', at: now, data: { number: row.number, title: input.title, ...(sourceTip ? { tipId: sourceTip.id, tipNumber: sourceTip.number } : {}) } });
  await recordAudit(trx, ctx.keys, { ...caseAudit(actor, row.id), action: 'case.created', details: { number: row.number, ...(sourceTip ? { tipId: sourceTip.id } : {}) } });
  return row.id;
}

/** A case as the actor may see it, and the read recorded in the audit trail. */
export async function getCase(ctx: AppContext, actor: Actor, id: string): Promise<CaseView> {
  const target = await loadCaseFor(ctx.db, actor, id, 'summary');
  await ctx.db.transaction().execute((trx) => recordAudit(trx, ctx.keys, { ...caseAudit(actor, id), action: 'case.viewed', details: { access: target.access } }));
  return presentCase(ctx, actor, id);
}

/** The case as the actor may see it, without recording a read: the answer to a change they just made. */
export async function presentCase(ctx: AppContext, actor: Actor, id: string): Promise<CaseView> {
  const row = await repo.findCase(ctx.db, id, actor.agencyId);
  if (!row) throw notFound('The case');
  const access = caseAccess(actor, { leadAgencyId: row.lead_agency_id, partnerLevel: row.partner_level })!;
  const contact = atLeast(access, 'summary') ? await repo.findPointOfContact(ctx.db, id) : undefined;
  return {
    ...presentCaseSummary(row, access),
    pointOfContact: contact ? presentPointOfContact(contact) : null,
    detail: atLeast(access, 'read') ? await presentDetail(ctx, id) : null,
  };
}

async function presentDetail(ctx: AppContext, id: string): Promise<NonNullable<CaseView['detail']>> {
  const [d, assignments, partners, entities, tasks, notes, documents, outcomes] = await Promise.all([
    repo.findCaseDetail(ctx.db, id),
    repo.listAssignments(ctx.db, id),
    repo.listPartners(ctx.db, id),
    entitiesRepo.listCaseEntities(ctx.db, id),
    repo.listTasks(ctx.db, id),
    repo.listNotes(ctx.db, id),
    repo.listDocuments(ctx.db, id),
    repo.listOutcomes(ctx.db, id),
  ]);
  const identifiers = await entitiesRepo.identifiersOf(ctx.db, entities.map((e) => e.id));
  const day = today(ctx);
  return {
    summary: d.summary,
    agencyReference: d.agency_reference,
    jurisdictions: d.jurisdictions,
    closedReason: d.closed_reason,
    referredTo: d.referred_to,
    closedAt: d.closed_at?.toISOString() ?? null,
    sourceTip: d.source_tip_id && d.source_tip_number !== null ? { id: d.source_tip_id, number: d.source_tip_number } : null,
    unnamedVictims: { potential: d.unnamed_potential_victims, confirmed: d.unnamed_confirmed_victims },
    assignments: assignments.map((a) => ({ userId: a.user_id, name: a.display_name, email: a.email, agencyId: a.agency_id, role: a.role })),
    partners: partners.map((p) => ({ agency: { id: p.agency_id, name: p.name }, level: p.level, grantedAt: p.granted_at.toISOString(), viaHitId: p.via_hit_id })),
    entities: entities.map((e) => presentCaseEntity(e, identifiers.get(e.id) ?? [])),
    tasks: tasks.map((t) => presentTask(t, day)),
    notes: notes.map(presentNote),
    documents: documents.map(presentDocument),
    outcomes: outcomes.map(presentOutcome),
  };
}

/** Title, type, status, summary, jurisdictions and unnamed victims: the lead agency's to change. */
export async function updateCase(ctx: AppContext, actor: Actor, id: string, patch: CasePatch): Promise<CaseView> {
  await loadCaseFor(ctx.db, actor, id, 'owner');
  await ctx.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('cases').select(['status']).where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    const now = ctx.now();
    const status = patch.status ?? before.status;
    const ending = ['closed', 'referred'].includes(status);
    const reopening = patch.status !== undefined && !ending;
    await trx
      .updateTable('cases')
      .set({
        ...(patch.title !== undefined ? { title: patch.title } : {}),
        ...(patch.traffickingType !== undefined ? { trafficking_type: patch.traffickingType } : {}),
        ...(patch.summary !== undefined ? { summary: patch.summary } : {}),
        ...(patch.agencyReference !== undefined ? { agency_reference: patch.agencyReference } : {}),
        ...(patch.jurisdictions !== undefined ? { jurisdictions: patch.jurisdictions } : {}),
        ...(patch.unnamedVictims ? { unnamed_potential_victims: patch.unnamedVictims.potential, unnamed_confirmed_victims: patch.unnamedVictims.confirmed } : {}),
        ...(patch.status !== undefined ? { status } : {}),
        ...(patch.status !== undefined && ending ? { closed_reason: patch.closedReason ?? null, referred_to: status === 'referred' ? (patch.referredTo ?? null) : null, closed_at: now } : {}),
        ...(reopening ? { closed_reason: null, referred_to: null, closed_at: null } : {}),
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
    const fields = Object.keys(patch);
    if (patch.status !== undefined && patch.status !== before.status) {
      await recordCaseEvent(trx, { caseId: id, actor, kind: 'case.status_changed', at: now, data: { from: before.status, to: status, ...(ending ? { reason: patch.closedReason ?? null } : {}) } });
    }
    const other = fields.filter((f) => !['status', 'closedReason', 'referredTo'].includes(f));
    if (other.length) await recordCaseEvent(trx, { caseId: id, actor, kind: 'case.updated', at: now, data: { fields: other } });
    await recordAudit(trx, ctx.keys, { ...caseAudit(actor, id), action: 'case.updated', details: { fields, status } });
  });
  return presentCase(ctx, actor, id);
}

/** Shares the case with another agency at a level, or changes the level: the lead agency's decision. */
export async function grantPartner(ctx: AppContext, actor: Actor, id: string, input: { agencyId: string; level: PartnerLevel }, options: { viaHitId?: string } = {}): Promise<CaseView> {
  const target = await loadCaseFor(ctx.db, actor, id, 'owner');
  await ctx.db.transaction().execute((trx) => insertPartner(trx, ctx, actor, { caseId: id, leadAgencyId: target.leadAgencyId, ...input, viaHitId: options.viaHitId ?? null }));
  return presentCase(ctx, actor, id);
}

/**
 * Grants (or changes) partner access inside the caller's transaction, after they checked the right to. Used
 * by the owner's grant and by the deconfliction agreement, which grants both ways at once.
 */
export async function insertPartner(
  trx: Transaction<DB>,
  ctx: AppContext,
  actor: Pick<Actor, 'userId' | 'agencyId'>,
  input: { caseId: string; leadAgencyId: string; agencyId: string; level: PartnerLevel; viaHitId: string | null },
): Promise<void> {
  const path = 'body.agencyId';
  if (input.agencyId === input.leadAgencyId) throw new AppError('validation_failed', 'The lead agency already owns this case.', [{ path, message: 'Choose another agency.' }]);
  const agency = await trx.selectFrom('agencies').select(['type', 'is_active', 'name']).where('id', '=', input.agencyId).executeTakeFirst();
  if (!agency?.is_active) throw new AppError('validation_failed', 'Choose an active agency.', [{ path, message: 'Not an active agency.' }]);
  if (!PARTNER_AGENCY_TYPES.includes(agency.type as AgencyType)) {
    throw new AppError('validation_failed', 'Investigative cases are shared with law enforcement, prosecutors, child welfare and the task force only, never with victim-service agencies.', [{ path, message: 'This kind of agency cannot be a case partner.' }]);
  }
  const now = ctx.now();
  const before = await trx.selectFrom('case_partners').select('level').where('case_id', '=', input.caseId).where('agency_id', '=', input.agencyId).executeTakeFirst();
  if (before?.level === input.level) return;
  await trx
    .insertInto('case_partners')
    .values({ case_id: input.caseId, agency_id: input.agencyId, level: input.level, granted_by_user_id: actor.userId, via_hit_id: input.viaHitId, granted_at: now })
    .onConflict((oc) => oc.columns(['case_id', 'agency_id']).doUpdateSet({ level: input.level, granted_by_user_id: actor.userId, granted_at: now }))
    .execute();
  await recordCaseEvent(trx, { caseId: input.caseId, actor, kind: before ? 'partner.changed' : 'partner.granted', at: now, data: { agencyId: input.agencyId, agencyName: agency.name, level: input.level, ...(before ? { from: before.level } : {}), ...(input.viaHitId ? { hitId: input.viaHitId } : {}) } });
  await recordAudit(trx, ctx.keys, { actorUserId: actor.userId, actorAgencyId: actor.agencyId, entityType: 'case', entityId: input.caseId, action: 'case.partner_granted', details: { agencyId: input.agencyId, level: input.level, ...(before ? { from: before.level } : {}) } });
}

export async function revokePartner(ctx: AppContext, actor: Actor, id: string, agencyId: string): Promise<CaseView> {
  await loadCaseFor(ctx.db, actor, id, 'owner');
  await ctx.db.transaction().execute(async (trx) => {
    const removed = await trx.deleteFrom('case_partners').where('case_id', '=', id).where('agency_id', '=', agencyId).returning('level').executeTakeFirst();
    if (!removed) throw notFound('That partner agency');
    // People of the agency can no longer work the case: their assignments end with the access.
    await trx.deleteFrom('case_assignments').where('case_id', '=', id).where('user_id', 'in', (eb) => eb.selectFrom('users').select('id').where('agency_id', '=', agencyId)).execute();
    const agency = await trx.selectFrom('agencies').select('name').where('id', '=', agencyId).executeTakeFirstOrThrow();
    await recordCaseEvent(trx, { caseId: id, actor, kind: 'partner.revoked', at: ctx.now(), data: { agencyId, agencyName: agency.name, level: removed.level } });
    await recordAudit(trx, ctx.keys, { ...caseAudit(actor, id), action: 'case.partner_revoked', details: { agencyId } });
  });
  return presentCase(ctx, actor, id);
}

export async function assignPerson(ctx: AppContext, actor: Actor, id: string, input: { userId: string; role: 'lead' | 'member' }): Promise<CaseView> {
  await loadCaseFor(ctx.db, actor, id, 'owner');
  await ctx.db.transaction().execute(async (trx) => {
    await trx.selectFrom('cases').select('id').where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    await assertAssignable(trx, id, input.userId, 'body.userId');
    const now = ctx.now();
    // One lead: naming a new lead makes the former one a member.
    if (input.role === 'lead') await trx.updateTable('case_assignments').set({ role: 'member' }).where('case_id', '=', id).where('role', '=', 'lead').where('user_id', '!=', input.userId).execute();
    await trx
      .insertInto('case_assignments')
      .values({ case_id: id, user_id: input.userId, role: input.role, assigned_by_user_id: actor.userId, assigned_at: now })
      .onConflict((oc) => oc.columns(['case_id', 'user_id']).doUpdateSet({ role: input.role }))
      .execute();
    const person = await trx.selectFrom('users').select('display_name').where('id', '=', input.userId).executeTakeFirstOrThrow();
    await recordCaseEvent(trx, { caseId: id, actor, kind: 'assignment.added', at: now, data: { userId: input.userId, name: person.display_name, role: input.role } });
    await recordAudit(trx, ctx.keys, { ...caseAudit(actor, id), action: 'case.assigned', details: { userId: input.userId, role: input.role } });
  });
  return presentCase(ctx, actor, id);
}

export async function unassignPerson(ctx: AppContext, actor: Actor, id: string, userId: string): Promise<CaseView> {
  await loadCaseFor(ctx.db, actor, id, 'owner');
  await ctx.db.transaction().execute(async (trx) => {
    const removed = await trx.deleteFrom('case_assignments').where('case_id', '=', id).where('user_id', '=', userId).returning('role').executeTakeFirst();
    if (!removed) throw notFound('That assignment');
    const person = await trx.selectFrom('users').select('display_name').where('id', '=', userId).executeTakeFirstOrThrow();
    await recordCaseEvent(trx, { caseId: id, actor, kind: 'assignment.removed', at: ctx.now(), data: { userId, name: person.display_name, role: removed.role } });
    await recordAudit(trx, ctx.keys, { ...caseAudit(actor, id), action: 'case.unassigned', details: { userId } });
  });
  return presentCase(ctx, actor, id);
}

