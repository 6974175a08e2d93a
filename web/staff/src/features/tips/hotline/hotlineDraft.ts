import type { TFunction } from 'i18next';
import type { HotlineReport, ReporterContact } from '../tipTypes.ts';

export const PERSON_ROWS = 3;
export const VEHICLE_ROWS = 2;

/** The hotline form as typed: every answer a string until it is sent. */
export interface HotlineDraft {
  channel: string;
  concernType: string;
  narrative: string;
  immediateDanger: boolean;
  locationAddress: string;
  locationCity: string;
  locationZip: string;
  businessName: string;
  occurredOn: string;
  occurredText: string;
  people: { description: string; approxAge: string }[];
  vehicles: { plate: string; state: string; description: string }[];
  phones: string;
  emails: string;
  online: string;
  heardVia: string;
  campaignCode: string;
  language: 'en' | 'es';
  shareContact: boolean;
  contact: { name: string; phone: string; email: string; safeTimes: string };
}

export function emptyDraft(language: 'en' | 'es'): HotlineDraft {
  return {
    channel: 'phone',
    concernType: '',
    narrative: '',
    immediateDanger: false,
    locationAddress: '',
    locationCity: '',
    locationZip: '',
    businessName: '',
    occurredOn: '',
    occurredText: '',
    people: Array.from({ length: PERSON_ROWS }, () => ({ description: '', approxAge: '' })),
    vehicles: Array.from({ length: VEHICLE_ROWS }, () => ({ plate: '', state: '', description: '' })),
    phones: '',
    emails: '',
    online: '',
    heardVia: '',
    campaignCode: '',
    language,
    shareContact: false,
    contact: { name: '', phone: '', email: '', safeTimes: '' },
  };
}

const lines = (text: string) => text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
const optional = (text: string) => text.trim() || undefined;
const orNull = (text: string) => text.trim() || null;

/** What the caller answered, checked before sending; the server checks again and names any field it refuses. */
export function problemsOf(t: TFunction, draft: HotlineDraft): Record<string, string | undefined> {
  const problems: Record<string, string | undefined> = {
    'body.channel': draft.channel ? undefined : t('tips.hotline.channelRequired'),
    'body.concernType': draft.concernType ? undefined : t('tips.hotline.concernRequired'),
    'body.locationZip': draft.locationZip.trim() && !/^\d{5}(-\d{4})?$/.test(draft.locationZip.trim()) ? t('tips.hotline.zipInvalid') : undefined,
    'body.campaignCode': draft.campaignCode.trim() && !/^[A-Za-z0-9_-]{1,32}$/.test(draft.campaignCode.trim()) ? t('tips.hotline.campaignInvalid') : undefined,
  };
  draft.people.forEach((person, index) => {
    const age = person.approxAge.trim();
    if (age && !(/^\d{1,3}$/.test(age) && Number(age) <= 120)) problems[`body.people.${index}.approxAge`] = t('tips.hotline.ageInvalid');
  });
  if (draft.shareContact && !draft.contact.name.trim() && !draft.contact.phone.trim() && !draft.contact.email.trim()) {
    problems['body.contact.name'] = t('tips.hotline.contactRequired');
  }
  return problems;
}

export function toReport(draft: HotlineDraft): HotlineReport {
  const contact: ReporterContact | null = draft.shareContact
    ? { name: orNull(draft.contact.name), phone: orNull(draft.contact.phone), email: orNull(draft.contact.email), safeTimes: orNull(draft.contact.safeTimes) }
    : null;
  return {
    channel: draft.channel as HotlineReport['channel'],
    concernType: draft.concernType as HotlineReport['concernType'],
    narrative: optional(draft.narrative),
    locationAddress: optional(draft.locationAddress),
    locationCity: optional(draft.locationCity),
    locationZip: optional(draft.locationZip),
    businessName: optional(draft.businessName),
    occurredOn: optional(draft.occurredOn),
    occurredText: optional(draft.occurredText),
    people: draft.people
      .filter((p) => p.description.trim() || p.approxAge.trim())
      .map((p) => ({ description: p.description.trim(), approxAge: p.approxAge.trim() ? Number(p.approxAge) : null })),
    vehicles: draft.vehicles
      .filter((v) => v.plate.trim() || v.state.trim() || v.description.trim())
      .map((v) => ({ plate: orNull(v.plate), state: orNull(v.state)?.toUpperCase() ?? null, description: orNull(v.description) })),
    phones: lines(draft.phones),
    emails: lines(draft.emails),
    online: lines(draft.online),
    immediateDanger: draft.immediateDanger,
    heardVia: optional(draft.heardVia),
    campaignCode: optional(draft.campaignCode),
    language: draft.language,
    contact,
  };
}
