import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestHaven } from '../../test/test-app.ts';
import { createTestAgency, createTestUser, type TestUser } from '../../test/factories.ts';
import { openSession } from '../../test/sessions.ts';
import type { Agent } from '../../test/agent.ts';
import { jpegWithGps, pngWithText } from '../../test/fixtures/files.ts';
import { createTestProvider } from '../../modules/directory/directory.fixtures.ts';
import { verifyAuditChain } from '../audit/verify.ts';

/**
 * Someone probing for records of another agency gets the same 404 as for an id that does not exist, and an
 * auditor finds every try: who, from which agency, what kind of record, and the id they asked for.
 */
let h: TestHaven;
let detective: Agent;
let prober: TestUser;
let probe: Agent;
let advocate: Agent;
let otherAdvocateUser: TestUser;
let otherAdvocate: Agent;
let caseId: string;
let tipId: string;
let entityId: string;
let survivorId: string;
let otherSupervisorUser: TestUser;
let otherSupervisor: Agent;
let referralId: string;
let inquiryId: string;
let hitId: string;
let notificationId: string;
let caseDocumentId: string;
let proberCaseId: string;
let sharedSurvivorId: string;
let survivorDocumentId: string;
let otherSurvivorId: string;
let consentId: string;
let disclosureId: string;

beforeAll(async () => {
  h = await createTestApp();
  const police = await createTestAgency(h.ctx, { type: 'law_enforcement' });
  const sheriff = await createTestAgency(h.ctx, { type: 'law_enforcement', name: 'Probing Sheriff' });
  const detectiveUser = await createTestUser(h.ctx, { agencyId: police.id, roles: ['investigator'] });
  detective = await openSession(h, detectiveUser);
  prober = await createTestUser(h.ctx, { agencyId: sheriff.id, roles: ['investigator'] });
  probe = await openSession(h, prober);
  const shelter = await createTestAgency(h.ctx, { type: 'victim_service_provider' });
  const otherShelter = await createTestAgency(h.ctx, { type: 'victim_service_provider', name: 'Other Shelter' });
  advocate = await openSession(h, await createTestUser(h.ctx, { agencyId: shelter.id, roles: ['victim_advocate'] }));
  otherAdvocateUser = await createTestUser(h.ctx, { agencyId: otherShelter.id, roles: ['victim_advocate'] });
  otherAdvocate = await openSession(h, otherAdvocateUser);
  otherSupervisorUser = await createTestUser(h.ctx, { agencyId: otherShelter.id, roles: ['supervisor'] });
  otherSupervisor = await openSession(h, otherSupervisorUser);

  caseId = (await detective.post('/api/cases', { title: 'Police only', traffickingType: 'sex' })).json().id;
  entityId = (await detective.post(`/api/cases/${caseId}/entities`, { entity: { kind: 'phone', number: '281-555-0199' } })).json().entity.id;
  tipId = (await detective.post('/api/tips', { channel: 'phone', concernType: 'sex', narrative: 'Police tip' })).json().tip.id;
  const survivor = await advocate.post('/api/survivors', {
    identity: { names: ['Refused Read'] },
    narrative: 'Kept by one shelter.',
    traffickingType: 'labor',
  });
  expect(survivor.statusCode, survivor.body).toBe(201);
  survivorId = survivor.json().id;

  // Records of two agencies that the probers below are no party to.
  const safeRoof = await createTestAgency(h.ctx, { type: 'victim_service_provider', name: 'Safe Roof' });
  const providerId = await createTestProvider(h.ctx, { linkedAgencyId: safeRoof.id, serviceTypes: ['shelter'], name: 'Safe Roof beds' });
  referralId = (await advocate.post(`/api/survivors/${survivorId}/referrals`, { providerId, serviceType: 'shelter' })).json().id;
  inquiryId = (await advocate.post(`/api/directory/providers/${providerId}/referral-inquiries`, { serviceType: 'shelter' })).json().id;
  const harris = await createTestAgency(h.ctx, { type: 'law_enforcement', name: 'Harris County' });
  const harrisDetective = await openSession(h, await createTestUser(h.ctx, { agencyId: harris.id, roles: ['investigator'] }));
  const harrisCase = (await harrisDetective.post('/api/cases', { title: 'Harris only', traffickingType: 'sex' })).json().id;
  hitId = (await harrisDetective.post(`/api/cases/${harrisCase}/entities`, { entity: { kind: 'phone', number: '(281) 555-0199' } })).json().deconfliction[0].hitId;
  notificationId = (await h.ctx.db.selectFrom('notifications').select('id').where('user_id', '=', detectiveUser.id).executeTakeFirstOrThrow()).id;
  caseDocumentId = (await detective.post(`/api/cases/${caseId}/documents`, { title: 'Van', contentBase64: jpegWithGps().toString('base64') })).json().id;
  proberCaseId = (await probe.post('/api/cases', { title: 'Sheriff only', traffickingType: 'sex' })).json().id;
  // Shared with the other shelter by consent, which reaches the record but never its documents.
  sharedSurvivorId = (await advocate.post('/api/survivors', { identity: { names: ['Shared Read'] }, traffickingType: 'labor' })).json().id;
  const days = (n: number) => new Date(h.clock.now().getTime() + n * 86_400_000).toISOString();
  const shared = await advocate.post(`/api/survivors/${sharedSurvivorId}/consents`, { recipientAgencyId: otherShelter.id, purpose: 'Shelter', categories: ['identity'], method: 'signed_form', expiresAt: days(5) });
  expect(shared.statusCode, shared.body).toBe(201);
  consentId = shared.json().id;
  const doc = await advocate.post(`/api/survivors/${sharedSurvivorId}/documents`, { title: 'Passport scan', contentBase64: pngWithText().toString('base64') });
  expect(doc.statusCode, doc.body).toBe(201);
  survivorDocumentId = (await h.ctx.db.selectFrom('survivor_documents').select('id').where('survivor_id', '=', sharedSurvivorId).executeTakeFirstOrThrow()).id;
  disclosureId = (
    await advocate.post(`/api/survivors/${sharedSurvivorId}/disclosures`, {
      recipientAgencyId: safeRoof.id, recipientDescription: 'Safe Roof, under court order', basis: 'court_order', legalReference: 'Order 1',
      categories: ['services'], expiresAt: days(3), notice: { givenAt: h.clock.now().toISOString(), method: 'in person' },
    })
  ).json().id;
  // The other shelter's own record, through which its people ask for the first shelter's consents and disclosures.
  otherSurvivorId = (await otherAdvocate.post('/api/survivors', { identity: { names: ['Own Record'] }, traffickingType: 'labor' })).json().id;
  for (const id of [caseId, entityId, tipId, referralId, inquiryId, hitId, notificationId, caseDocumentId, proberCaseId, sharedSurvivorId, survivorDocumentId, otherSurvivorId, consentId, disclosureId]) expect(id).toMatch(/^[0-9a-f-]{36}$/);
});
afterAll(async () => h.close());

