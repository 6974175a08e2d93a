import { createHash, randomBytes } from 'node:crypto';
import type { TestHaven } from './test-app.ts';
import { createTestAgency, createTestUser, type TestAgency, type TestUser } from './factories.ts';
import { createTestProvider } from '../modules/directory/directory.fixtures.ts';
import { actorFor } from '../platform/access/access.ts';
import { createSurvivor } from '../modules/survivors/survivors.service.ts';
import { addDocument } from '../modules/survivors/survivors.work.ts';
import { pngWithText } from './fixtures/files.ts';
import type { CaseTarget, EndpointRule } from './access-matrix.ts';

/**
 * Real records for the calls of the access matrix (access-matrix.ts) to point at, built straight in the database:
 * a tip, a case with its people and documents, a survivor record with its consents, a referral… Used by the
 * access matrix and by the malformed-input test, which both need every endpoint to reach its handler.
 */

let h: TestHaven;
let other: TestAgency;
let elsewhere: TestAgency;
let stranger: TestUser;

/** The application and the agencies targets are made in: `other` (a second agency), `elsewhere` (a third), `stranger` (a person of `other`). */
export function useTargetWorld(haven: TestHaven, world: { other: TestAgency; elsewhere: TestAgency; stranger: TestUser }): void {
  h = haven;
  ({ other, elsewhere, stranger } = world);
}

export const unique = () => randomBytes(5).toString('hex');

