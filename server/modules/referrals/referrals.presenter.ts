import type { ReferralRow } from './referrals.repo.ts';

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** A referral as either side sees it: no survivor content, which the receiving side reads through the ledger. */
export function presentReferral(r: NonNullable<ReferralRow>) {
  return {
    id: r.id,
    survivorId: r.survivor_id,
    fromAgency: { id: r.agency_id, name: r.from_name },
    provider: r.provider_id ? { id: r.provider_id, name: r.provider_name ?? '' } : null,
    toAgency: r.to_agency_id ? { id: r.to_agency_id, name: r.to_name ?? '' } : null,
    serviceType: r.service_type,
    kind: r.kind,
    note: r.note,
    status: r.status,
    declineReason: r.decline_reason,
    outcome: r.outcome,
    createdAt: r.created_at.toISOString(),
    sentAt: iso(r.sent_at),
    respondedAt: iso(r.responded_at),
    completedAt: iso(r.completed_at),
    withdrawnAt: iso(r.withdrawn_at),
  };
}
