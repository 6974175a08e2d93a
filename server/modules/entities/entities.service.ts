import type { Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import type { CaseEntityRole, DB } from '../../platform/db/schema.ts';
import type { Actor } from '../../platform/access/access.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { AppError, conflict, notFound, refusedRead } from '../../platform/errors.ts';
import { accessToMany, assertWorkable, caseAudit, loadCaseFor } from '../cases/cases.access.ts';
import { worksCases, atLeast } from '../cases/cases.policy.ts';
import { recordCaseEvent } from '../cases/case-events.ts';
import * as deconfliction from '../deconfliction/deconfliction.service.ts';
import * as repo from './entities.repo.ts';
import { describeEntity, type DescribedEntity } from './entities.model.ts';
import { presentCaseEntity, presentEntity } from './entities.presenter.ts';
import { PERSON_ROLES, VICTIM_ROLES, type CaseEntityInput, type CaseEntityPatch, type EntityInput } from './entities.schema.ts';
import type { z } from 'zod';
import type { addedEntityView, caseEntityView, DeconflictionNotice, entityDetailView } from './entities.schema.ts';

const today = (ctx: AppContext) => ctx.now().toISOString().slice(0, 10);
const entityAudit = (actor: Actor, entityId: string) => ({ actorUserId: actor.userId, actorAgencyId: actor.agencyId, entityType: 'entity', entityId });

/** The cases holding an entity, with the actor's access to each. */
async function casesWithAccess(db: AppContext['db'] | Transaction<DB>, actor: Actor, entityId: string) {
  const rows = await repo.casesOfEntities(db, [entityId]);
  const access = await accessToMany(db, actor, rows.map((r) => r.id));
  return rows.map((r) => ({ ...r, access: access.get(r.id) ?? null }));
}

/**
 * Loads an entity the actor may `need` (read or edit) through a case that holds it. An entity in no case the
 * actor can read does not exist for them.
 */
async function loadEntityFor(db: AppContext['db'] | Transaction<DB>, actor: Actor, entityId: string, need: 'read' | 'edit') {
  if (!worksCases(actor)) throw new AppError('forbidden', 'Your role does not work with investigative cases.');
  const entity = await repo.findEntity(db, entityId);
  const cases = entity ? await casesWithAccess(db, actor, entityId) : [];
  const readable = cases.filter((c) => atLeast(c.access, 'read'));
  if (!entity || readable.length === 0) {
    // Seen only in the list or a summary: the entity exists for them, its content does not.
    if (entity && cases.some((c) => c.access !== null)) throw new AppError('forbidden', 'You may not read this case’s content.');
    throw refusedRead('The entity', 'entity', entityId);
  }
  if (need === 'edit' && !cases.some((c) => atLeast(c.access, 'edit'))) throw new AppError('forbidden', 'You may read this entity but not change it.');
  return { entity, cases };
}

function checkRole(kind: string, role: CaseEntityRole | undefined, suspectRoles: readonly string[]): CaseEntityRole {
  const isPerson = kind === 'person';
  const chosen = role ?? (isPerson ? 'other' : 'involved');
  if (isPerson && !(PERSON_ROLES as readonly string[]).includes(chosen)) {
    throw new AppError('validation_failed', 'Choose a person’s role in the case.', [{ path: 'body.role', message: `One of: ${PERSON_ROLES.join(', ')}.` }]);
  }
  if (!isPerson && chosen !== 'involved') throw new AppError('validation_failed', 'Only persons have a role in a case; other entities are “involved”.', [{ path: 'body.role', message: 'Use involved.' }]);
  if (suspectRoles.length && chosen !== 'suspect') throw new AppError('validation_failed', 'Roles in the process belong to suspects.', [{ path: 'body.suspectRoles', message: 'Only for a suspect.' }]);
  return chosen;
}

/**
 * Puts an entity into a case inside the caller's transaction (after they checked access): a new entity, or the
 * lead agency's existing one with the same identifier, or a known one by id. Writes the timeline and the audit
 * trail and runs the deconfliction check. Used by the API and by the conversion of a tip.
 */
export async function attachEntity(
  trx: Transaction<DB>,
  ctx: AppContext,
  actor: Actor,
  at: { caseId: string; leadAgencyId: string },
  input: { described: DescribedEntity | null; entityId: string | null; role: CaseEntityRole | undefined; suspectRoles: string[]; note: string | null },
): Promise<{ caseEntityId: string; notices: DeconflictionNotice[] }> {
  const { caseId } = at;
  const now = ctx.now();
  const described = input.described;
  let entityId = input.entityId;
  let kind = described?.kind ?? null;
  let reused = !described;
  if (described) {
    const existing = await repo.findEntityByIdentifier(trx, at.leadAgencyId, described.kind, described.identifiers);
    reused = Boolean(existing);
    entityId = existing?.id ?? (await repo.insertEntity(trx, described, at.leadAgencyId, actor.userId, now));
  } else {
    kind = (await repo.findEntity(trx, entityId!))!.kind;
  }
  const role = checkRole(kind!, input.role, input.suspectRoles);
  if ((VICTIM_ROLES as readonly string[]).includes(role)) {
    const victim = await trx.selectFrom('case_entities').select('role').where('case_id', '=', caseId).where('entity_id', '=', entityId!).where('role', 'in', [...VICTIM_ROLES]).executeTakeFirst();
    if (victim) throw conflict(`This person is already a ${victim.role.replace('_', ' ')} in this case: change their role instead of adding them twice.`);
  }
  const caseEntityId = await repo.insertCaseEntity(trx, { caseId, entityId: entityId!, role, suspectRoles: input.suspectRoles, note: input.note, userId: actor.userId, now });
  if (!caseEntityId) throw conflict('This entity is already in the case with this role.');
  const entity = (await repo.findEntity(trx, entityId!))!;
  await recordCaseEvent(trx, { caseId, actor, kind: 'entity.added', at: now, data: { entityId, entityKind: entity.kind, label: entity.label, role } });
  await recordAudit(trx, ctx.keys, { ...caseAudit(actor, caseId), action: 'case.entity_added', details: { entityId: entityId!, kind: entity.kind, role, reused } });
  const notices = await deconfliction.indexAndCheck(trx, ctx, actor, { caseId, leadAgencyId: at.leadAgencyId, entityId: entityId! });
  return { caseEntityId, notices };
}

/**
 * Adds an entity to a case, new or already known: the same phone, email, plate, handle, address or payment
 * handle entered again in the lead agency's cases is the same entity. The deconfliction check runs in the same
 * transaction, and the answer says which other agencies hold it (only who, never what).
 */
export async function addEntityToCase(ctx: AppContext, actor: Actor, caseId: string, input: CaseEntityInput): Promise<z.infer<typeof addedEntityView>> {
  const target = await loadCaseFor(ctx.db, actor, caseId, 'edit');
  assertWorkable(target);
  const described = input.entity ? describeEntity(input.entity, today(ctx)) : null;
  if (input.entityId) await loadEntityFor(ctx.db, actor, input.entityId, 'read');
  const result = await ctx.db.transaction().execute((trx) => attachEntity(trx, ctx, actor, { caseId, leadAgencyId: target.leadAgencyId }, { described, entityId: input.entityId ?? null, role: input.role, suspectRoles: input.suspectRoles, note: input.note }));
  const row = (await repo.findCaseEntity(ctx.db, caseId, result.caseEntityId))!;
  const identifiers = await repo.identifiersOf(ctx.db, [row.id]);
  return { ...presentCaseEntity(row, identifiers.get(row.id) ?? []), deconfliction: result.notices };
}

/** A person's role in the case (potential to confirmed victim, say), a suspect's roles, or the note. */
export async function updateCaseEntity(ctx: AppContext, actor: Actor, caseId: string, caseEntityId: string, patch: CaseEntityPatch): Promise<z.infer<typeof caseEntityView>> {
  const target = await loadCaseFor(ctx.db, actor, caseId, 'edit');
  assertWorkable(target);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.findCaseEntity(trx, caseId, caseEntityId);
    if (!row) throw notFound('That entity in this case');
    const role = checkRole(row.kind, patch.role ?? row.role, patch.suspectRoles ?? (patch.role && patch.role !== 'suspect' ? [] : row.suspect_roles));
    if (role !== row.role && (VICTIM_ROLES as readonly string[]).includes(role)) {
      const other = await trx.selectFrom('case_entities').select('id').where('case_id', '=', caseId).where('entity_id', '=', row.id).where('role', 'in', [...VICTIM_ROLES]).where('id', '!=', caseEntityId).executeTakeFirst();
      if (other) throw conflict('This person is already counted as a victim in this case.');
    }
    const clash = role !== row.role && (await trx.selectFrom('case_entities').select('id').where('case_id', '=', caseId).where('entity_id', '=', row.id).where('role', '=', role).executeTakeFirst());
    if (clash) throw conflict('This person already has that role in the case.');
    await trx
      .updateTable('case_entities')
      .set({ role, suspect_roles: role === 'suspect' ? (patch.suspectRoles ?? row.suspect_roles) : [], ...(patch.note !== undefined ? { note: patch.note } : {}) })
      .where('id', '=', caseEntityId)
      .execute();
    const now = ctx.now();
    await recordCaseEvent(trx, { caseId, actor, kind: role !== row.role ? 'entity.role_changed' : 'entity.updated', at: now, data: { entityId: row.id, label: row.label, ...(role !== row.role ? { from: row.role, to: role } : {}) } });
    await recordAudit(trx, ctx.keys, { ...caseAudit(actor, caseId), action: 'case.entity_updated', details: { entityId: row.id, fields: Object.keys(patch), role } });
  });
  const row = (await repo.findCaseEntity(ctx.db, caseId, caseEntityId))!;
  return presentCaseEntity(row, (await repo.identifiersOf(ctx.db, [row.id])).get(row.id) ?? []);
}

