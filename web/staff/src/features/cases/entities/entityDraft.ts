import type { TFunction } from 'i18next';
import type { EntityKind } from '../caseTypes.ts';

/** What POST /api/cases/:id/entities takes as `entity`: the kind and its fields (docs/api.md, `EntityInput`). */
export type EntityInput = { kind: EntityKind } & Record<string, unknown>;

/** Every field of every kind as typed, so switching kinds needs no second state. */
export interface EntityDraft {
  name: string;
  aliases: string;
  birthDate: string;
  estimatedAge: string;
  sex: string;
  nationality: string;
  orgType: string;
  industry: string;
  address: string;
  city: string;
  state: string;
  zip: string;
  placeKind: string;
  number: string;
  plate: string;
  make: string;
  model: string;
  color: string;
  year: string;
  accountType: string;
  platform: string;
  handle: string;
  url: string;
  service: string;
  description: string;
}

export const EMPTY_DRAFT: EntityDraft = {
  name: '', aliases: '', birthDate: '', estimatedAge: '', sex: '', nationality: '', orgType: 'business', industry: '', address: '', city: '', state: '', zip: '', placeKind: 'other',
  number: '', plate: '', make: '', model: '', color: '', year: '', accountType: 'account', platform: '', handle: '', url: '', service: 'cashapp', description: '',
};

/** The field path the server names in its errors, such as `body.entity.number`. */
export const entityPath = (field: keyof EntityDraft) => `body.entity.${field}`;

const text = (value: string) => value.trim() || undefined;
const whole = (value: string) => (value.trim() ? Number(value.trim()) : undefined);

/** The fields of one kind, blank ones left out, ready to send. */
export function toEntityInput(kind: EntityKind, d: EntityDraft): EntityInput {
  const description = text(d.description);
  switch (kind) {
    case 'person':
      return {
        kind,
        name: text(d.name),
        aliases: d.aliases.split(',').map((alias) => alias.trim()).filter(Boolean),
        birthDate: text(d.birthDate),
        estimatedAge: whole(d.estimatedAge),
        sex: text(d.sex),
        nationality: text(d.nationality),
        description,
      };
    case 'organization':
      return { kind, name: d.name.trim(), orgType: d.orgType, industry: text(d.industry), description };
    case 'location':
      return { kind, address: d.address.trim(), city: text(d.city), state: text(d.state.toUpperCase()), zip: text(d.zip), placeKind: d.placeKind, description };
    case 'phone':
      return { kind, number: d.number.trim(), description };
    case 'email':
      return { kind, address: d.address.trim(), description };
    case 'vehicle':
      return { kind, plate: d.plate.trim(), state: text(d.state.toUpperCase()), make: text(d.make), model: text(d.model), color: text(d.color), year: whole(d.year), description };
    case 'online_account':
      return { kind, accountType: d.accountType, platform: text(d.platform), handle: text(d.handle), url: text(d.url), description };
    case 'payment_handle':
      return { kind, service: d.service, handle: d.handle.trim(), description };
  }
}

/** What can be checked before sending; the server still reads each identifier and says when it cannot. */
export function draftProblems(t: TFunction, kind: EntityKind, d: EntityDraft): Record<string, string | undefined> {
  const required = (field: keyof EntityDraft, key: string) => ({ [entityPath(field)]: d[field].trim() ? undefined : t(key) });
  const number = (field: keyof EntityDraft, min: number, max: number) => {
    const value = d[field].trim();
    return { [entityPath(field)]: value && !(/^\d+$/.test(value) && Number(value) >= min && Number(value) <= max) ? t('cases.entityForm.wholeNumber', { min, max }) : undefined };
  };
  switch (kind) {
    case 'person':
      return {
        [entityPath('name')]: d.name.trim() || d.aliases.trim() || d.description.trim() ? undefined : t('cases.entityForm.personNeedsSomething'),
        [entityPath('estimatedAge')]: d.birthDate && d.estimatedAge.trim() ? t('cases.entityForm.ageOrBirth') : number('estimatedAge', 0, 120)[entityPath('estimatedAge')],
      };
    case 'organization':
      return required('name', 'cases.entityForm.nameRequired');
    case 'location':
      return required('address', 'cases.entityForm.addressRequired');
    case 'phone':
      return required('number', 'cases.entityForm.numberRequired');
    case 'email':
      return required('address', 'cases.entityForm.emailRequired');
    case 'vehicle':
      return { ...required('plate', 'cases.entityForm.plateRequired'), ...number('year', 1900, 2100) };
    case 'online_account':
      return { [entityPath('handle')]: d.handle.trim() || d.url.trim() ? undefined : t('cases.entityForm.handleOrUrl') };
    case 'payment_handle':
      return required('handle', 'cases.entityForm.handleRequired');
  }
}

/** The fields each kind shows, in order; the form uses it to know which server errors it can place. */
export const KIND_FIELDS: Record<EntityKind, (keyof EntityDraft)[]> = {
  person: ['name', 'aliases', 'birthDate', 'estimatedAge', 'sex', 'nationality', 'description'],
  organization: ['name', 'orgType', 'industry', 'description'],
  location: ['address', 'city', 'state', 'zip', 'placeKind', 'description'],
  phone: ['number', 'description'],
  email: ['address', 'description'],
  vehicle: ['plate', 'state', 'make', 'model', 'color', 'year', 'description'],
  online_account: ['accountType', 'platform', 'handle', 'url', 'description'],
  payment_handle: ['service', 'handle', 'description'],
};