async function refusals(action: string, entityId: string) {
  return h.ctx.db.selectFrom('audit_log').select(['actor_user_id', 'actor_agency_id', 'entity_type', 'entity_id', 'outcome']).where('action', '=', action).where('entity_id', '=', entityId).execute();
}

type Ask = (agent: Agent, id: string) => ReturnType<Agent['get']>;
const asProber = () => ({ agent: probe, user: prober });
const asOtherAdvocate = () => ({ agent: otherAdvocate, user: otherAdvocateUser });

const cases = (): Array<{ what: string; ask: Ask; id: () => string; who: () => { agent: Agent; user: TestUser } }> => [
  { what: 'case', ask: (a, id) => a.get(`/api/cases/${id}`), id: () => caseId, who: asProber },
  { what: 'tip', ask: (a, id) => a.get(`/api/tips/${id}`), id: () => tipId, who: asProber },
  { what: 'entity', ask: (a, id) => a.get(`/api/entities/${id}`), id: () => entityId, who: asProber },
  { what: 'survivor', ask: (a, id) => a.get(`/api/survivors/${id}`), id: () => survivorId, who: asOtherAdvocate },
  { what: 'referral', ask: (a, id) => a.get(`/api/referrals/${id}`), id: () => referralId, who: asOtherAdvocate },
  { what: 'directory_inquiry', ask: (a, id) => a.post(`/api/directory/inquiries/${id}/withdraw`), id: () => inquiryId, who: asOtherAdvocate },
  { what: 'deconfliction_hit', ask: (a, id) => a.get(`/api/deconfliction/hits/${id}`), id: () => hitId, who: asProber },
  { what: 'notification', ask: (a, id) => a.post(`/api/notifications/${id}/read`), id: () => notificationId, who: asProber },
  // Through a case the prober may read, the id of another agency's document.
  { what: 'case_document', ask: (a, id) => a.get(`/api/cases/${proberCaseId}/documents/${id}`), id: () => caseDocumentId, who: asProber },
  // A consent reaches the record's shared categories, never its documents.
  { what: 'survivor_document', ask: (a, id) => a.get(`/api/survivors/${sharedSurvivorId}/documents/${id}`), id: () => survivorDocumentId, who: asOtherAdvocate },
  { what: 'consent', ask: (a, id) => a.get(`/api/survivors/${otherSurvivorId}/consents/${id}/form`), id: () => consentId, who: asOtherAdvocate },
  {
    what: 'disclosure',
    ask: (a, id) => a.post(`/api/survivors/${otherSurvivorId}/disclosures/${id}/decide`, { decision: 'approved', reason: 'Probing.' }),
    id: () => disclosureId,
    who: () => ({ agent: otherSupervisor, user: otherSupervisorUser }),
  },
];

describe('a refused read of another agency’s record', () => {
  for (const c of cases()) {
    it(`of a ${c.what} answers exactly like a missing one, and is in the audit trail`, async () => {
      const { agent, user } = c.who();
      const missing = randomUUID();
      const refused = await c.ask(agent, c.id());
      const absent = await c.ask(agent, missing);
      expect(refused.statusCode).toBe(404);
      expect(refused.json()).toEqual(absent.json());
      const entries = await refusals(`${c.what}.read_refused`, c.id());
      expect(entries).toEqual([{ actor_user_id: user.id, actor_agency_id: user.agencyId, entity_type: c.what, entity_id: c.id(), outcome: 'denied' }]);
      // The id asked for is recorded whether or not such a record exists: a probe for random ids shows too.
      expect(await refusals(`${c.what}.read_refused`, missing)).toHaveLength(1);
    });
  }

  it('leaves the owning agency’s own reads unrefused, and the trail intact', async () => {
    expect((await detective.get(`/api/cases/${caseId}`)).statusCode).toBe(200);
    expect((await advocate.get(`/api/survivors/${survivorId}`)).statusCode).toBe(200);
    expect(await h.ctx.db.selectFrom('audit_log').select('seq').where('action', 'like', '%.read_refused').where('actor_user_id', '!=', prober.id).where('actor_user_id', 'not in', [otherAdvocateUser.id, otherSupervisorUser.id]).execute()).toEqual([]);
    expect((await verifyAuditChain(h.ctx.db, h.ctx.keys)).ok).toBe(true);
  });
});