/** Takes an entity out of a case (a mistake, a lead that went nowhere). The entity and its links remain. */
export async function removeCaseEntity(ctx: AppContext, actor: Actor, caseId: string, caseEntityId: string): Promise<void> {
  const target = await loadCaseFor(ctx.db, actor, caseId, 'edit');
  assertWorkable(target);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.findCaseEntity(trx, caseId, caseEntityId);
    if (!row) throw notFound('That entity in this case');
    const outcomes = await trx.selectFrom('case_outcomes').select('id').where('case_id', '=', caseId).where('entity_id', '=', row.id).executeTakeFirst();
    if (outcomes) throw conflict('This person has outcomes recorded in the case; they stay in it.');
    await trx.deleteFrom('case_entities').where('id', '=', caseEntityId).execute();
    const still = await trx.selectFrom('case_entities').select('id').where('case_id', '=', caseId).where('entity_id', '=', row.id).executeTakeFirst();
    if (!still) await deconfliction.removeFromIndex(trx, caseId, row.id);
    await recordCaseEvent(trx, { caseId, actor, kind: 'entity.removed', at: ctx.now(), data: { entityId: row.id, label: row.label, role: row.role } });
    await recordAudit(trx, ctx.keys, { ...caseAudit(actor, caseId), action: 'case.entity_removed', details: { entityId: row.id, role: row.role } });
  });
}

