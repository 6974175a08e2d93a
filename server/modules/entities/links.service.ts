import type { AppContext } from '../../platform/context.ts';
import type { Actor } from '../../platform/access/access.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { AppError, conflict, notFound } from '../../platform/errors.ts';
import { accessToMany, assertWorkable, caseAudit, loadCaseFor } from '../cases/cases.access.ts';
import { atLeast } from '../cases/cases.policy.ts';
import { recordCaseEvent } from '../cases/case-events.ts';
import * as repo from './entities.repo.ts';
import { readableEntities } from './entities.service.ts';
import type { GraphView, LinkInput } from './entities.schema.ts';
import type { z } from 'zod';
import type { linkView } from './entities.schema.ts';

/** Links two entities of a case with a typed link ("uses", "works_at", "recruited" …). */
export async function addLink(ctx: AppContext, actor: Actor, caseId: string, input: LinkInput): Promise<z.infer<typeof linkView>> {
  const target = await loadCaseFor(ctx.db, actor, caseId, 'edit');
  assertWorkable(target);
  const link = await ctx.db.transaction().execute(async (trx) => {
    const inCase = await trx.selectFrom('case_entities as ce').innerJoin('entities as e', 'e.id', 'ce.entity_id').select(['e.id', 'e.label']).where('ce.case_id', '=', caseId).where('ce.entity_id', 'in', [input.fromEntityId, input.toEntityId]).distinct().execute();
    for (const [id, field] of [[input.fromEntityId, 'fromEntityId'], [input.toEntityId, 'toEntityId']] as const) {
      if (!inCase.some((e) => e.id === id)) throw new AppError('validation_failed', 'Link entities that are in this case (add them first).', [{ path: `body.${field}`, message: 'Not in this case.' }]);
    }
    const row = await trx
      .insertInto('entity_links')
      .values({ from_entity_id: input.fromEntityId, to_entity_id: input.toEntityId, type: input.type, note: input.note, case_id: caseId, created_by_user_id: actor.userId, created_at: ctx.now() })
      .onConflict((oc) => oc.doNothing())
      .returning(['id', 'from_entity_id', 'to_entity_id', 'type', 'note', 'case_id', 'created_at'])
      .executeTakeFirst();
    if (!row) throw conflict('These two entities are already linked this way.');
    const label = (id: string) => inCase.find((e) => e.id === id)?.label ?? '';
    await recordCaseEvent(trx, { caseId, actor, kind: 'link.added', at: ctx.now(), data: { linkId: row.id, type: input.type, from: label(input.fromEntityId), to: label(input.toEntityId) } });
    await recordAudit(trx, ctx.keys, { ...caseAudit(actor, caseId), action: 'case.link_added', details: { linkId: row.id, type: input.type } });
    return row;
  });
  return { id: link.id, fromEntityId: link.from_entity_id, toEntityId: link.to_entity_id, type: link.type, note: link.note, caseId: link.case_id, createdAt: link.created_at.toISOString() };
}

/** Removes a link between two entities of the case. */
export async function removeLink(ctx: AppContext, actor: Actor, caseId: string, linkId: string): Promise<void> {
  const target = await loadCaseFor(ctx.db, actor, caseId, 'edit');
  assertWorkable(target);
  await ctx.db.transaction().execute(async (trx) => {
    const link = await trx
      .selectFrom('entity_links as l')
      .select(['l.id', 'l.type'])
      .where('l.id', '=', linkId)
      .where((eb) => eb.exists(eb.selectFrom('case_entities as ce').select('ce.id').whereRef('ce.entity_id', '=', 'l.from_entity_id').where('ce.case_id', '=', caseId)))
      .where((eb) => eb.exists(eb.selectFrom('case_entities as ce').select('ce.id').whereRef('ce.entity_id', '=', 'l.to_entity_id').where('ce.case_id', '=', caseId)))
      .executeTakeFirst();
    if (!link) throw notFound('That link in this case');
    await trx.deleteFrom('entity_links').where('id', '=', linkId).execute();
    await recordCaseEvent(trx, { caseId, actor, kind: 'link.removed', at: ctx.now(), data: { linkId, type: link.type } });
    await recordAudit(trx, ctx.keys, { ...caseAudit(actor, caseId), action: 'case.link_removed', details: { linkId } });
  });
}

/**
 * The case's link chart: its entities and the links between them; `expand` adds the entities linked to the
 * given ones that the caller may read elsewhere. Every node is marked with the other cases (the caller may
 * read) that hold the same entity or the same identifier. Audited as a read of the case.
 */
