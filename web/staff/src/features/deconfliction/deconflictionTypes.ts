/** Shapes of the deconfliction API answers (see docs/api.md, "Deconfliction"). */
import type { CaseRef, PartnerLevel, PointOfContact } from '../cases/caseTypes.ts';

export type HitStatus = 'open' | 'shared' | 'declined';
export type HitAnswer = { answer: 'agreed' | 'declined'; level: PartnerLevel | null } | null;

export interface Hit {
  id: string;
  matchedKinds: string[];
  status: HitStatus;
  createdAt: string;
  updatedAt: string;
  sharedAt: string | null;
  /** The viewer's own side, when their agency is a party. */
  mine: { case: CaseRef; matches: { kind: string; entityId: string; label: string }[]; answer: HitAnswer } | null;
  /** Of the other side only who to call and their answer, never what they hold. */
  other: { agency: { id: string; name: string }; pointOfContact: PointOfContact; answer: HitAnswer } | null;
  /** For coordinators who are not a party: both sides' list fields. */
  parties: { agency: { id: string; name: string }; case: CaseRef; answer: HitAnswer }[] | null;
}