/** An entity with the cases (the actor may read) that hold it and its links; the read is audited. */
export async function getEntity(ctx: AppContext, actor: Actor, entityId: string): Promise<z.infer<typeof entityDetailView>> {
  const { entity, cases } = await loadEntityFor(ctx.db, actor, entityId, 'read');
  const readable = cases.filter((c) => atLeast(c.access, 'read'));
  const links = await repo.linksOf(ctx.db, [entityId]);
  const others = [...new Set(links.map((l) => (l.from_entity_id === entityId ? l.to_entity_id : l.from_entity_id)))];
  const visible = await readableEntities(ctx.db, actor, others);
  await ctx.db.transaction().execute((trx) => recordAudit(trx, ctx.keys, { ...entityAudit(actor, entityId), action: 'entity.viewed', details: { cases: readable.length } }));
  const identifiers = (await repo.identifiersOf(ctx.db, [entityId])).get(entityId) ?? [];
  return {
    ...presentEntity(entity, identifiers),
    cases: readable.map((c) => ({ id: c.id, number: c.number, title: c.title, role: c.role, access: c.access! })),
    links: links.flatMap((l) => {
      const otherId = l.from_entity_id === entityId ? l.to_entity_id : l.from_entity_id;
      const other = visible.get(otherId);
      return other ? [{ id: l.id, fromEntityId: l.from_entity_id, toEntityId: l.to_entity_id, type: l.type, note: l.note, caseId: l.case_id, createdAt: l.created_at.toISOString(), other }] : [];
    }),
  };
}

/** Which of these entities the actor may read (through a case they read), with their kind and label. */
export async function readableEntities(db: AppContext['db'] | Transaction<DB>, actor: Actor, ids: readonly string[]) {
  const out = new Map<string, { id: string; kind: EntityInput['kind']; label: string }>();
  if (!ids.length) return out;
  const rows = await repo.casesOfEntities(db, ids);
  const access = await accessToMany(db, actor, rows.map((r) => r.id));
  const ok = new Set(rows.filter((r) => atLeast(access.get(r.id) ?? null, 'read')).map((r) => r.entity_id));
  if (!ok.size) return out;
  const entities = await db.selectFrom('entities').select(['id', 'kind', 'label']).where('id', 'in', [...ok]).execute();
  for (const e of entities) out.set(e.id, e);
  return out;
}

/** Changes an entity's fields (the same kind); identifiers are normalized again and deconfliction re-run. */
export async function updateEntity(ctx: AppContext, actor: Actor, entityId: string, input: EntityInput) {
  const { entity } = await loadEntityFor(ctx.db, actor, entityId, 'edit');
  if (input.kind !== entity.kind) throw new AppError('validation_failed', `This entity is a ${entity.kind}; its kind cannot change.`, [{ path: 'body.kind', message: `Must be ${entity.kind}.` }]);
  const described = describeEntity(input, today(ctx), 'body');
  const notices = await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.now();
    await repo.updateEntity(trx, entityId, described, now);
    const cases = await trx.selectFrom('case_entities').select('case_id').where('entity_id', '=', entityId).distinct().execute();
    for (const c of cases) await recordCaseEvent(trx, { caseId: c.case_id, actor, kind: 'entity.updated', at: now, data: { entityId, label: described.label } });
    await recordAudit(trx, ctx.keys, { ...entityAudit(actor, entityId), action: 'entity.updated', details: { kind: entity.kind } });
    return deconfliction.reindexEntity(trx, ctx, actor, entityId);
  });
  const fresh = (await repo.findEntity(ctx.db, entityId))!;
  return { ...presentEntity(fresh, (await repo.identifiersOf(ctx.db, [entityId])).get(entityId) ?? []), deconfliction: notices };
}

