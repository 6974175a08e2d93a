import { can, scopeOf, type Actor } from '../../platform/access/access.ts';

/** What the per-record rules need to know about an entry. */
export interface ProviderAccess {
  linked_agency_id: string | null;
  confidential_location: boolean;
  status: string;
}

/** Everyone with the directory may read it; a provider's own agency or a directory keeper may change it. */
export const canReadDirectory = (actor: Actor) => can(actor, 'read', 'directory');

/** Unlinked entries belong to the directory keepers (coordinators, task-force administrators) alone. */
export const canEditProvider = (actor: Actor, p: ProviderAccess) => can(actor, 'manage', 'directory', { agencyId: p.linked_agency_id });

/** Linking an entry to an agency hands its upkeep to that agency's staff: only a directory keeper decides that. */
export const canLinkProvider = (actor: Actor) => scopeOf(actor, 'manage', 'directory') === 'any';

export const canUpdateCapacity = (actor: Actor, p: ProviderAccess) => can(actor, 'manage', 'directory-capacity', { agencyId: p.linked_agency_id });

/**
 * A confidential location's street address and exact position are for the staff of the agency that runs the
 * place, and for nobody else (decision 007). Everyone sees a public location's address.
 */
export const canSeeLocation = (actor: Actor, p: ProviderAccess) => !p.confidential_location || can(actor, 'read', 'directory-location', { agencyId: p.linked_agency_id });

/** An inquiry needs someone to answer it: the entry must be active and linked to an agency (the sender's own is fine: a shelter desk down the hall). */
export const canSendInquiry = (actor: Actor, p: ProviderAccess) => can(actor, 'create', 'directory-inquiry') && p.status === 'active' && p.linked_agency_id !== null;

export interface InquiryAccess {
  from_agency_id: string;
  to_agency_id: string;
  status: string;
}

export const canAnswerInquiry = (actor: Actor, i: InquiryAccess) => i.status === 'open' && can(actor, 'respond', 'directory-inquiry', { agencyId: i.to_agency_id });

export const canWithdrawInquiry = (actor: Actor, i: InquiryAccess) => i.status === 'open' && can(actor, 'create', 'directory-inquiry') && i.from_agency_id === actor.agencyId;

/** Who may see an inquiry at all: the sending agency's referrers and the receiving agency's responders. */
export const canSeeInquiry = (actor: Actor, i: InquiryAccess) =>
  (can(actor, 'create', 'directory-inquiry') && i.from_agency_id === actor.agencyId) || can(actor, 'respond', 'directory-inquiry', { agencyId: i.to_agency_id });
