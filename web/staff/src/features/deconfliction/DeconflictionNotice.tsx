import type { ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { identifierKindLabel } from '../cases/caseLabels.ts';
import type { PointOfContact } from '../cases/caseTypes.ts';

/** "Dana Ruiz, dana@example.org, +1 713 555 0000": the parts the other side has, in that order. */
export function contactLine(contact: PointOfContact): string {
  return [contact.name, contact.email, contact.phone].filter(Boolean).join(', ');
}

export function matchedKindsText(t: TFunction, kinds: readonly string[]): string {
  return kinds.map((kind) => identifierKindLabel(t, kind)).join(', ');
}

interface DeconflictionNoticeProps {
  agencyName: string;
  contact: PointOfContact;
  matchedKinds: readonly string[];
  /** The hit's controls or a link to them. */
  children?: ReactNode;
  /** `alert` for a hit found by what the person just did; a polite region otherwise. */
  urgent?: boolean;
}

/**
 * The warning that another agency works the same target: who they are and whom to call, and what kind of
 * record matched, never what they hold. Said in words and marked by more than colour.
 */
export function DeconflictionNotice({ agencyName, contact, matchedKinds, children, urgent = false }: DeconflictionNoticeProps) {
  const { t } = useTranslation();
  return (
    <div className="deconfliction-notice" role={urgent ? 'alert' : undefined} data-testid="deconfliction-notice">
      <p className="deconfliction-notice-title">{t('deconfliction.notice.title')}</p>
      <p className="deconfliction-notice-text">{t('deconfliction.notice.text', { agency: agencyName, contact: contactLine(contact), kind: matchedKindsText(t, matchedKinds) })}</p>
      {children}
    </div>
  );
}