export async function caseGraph(ctx: AppContext, actor: Actor, caseId: string, options: { expand: string[]; kinds: string[] }): Promise<GraphView> {
  await loadCaseFor(ctx.db, actor, caseId, 'read');
  const members = await repo.listCaseEntities(ctx.db, caseId);
  const roles = new Map<string, string[]>();
  const nodes = new Map<string, { id: string; kind: GraphView['nodes'][number]['kind']; label: string; inCase: boolean }>();
  for (const m of members) {
    roles.set(m.id, [...(roles.get(m.id) ?? []), m.role]);
    nodes.set(m.id, { id: m.id, kind: m.kind, label: m.label, inCase: true });
  }
  const expand = options.expand.filter((id) => nodes.has(id));
  const unknown = options.expand.filter((id) => !nodes.has(id));
  if (unknown.length) {
    // Expanding an entity reached by an earlier expansion: it must be readable by the caller.
    const visible = await readableEntities(ctx.db, actor, unknown);
    for (const id of unknown) {
      const e = visible.get(id);
      if (!e) throw new AppError('validation_failed', 'Expand entities shown in the chart.', [{ path: 'query.expand', message: 'Not an entity you can see.' }]);
      nodes.set(id, { ...e, inCase: false });
      expand.push(id);
    }
  }
  if (expand.length) {
    const links = await repo.linksOf(ctx.db, expand);
    const neighbours = links.map((l) => (expand.includes(l.from_entity_id) ? l.to_entity_id : l.from_entity_id)).filter((id) => !nodes.has(id));
    const visible = await readableEntities(ctx.db, actor, neighbours);
    for (const [id, e] of visible) nodes.set(id, { ...e, inCase: false });
  }
  const kinds = options.kinds;
  const shown = [...nodes.values()].filter((n) => !kinds.length || kinds.includes(n.kind));
  const ids = shown.map((n) => n.id);
  const links = await repo.linksOf(ctx.db, ids);
  const idSet = new Set(ids);
  const shared = await sharedWithCases(ctx, actor, caseId, ids);
  await ctx.db.transaction().execute((trx) => recordAudit(trx, ctx.keys, { ...caseAudit(actor, caseId), action: 'case.graph_viewed', details: { nodes: ids.length, expanded: expand.length } }));
  return {
    nodes: shown.map((n) => ({ ...n, roles: roles.get(n.id) ?? [], sharedWithCases: shared.get(n.id) ?? [] })),
    edges: links.filter((l) => idSet.has(l.from_entity_id) && idSet.has(l.to_entity_id)).map((l) => ({ id: l.id, from: l.from_entity_id, to: l.to_entity_id, type: l.type, note: l.note })),
  };
}

/** For each entity, the other cases holding it, or an entity with one of its identifiers, that the actor may read. */
async function sharedWithCases(ctx: AppContext, actor: Actor, caseId: string, entityIds: readonly string[]) {
  const out = new Map<string, GraphView['nodes'][number]['sharedWithCases']>();
  if (!entityIds.length) return out;
  const same = await ctx.db.selectFrom('case_entities').select(['entity_id', 'case_id']).where('entity_id', 'in', entityIds).where('case_id', '!=', caseId).execute();
  const byIdentifier = await ctx.db
    .selectFrom('entity_identifiers as mine')
    .innerJoin('deconfliction_identifiers as d', (join) => join.onRef('d.kind', '=', 'mine.kind').onRef('d.value', '=', 'mine.value'))
    .select(['mine.entity_id', 'd.case_id'])
    .where('mine.entity_id', 'in', entityIds)
    .where('d.case_id', '!=', caseId)
    .execute();
  const pairs = [...same, ...byIdentifier];
  const access = await accessToMany(ctx.db, actor, pairs.map((p) => p.case_id));
  const readable = [...new Set(pairs.map((p) => p.case_id))].filter((id) => atLeast(access.get(id) ?? null, 'read'));
  if (!readable.length) return out;
  const cases = await ctx.db.selectFrom('cases').select(['id', 'number', 'title']).where('id', 'in', readable).execute();
  const byId = new Map(cases.map((c) => [c.id, c]));
  for (const p of pairs) {
    const c = byId.get(p.case_id);
    if (!c) continue;
    const list = out.get(p.entity_id) ?? [];
    if (!list.some((x) => x.id === c.id)) list.push({ id: c.id, number: c.number, title: c.title, access: access.get(c.id)! });
    out.set(p.entity_id, list);
  }
  return out;
}
