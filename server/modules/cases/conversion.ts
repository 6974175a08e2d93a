import type { AppContext } from '../../platform/context.ts';
import { requireAccess, type Actor } from '../../platform/access/access.ts';
import { AppError } from '../../platform/errors.ts';
import { linkTipToCase, lockTipForCase, readTipForCase, type TipForCase } from '../tips/tips.conversion.ts';
import { attachEntity } from '../entities/entities.service.ts';
import { describeEntity } from '../entities/entities.model.ts';
import type { EntityInput } from '../entities/entities.schema.ts';
import type { CaseEntityRole } from '../../platform/db/schema.ts';
import { recordCaseEvent } from './case-events.ts';
import { insertCase, presentCase } from './cases.service.ts';
import type { CaseView, FromTipInput } from './cases.schema.ts';

const TYPE_OF_CONCERN = { sex: 'sex', labor: 'labor', minor: 'unknown', unsure: 'unknown' } as const;

/** The entities a tip names, as entity inputs with their role; values that cannot be read stay in the note. */
function entitiesOfTip(tip: TipForCase): Array<{ input: EntityInput; role: CaseEntityRole }> {
  const r = tip.report;
  const out: Array<{ input: EntityInput; role: CaseEntityRole }> = [];
  const involved = (input: EntityInput) => out.push({ input, role: 'involved' });
  for (const number of r.phones) involved({ kind: 'phone', number, description: null });
  for (const address of r.emails) involved({ kind: 'email', address, description: null });
  for (const item of r.online) {
    const handle = /^@|^[\p{L}\p{N}._-]+$/u.test(item.value.trim());
    involved({ kind: 'online_account', accountType: 'account', platform: item.platform, handle: handle ? item.value : null, url: handle ? null : item.value, description: null });
  }
  for (const v of r.vehicles) if (v.plate) involved({ kind: 'vehicle', plate: v.plate, state: v.state, make: null, model: null, color: null, year: null, description: v.description });
  if (r.location_address) involved({ kind: 'location', address: r.location_address, city: null, state: null, zip: null, latitude: null, longitude: null, placeKind: 'other', description: null });
  if (r.business_name) involved({ kind: 'organization', name: r.business_name, orgType: 'business', industry: null, description: null });
  for (const p of r.people) {
    if (!p.description && p.approxAge === null) continue;
    // A minor in a trafficking report is presumed a potential victim; others' roles are for the investigator to set.
    const role: CaseEntityRole = p.approxAge !== null && p.approxAge < 18 ? 'potential_victim' : 'other';
    out.push({ input: { kind: 'person', name: null, aliases: [], birthDate: null, estimatedAge: p.approxAge, ageAsOf: tip.receivedOn, sex: null, nationality: null, description: p.description || `Person in tip ${tip.number}` }, role });
  }
  return out;
}

/**
 * Opens a case from a tip: the tip's report becomes the case summary and a first note, its people, phones,
 * emails, accounts, vehicles, place and business become entities (checked against every agency's cases), its
 * files become documents, and the tip and case are linked both ways. One transaction: all of it or nothing.
 */
export async function createCaseFromTip(ctx: AppContext, actor: Actor, input: FromTipInput): Promise<CaseView> {
  // The tip first: one outside the actor's reach is "not found" whatever their role, as on the tip's own page.
  const tip = await readTipForCase(ctx, actor, input.tipId);
  requireAccess(actor, 'create', 'case', { agencyId: actor.agencyId });
  const today = ctx.now().toISOString().slice(0, 10);
  const entities = entitiesOfTip(tip).flatMap(({ input: e, role }) => {
    try {
      return [{ described: describeEntity(e, today), role }];
    } catch (error) {
      if (error instanceof AppError) return [];
      throw error;
    }
  });
  const r = tip.report;
  const caseId = await ctx.db.transaction().execute(async (trx) => {
    await lockTipForCase(trx, tip.id);
    const title = input.title ?? `Tip ${tip.number}${r.business_name ? `: ${r.business_name}` : r.location_address ? `: ${r.location_address}` : ''}`.slice(0, 200);
    const id = await insertCase(trx, ctx, actor, { title, traffickingType: input.traffickingType ?? TYPE_OF_CONCERN[tip.concernType], summary: r.narrative, agencyReference: null, jurisdictions: input.jurisdictions, leadUserId: null }, { id: tip.id, number: tip.number });
    const now = ctx.now();
    const facts = [
      `Opened from tip ${tip.number} (received ${tip.receivedOn}, concern: ${tip.concernType}).`,
      r.occurred_on || r.occurred_text ? `When: ${[r.occurred_on, r.occurred_text].filter(Boolean).join(', ')}.` : null,
      r.location_address ? `Where: ${r.location_address}.` : null,
      r.phones.length ? `Phones as reported: ${r.phones.join('; ')}.` : null,
      r.emails.length ? `Emails as reported: ${r.emails.join('; ')}.` : null,
      r.online.length ? `Online as reported: ${r.online.map((o) => o.value).join('; ')}.` : null,
      r.vehicles.length ? `Vehicles as reported: ${r.vehicles.map((v) => [v.plate, v.state, v.description].filter(Boolean).join(' ')).join('; ')}.` : null,
    ].filter(Boolean);
    await trx.insertInto('case_notes').values({ case_id: id, author_user_id: actor.userId, author_agency_id: actor.agencyId, body: facts.join('\n'), created_at: now }).execute();
    if (tip.attachments.length) {
      await trx
        .insertInto('case_documents')
        .values(tip.attachments.map((f, i) => ({ case_id: id, title: `Tip ${tip.number} file ${i + 1}`, content_type: f.contentType, byte_size: f.byteSize, sha256: f.sha256, data: f.data, source: 'tip' as const, uploaded_by_user_id: actor.userId, created_at: now })))
        .execute();
    }
    for (const e of entities) {
      await attachEntity(trx, ctx, actor, { caseId: id, leadAgencyId: actor.agencyId }, { described: e.described, entityId: null, role: e.role, suspectRoles: [], note: `From tip ${tip.number}` }).catch((error: unknown) => {
        // The same phone written twice in one report is one entity: the second is already in the case.
        if (!(error instanceof AppError && error.code === 'conflict')) throw error;
      });
    }
    await linkTipToCase(trx, ctx, actor, tip.id, id);
    await recordCaseEvent(trx, { caseId: id, actor, kind: 'tip.converted', at: now, data: { tipId: tip.id, tipNumber: tip.number, entities: entities.length, documents: tip.attachments.length } });
    return id;
  });
  return presentCase(ctx, actor, caseId);
}