/** A tip assigned to an agency, as the hotline or the portal would have left it, with a receipt. */
async function createTip(agencyId: string): Promise<string> {
  const row = await h.ctx.db
    .insertInto('tips')
    .values({ channel: 'phone', concern_type: 'labor', narrative: 'Matrix tip', receipt_hash: randomBytes(32), assigned_agency_id: agencyId, status: 'assigned', people: '[]', vehicles: '[]', phones: '[]', emails: '[]', online: '[]' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function attachTo(tipId: string): Promise<string> {
  const data = Buffer.from('matrix attachment');
  const row = await h.ctx.db
    .insertInto('tip_attachments')
    .values({ tip_id: tipId, message_id: null, content_type: 'text/plain', byte_size: data.length, sha256: createHash('sha256').update(data).digest('hex'), data })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function notify(userId: string): Promise<string> {
  const row = await h.ctx.db
    .insertInto('notifications')
    .values({ user_id: userId, kind: 'test.matrix', entity_type: 'tip', entity_id: randomBytes(8).toString('hex'), data: '{}' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A Safe Place, written straight to the table. */
async function createSafePlace(): Promise<string> {
  const row = await h.ctx.db
    .insertInto('safe_places')
    .values({ name: 'Matrix Fire Station', kind: 'fire_station', address: '1 Main St', city: 'Houston', state: 'TX', zip: '77002', lat: 29.76, lng: -95.37, time_zone: 'America/Chicago', hours: JSON.stringify({ alwaysOpen: true, days: {} }) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A confidential shelter in the directory, run by the agency, with a free bed. */
function createDirectoryProvider(agencyId: string): Promise<string> {
  return createTestProvider(h.ctx, { linkedAgencyId: agencyId, serviceTypes: ['shelter', 'counseling'], confidentialLocation: true, address1: '1 Hidden Way', capacity: [{ serviceType: 'shelter', available: 2, total: 4 }] });
}

let inquirySender: TestUser | undefined;

/** An open referral inquiry from one agency to the provider another one runs. */
async function createInquiry(fromAgencyId: string | null, fromUserId: string | null, toAgencyId: string): Promise<string> {
  inquirySender ??= await createTestUser(h.ctx, { agencyId: elsewhere.id, roles: ['investigator'] });
  const providerId = await createDirectoryProvider(toAgencyId);
  const row = await h.ctx.db
    .insertInto('directory_referral_inquiries')
    .values({ provider_id: providerId, service_type: 'shelter', from_agency_id: fromAgencyId ?? elsewhere.id, from_user_id: fromUserId ?? inquirySender.id, to_agency_id: toAgencyId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A service hub where a provider keeps hours. */
async function createHub(params: Record<string, string>): Promise<void> {
  params.providerId = await createTestProvider(h.ctx, { serviceTypes: ['counseling'] });
  params.id = (await h.ctx.db.insertInto('directory_hubs').values({ name: `Matrix hub ${unique()}`, time_zone: 'America/Chicago' }).returning('id').executeTakeFirstOrThrow()).id;
  params.sessionId = (
    await h.ctx.db.insertInto('directory_hub_sessions').values({ hub_id: params.id, provider_id: params.providerId, service_type: 'counseling', days: ['TU'], opens: '09:00', closes: '12:00' }).returning('id').executeTakeFirstOrThrow()
  ).id;
}

let caseGrantee: TestAgency | undefined;
let casePartner: TestAgency | undefined;

/**
 * A case as investigators leave it: led by `leadAgencyId`, shared with `sharedWith` at a level (and with a
 * prosecutor's office at read), a member assigned, a suspect and a phone linked, a task and a document.
 */
async function createCaseTarget(leadAgencyId: string, sharedWith: { agencyId: string; level: 'summary' | 'read' | 'edit' } | null, params: Record<string, string>): Promise<void> {
  caseGrantee ??= await createTestAgency(h.ctx, { type: 'law_enforcement' });
  casePartner ??= await createTestAgency(h.ctx, { type: 'prosecutor' });
  const db = h.ctx.db;
  const c = await db.insertInto('cases').values({ lead_agency_id: leadAgencyId, title: `Matrix case ${unique()}`, trafficking_type: 'labor', summary: 'Matrix summary' }).returning('id').executeTakeFirstOrThrow();
  const partners = [{ case_id: c.id, agency_id: casePartner.id, level: 'read' as const }, ...(sharedWith ? [{ case_id: c.id, agency_id: sharedWith.agencyId, level: sharedWith.level }] : [])];
  await db.insertInto('case_partners').values(partners).execute();
  const member = await createTestUser(h.ctx, { agencyId: leadAgencyId, roles: ['investigator'] });
  await db.insertInto('case_assignments').values({ case_id: c.id, user_id: member.id, role: 'member' }).execute();
  const suspect = await db.insertInto('entities').values({ kind: 'person', owner_agency_id: leadAgencyId, label: 'Matrix Suspect', data: JSON.stringify({ name: 'Matrix Suspect', aliases: [] }), estimated_age: 40, age_as_of: '2026-01-01', search_key: 'matrix suspect' }).returning('id').executeTakeFirstOrThrow();
  const phone = await db.insertInto('entities').values({ kind: 'phone', owner_agency_id: leadAgencyId, label: '+17135550100', data: JSON.stringify({ number: '+17135550100' }), search_key: '17135550100' }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('entity_identifiers').values({ entity_id: phone.id, kind: 'phone', value: '+17135550100' }).execute();
  const ce = await db.insertInto('case_entities').values([{ case_id: c.id, entity_id: suspect.id, role: 'suspect' }, { case_id: c.id, entity_id: phone.id, role: 'involved' }]).returning('id').execute();
  const link = await db.insertInto('entity_links').values({ from_entity_id: suspect.id, to_entity_id: phone.id, type: 'uses', case_id: c.id }).returning('id').executeTakeFirstOrThrow();
  const task = await db.insertInto('case_tasks').values({ case_id: c.id, title: 'Matrix task' }).returning('id').executeTakeFirstOrThrow();
  const data = Buffer.from('%PDF-matrix');
  const doc = await db.insertInto('case_documents').values({ case_id: c.id, title: 'Matrix document', content_type: 'application/pdf', byte_size: data.length, sha256: createHash('sha256').update(data).digest('hex'), data }).returning('id').executeTakeFirstOrThrow();
  Object.assign(params, {
    id: c.id,
    caseId: c.id,
    newPartnerId: caseGrantee.id,
    agencyId: casePartner.id,
    assigneeId: member.id,
    userId: member.id,
    entityId: suspect.id,
    caseEntityId: ce[0]!.id,
    phoneEntityId: phone.id,
    linkId: link.id,
    taskId: task.id,
    documentId: doc.id,
  });
}

/** A deconfliction hit between a case of `agencyA` and one of `agencyB`. */
async function createHitTarget(agencyA: string, agencyB: string, params: Record<string, string>): Promise<void> {
  const a: Record<string, string> = {};
  const b: Record<string, string> = {};
  await createCaseTarget(agencyA, null, a);
  await createCaseTarget(agencyB, null, b);
  const [first, second] = a.id! < b.id! ? [a, b] : [b, a];
  const row = await h.ctx.db
    .insertInto('deconfliction_hits')
    .values({ case_a_id: first.id!, agency_a_id: first === a ? agencyA : agencyB, case_b_id: second.id!, agency_b_id: second === a ? agencyA : agencyB, matched_kinds: ['phone'] })
    .returning('id')
    .executeTakeFirstOrThrow();
  params.id = row.id;
}

const survivorKeepers = new Map<string, TestUser>();
let referralProvider: string | undefined;
let referrer: TestAgency | undefined;

/**
 * A survivor record kept by `agencyId`, as a case manager leaves it: sealed parts, a need, a goal, a mandated-report
 * task under Safe Harbor routing, a document, an active consent and a requested disclosure to another agency.
 */
async function createSurvivorTarget(agencyId: string, params: Record<string, string>): Promise<void> {
  let keeper = survivorKeepers.get(agencyId);
  if (!keeper) survivorKeepers.set(agencyId, (keeper = await createTestUser(h.ctx, { agencyId, roles: ['victim_advocate'] })));
  const actor = actorFor({ id: keeper.id, agencyId, roles: ['victim_advocate'] });
  const survivor = await createSurvivor(h.ctx, actor, { identity: { names: [`Matrix ${unique()}`], aliases: [], birthDate: null, documents: [], allegedTraffickers: [] }, contact: { phones: [], emails: [], addresses: [], safeToContact: null }, narrative: 'Matrix account.', gender: null, estimatedAge: null, primaryLanguage: null, traffickingType: 'labor', identifiedAt: null });
  const id = survivor.id;
  const view = await addDocument(h.ctx, actor, id, { title: 'Matrix document', contentBase64: pngWithText().toString('base64') });
  const db = h.ctx.db;
  await db.updateTable('survivors').set({ safe_harbor: 'routed' }).where('id', '=', id).execute();
  const now = Date.now();
  params.id = id;
  params.documentId = view.documents![0]!.id;
  params.needId = (await db.insertInto('survivor_needs').values({ survivor_id: id, agency_id: agencyId, domain: 'medical' }).returning('id').executeTakeFirstOrThrow()).id;
  params.goalId = (await db.insertInto('survivor_goals').values({ survivor_id: id, agency_id: agencyId, domain: 'medical', description: 'Matrix goal' }).returning('id').executeTakeFirstOrThrow()).id;
  params.taskId = (await db.insertInto('survivor_tasks').values({ survivor_id: id, agency_id: agencyId, kind: 'mandated_report', title: 'Matrix report', due_at: new Date(now + 86_400_000) }).returning('id').executeTakeFirstOrThrow()).id;
  params.consentId = (
    await db.insertInto('survivor_consents').values({ survivor_id: id, agency_id: agencyId, recipient_agency_id: elsewhere.id, purpose: 'Matrix', categories: ['identity'], method: 'signed_form', signer: 'survivor', starts_at: new Date(now - 1_000), expires_at: new Date(now + 86_400_000) }).returning('id').executeTakeFirstOrThrow()
  ).id;
  params.disclosureId = (
    await db
      .insertInto('survivor_disclosures')
      .values({ survivor_id: id, agency_id: agencyId, recipient_agency_id: elsewhere.id, recipient_description: 'Matrix court', basis: 'court_order', legal_reference: 'Matrix', categories: ['services'], expires_at: new Date(now + 86_400_000), requested_by_user_id: keeper.id, requested_at: new Date(now) })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  referralProvider ??= await createTestProvider(h.ctx, { linkedAgencyId: elsewhere.id, serviceTypes: ['shelter'] });
  params.providerId = referralProvider;
  params.elsewhereAgencyId = elsewhere.id;
}

/** A referral: made by `fromAgencyId` (draft), or sent from a third agency to `toAgencyId` (and maybe accepted). */
async function createReferralTarget(kind: 'referral-draft' | 'referral-received' | 'referral-accepted', agencyId: string, params: Record<string, string>): Promise<void> {
  referrer ??= await createTestAgency(h.ctx, { type: 'victim_service_provider' });
  const survivor: Record<string, string> = {};
  await createSurvivorTarget(kind === 'referral-draft' ? agencyId : referrer.id, survivor);
  const now = new Date();
  const status = kind === 'referral-draft' ? 'draft' : kind === 'referral-received' ? 'sent' : 'accepted';
  const row = await h.ctx.db
    .insertInto('survivor_referrals')
    .values({ survivor_id: survivor.id!, agency_id: kind === 'referral-draft' ? agencyId : referrer.id, provider_id: survivor.providerId!, to_agency_id: kind === 'referral-draft' ? elsewhere.id : agencyId, service_type: 'shelter', status, created_at: now, sent_at: status === 'draft' ? null : now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  params.id = row.id;
}

/** What the call points at: something of the caller's own agency (or their own), or of another. */
export async function targetFor(rule: EndpointRule, caller: TestUser, where: 'own' | 'other'): Promise<CaseTarget> {
  const agencyId = where === 'own' ? caller.agencyId : other.id;
  const params: Record<string, string> = {};
  switch (rule.target) {
    case 'agency':
      params.id = agencyId;
      break;
    case 'self':
      params.id = caller.id;
      break;
    case 'user': {
      const person = await createTestUser(h.ctx, { agencyId, roles: ['analyst'] });
      if (rule.targetInvited) await h.ctx.db.updateTable('users').set({ password_hash: null }).where('id', '=', person.id).execute();
      params.id = person.id;
      break;
    }
    case 'tip':
      params.id = await createTip(agencyId);
      params.intoTipId = await createTip(agencyId);
      params.attachmentId = await attachTo(params.id);
      params.elsewhereAgencyId = elsewhere.id;
      break;
    case 'notification':
      params.id = await notify(where === 'own' ? caller.id : stranger.id);
      break;
    case 'safe-place':
      params.id = await createSafePlace();
      break;
    case 'directory-provider':
      params.id = await createDirectoryProvider(agencyId);
      params.elsewhereAgencyId = elsewhere.id;
      break;
    case 'directory-hub':
      await createHub(params);
      break;
    case 'inquiry-received':
      params.id = await createInquiry(null, null, agencyId);
      break;
    case 'inquiry-sent':
      params.id = where === 'own' ? await createInquiry(caller.agencyId, caller.id, other.id) : await createInquiry(null, null, other.id);
      break;
    case 'hit':
      await createHitTarget(agencyId, where === 'own' ? other.id : elsewhere.id, params);
      break;
    case 'survivor':
      await createSurvivorTarget(agencyId, params);
      break;
    case 'referral-draft':
    case 'referral-received':
    case 'referral-accepted':
      await createReferralTarget(rule.target, agencyId, params);
      break;
    case 'none':
      break;
    default: {
      // case / entity, at the agency's own or another's case, or shared with the caller's agency at a level
      const [base, level] = rule.target.split('@') as ['case' | 'entity', 'summary' | 'read' | 'edit' | undefined];
      if (level) await createCaseTarget(elsewhere.id, { agencyId: caller.agencyId, level }, params);
      else await createCaseTarget(agencyId, null, params);
      if (base === 'entity') params.id = params.entityId!;
    }
  }
  return { agencyId, params, unique: unique(), callerRoles: caller.roles };
}

export function urlFor(rule: EndpointRule, t: CaseTarget): string {
  const path = rule.path.replace(/:(\w+)/g, (_m, name: string) => t.params[name] ?? `missing-${name}`);
  return rule.query ? `${path}?${rule.query(t)}` : path;
}
