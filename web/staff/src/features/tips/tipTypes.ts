/** Shapes of the tip queue's API answers (see docs/api.md, "Tips (staff)"). */

export const CONCERN_TYPES = ['sex', 'labor', 'minor', 'unsure'] as const;
export const CHANNELS = ['web', 'phone', 'text', 'email', 'walk_in', 'other'] as const;
export const HOTLINE_CHANNELS = ['phone', 'text', 'email', 'walk_in', 'other'] as const;
export const TIP_STATUSES = ['new', 'under_review', 'assigned', 'closed', 'merged'] as const;
export const PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;
export const HEARD_VIA = ['campaign', 'poster', 'social_media', 'friend_or_family', 'training', 'news', 'other'] as const;

export type ConcernType = (typeof CONCERN_TYPES)[number];
export type Channel = (typeof CHANNELS)[number];
export type HotlineChannel = (typeof HOTLINE_CHANNELS)[number];
export type TipStatus = (typeof TIP_STATUSES)[number];
export type Priority = (typeof PRIORITIES)[number];

interface Ref {
  id: string;
  name: string;
}

export interface TipSummary {
  id: string;
  number: number;
  receivedAt: string;
  channel: Channel;
  status: TipStatus;
  priority: Priority;
  concernType: ConcernType;
  minorInvolved: boolean;
  immediateDanger: boolean;
  summary: string;
  city: string | null;
  zip: string | null;
  campaignCode: string | null;
  assignedAgency: Ref | null;
  assignedUser: Ref | null;
  hasContact: boolean;
  unreadReporterMessages: number;
  minutesSinceReceipt: number;
  minutesToFirstReview: number | null;
  reviewOverdue: boolean;
}

export interface TipMessage {
  id: string;
  direction: 'to_reporter' | 'from_reporter';
  body: string;
  author: string | null;
  createdAt: string;
  readByReporter: boolean;
}

export interface TipNote {
  id: string;
  body: string;
  author: string;
  createdAt: string;
}

export interface TipAttachment {
  id: string;
  contentType: string;
  byteSize: number;
  messageId: string | null;
  createdAt: string;
}

export interface TipDetail extends TipSummary {
  narrative: string | null;
  locationAddress: string | null;
  businessName: string | null;
  occurredOn: string | null;
  occurredText: string | null;
  people: { description: string; approxAge: number | null }[];
  vehicles: { plate: string | null; state: string | null; description: string | null }[];
  phones: string[];
  emails: string[];
  online: { value: string; platform: string | null }[];
  heardVia: string | null;
  language: string;
  closedReason: string | null;
  mergedIntoId: string | null;
  identifiers: { kind: string; value: string }[];
  related: { id: string; number: number; status: TipStatus; matchedOn: string[] }[];
  notes: TipNote[];
  messages: TipMessage[];
  attachments: TipAttachment[];
  links: { targetType: 'case' | 'referral'; targetId: string }[];
}

export interface ReporterContact {
  name: string | null;
  phone: string | null;
  email: string | null;
  safeTimes: string | null;
}

/** What PATCH /api/tips/:id accepts. */
export interface TriageChange {
  priority?: Priority;
  concernType?: ConcernType;
  minorInvolved?: boolean;
  status?: 'under_review' | 'assigned' | 'closed';
  closedReason?: string;
  assignedAgencyId?: string | null;
  assignedUserId?: string | null;
}

/** A report taken on a caller's behalf (POST /api/tips). */
export interface HotlineReport {
  channel: HotlineChannel;
  concernType: ConcernType;
  narrative?: string;
  locationAddress?: string;
  locationCity?: string;
  locationZip?: string;
  businessName?: string;
  occurredOn?: string;
  occurredText?: string;
  people: { description: string; approxAge: number | null }[];
  vehicles: { plate: string | null; state: string | null; description: string | null }[];
  phones: string[];
  emails: string[];
  online: string[];
  immediateDanger: boolean;
  heardVia?: string;
  campaignCode?: string;
  language: 'en' | 'es';
  contact: ReporterContact | null;
}
