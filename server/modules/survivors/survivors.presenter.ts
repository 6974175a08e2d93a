import type { ConsentCategory } from '../../platform/db/schema-survivors.ts';
import type { ConsentRow, DisclosureRow, SurvivorRow } from './survivors.repo.ts';
import type * as repo from './survivors.repo.ts';
import type { Reach } from './survivors.policy.ts';
import { openPart, type AgencyKeys } from './survivor-keys.ts';
import type { ContactInput, IdentityInput, SurvivorView } from './survivors.schema.ts';
import { presentReferral } from '../referrals/referrals.presenter.ts';
import type { ReferralRow } from '../referrals/referrals.repo.ts';

const iso = (d: Date | null) => d?.toISOString() ?? null;
const num = (v: string | null) => (v === null ? null : Number(v));

export interface SurvivorChildren {
  screenings: Awaited<ReturnType<typeof repo.listScreenings>> | null;
  needs: Awaited<ReturnType<typeof repo.listNeeds>> | null;
  goals: Awaited<ReturnType<typeof repo.listGoals>> | null;
  services: Awaited<ReturnType<typeof repo.listServices>> | null;
  tasks: Awaited<ReturnType<typeof repo.listTasks>> | null;
  documents: Awaited<ReturnType<typeof repo.listDocuments>> | null;
  consents: ConsentRow[] | null;
  disclosures: DisclosureRow[] | null;
  referrals: Array<NonNullable<ReferralRow>> | null;
}

export function consentState(c: { starts_at: Date; expires_at: Date; revoked_at: Date | null }, now: Date): 'pending' | 'active' | 'expired' | 'revoked' {
  if (c.revoked_at) return 'revoked';
  if (c.expires_at <= now) return 'expired';
  if (c.starts_at > now) return 'pending';
  return 'active';
}

export function presentConsent(c: ConsentRow, now: Date) {
  return {
    id: c.id,
    recipientAgency: { id: c.recipient_agency_id, name: c.recipient_name },
    purpose: c.purpose,
    categories: c.categories,
    method: c.method,
    startsAt: c.starts_at.toISOString(),
    expiresAt: c.expires_at.toISOString(),
    signer: c.signer,
    minorConsentBasis: c.minor_consent_basis,
    revokedAt: iso(c.revoked_at),
    state: consentState(c, now),
    createdAt: c.created_at.toISOString(),
  };
}

export function presentDisclosure(d: DisclosureRow) {
  return {
    id: d.id,
    recipientAgency: d.recipient_agency_id ? { id: d.recipient_agency_id, name: d.recipient_name ?? '' } : null,
    recipientDescription: d.recipient_description,
    basis: d.basis,
    legalReference: d.legal_reference,
    categories: d.categories,
    status: d.status,
    expiresAt: d.expires_at.toISOString(),
    noticeGivenAt: iso(d.notice_given_at),
    noticeMethod: d.notice_method,
    requestedAt: d.requested_at.toISOString(),
    decidedAt: iso(d.decided_at),
  };
}

/**
 * A survivor record as the actor may see it: every part for its own agency; for another agency only the
 * categories shared with it (identity carries the demographic facts too, which can identify a person as well).
 */
export function presentSurvivor(row: SurvivorRow, reach: Reach, keys: (version: number) => AgencyKeys | null, children: SurvivorChildren, now: Date): SurvivorView {
  const sees = (c: ConsentCategory) => reach.categories.has(c);
  const recordKeys = keys(row.key_version);
  const open = <T>(part: 'identity' | 'contact' | 'narrative', sealed: Buffer | null): T | null => (sealed && recordKeys ? openPart<T>(recordKeys, row.id, part, sealed) : null);
  const documentTitle = (d: { id: string; key_version: number; title_enc: Buffer }) => {
    const k = keys(d.key_version);
    return k ? openPart<string>(k, d.id, 'document-title', d.title_enc) : '';
  };
  return {
    id: row.id,
    number: row.number,
    agency: { id: row.agency_id, name: row.agency_name },
    access: reach.own ? 'own' : 'consented',
    shared: reach.own ? null : { categories: [...reach.categories].sort() as ConsentCategory[], until: iso(reach.until) },
    facts: sees('identity')
      ? {
          gender: row.gender,
          ageAtIdentification: row.age_at_identification,
          ageBasis: row.age_basis,
          isMinor: row.is_minor,
          primaryLanguage: row.primary_language,
          traffickingType: row.trafficking_type,
          identifiedAt: row.identified_at.toISOString(),
          status: row.status,
          safeHarbor: row.safe_harbor,
        }
      : null,
    identity: sees('identity') ? open<IdentityInput>('identity', row.identity_enc) : null,
    contact: sees('contact') ? open<ContactInput>('contact', row.contact_enc) : null,
    narrative: sees('narrative') ? open<string>('narrative', row.narrative_enc) : null,
    screenings: children.screenings?.map((s) => ({
      id: s.id,
      screenedAt: s.screened_at.toISOString(),
      indicators: s.indicators.map((id) => ({ id: id.split(':')[1] ?? id, domain: id.split(':')[0] ?? '' })),
      score: s.score,
      potentialVictim: s.potential_victim,
      reasons: s.reasons,
      methodsOfControl: s.methods_of_control,
      typesOfExploitation: s.types_of_exploitation,
      answers: sees('narrative') ? s.answers : null,
    })) ?? null,
    needs: children.needs?.map((n) => ({ id: n.id, domain: n.domain, detail: n.detail, priority: n.priority, status: n.status, note: n.note, createdAt: n.created_at.toISOString(), updatedAt: n.updated_at.toISOString() })) ?? null,
    goals: children.goals?.map((g) => ({ id: g.id, domain: g.domain, description: g.description, targetDate: g.target_date, status: g.status, achievedOn: g.achieved_on })) ?? null,
    services: children.services?.map((v) => ({ id: v.id, serviceType: v.service_type, deliveredOn: v.delivered_on, provider: v.provider_id ? { id: v.provider_id, name: v.provider_name ?? '' } : null, units: num(v.units), hours: num(v.hours), note: v.note })) ?? null,
    tasks: children.tasks?.map((t) => ({ id: t.id, kind: t.kind, title: t.title, dueAt: iso(t.due_at), status: t.status, doneAt: iso(t.done_at) })) ?? null,
    documents: children.documents?.map((d) => ({ id: d.id, title: documentTitle(d), contentType: d.content_type, byteSize: d.byte_size, createdAt: d.created_at.toISOString() })) ?? null,
    consents: children.consents?.map((c) => presentConsent(c, now)) ?? null,
    disclosures: children.disclosures?.map(presentDisclosure) ?? null,
    referrals: children.referrals?.map(presentReferral) ?? null,
    createdAt: row.created_at.toISOString(),
  };
}
