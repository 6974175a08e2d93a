import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client.ts';
import { currentLanguage } from '../../i18n/i18n.ts';

/** What a form shows after a failed submit: one message on top, and one per field keyed by API path. */
export interface FormErrors {
  message: string;
  fields: Record<string, string>;
}

/** The DOM id of the input for an API field path such as `body.email`. */
export function fieldId(path: string): string {
  return `field-${path.replace(/[^a-zA-Z0-9]+/g, '-')}`;
}

// The server's own wording is shown when it speaks the page's language; otherwise the catalog's wording for
// the error code, so a Spanish page never shows an English sentence.
function speaksPageLanguage(error: ApiError): boolean {
  const page = currentLanguage();
  const server = error.language?.toLowerCase().split('-')[0] ?? 'en';
  return server === page;
}

// Some codes mean something narrower when they name a particular field.
const FIELD_SPECIFIC: Record<string, string> = {
  'forbidden:body.currentPassword': 'errors.wrongCurrentPassword',
  'forbidden:body.token': 'errors.linkInvalid',
};

function catalogMessage(t: TFunction, error: ApiError): string {
  for (const field of error.fields) {
    const key = FIELD_SPECIFIC[`${error.code}:${field.path}`];
    if (key) return t(key);
  }
  return t(`errors.codes.${error.code}`, { defaultValue: t('errors.unexpected') });
}

export function describeError(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError)) return t('errors.unexpected');
  if (error.code === 'network') return t('errors.network');
  if (speaksPageLanguage(error) && error.message) return error.message;
  return catalogMessage(t, error);
}

function describeField(t: TFunction, error: ApiError, message: string): string {
  if (speaksPageLanguage(error) && message) return message;
  // With one field at fault, the error itself describes it; with several, each is pointed out.
  if (error.fields.length === 1 && error.code !== 'validation_failed') return catalogMessage(t, error);
  return t('errors.fieldInvalid');
}

// `body.roles.0` belongs to the `body.roles` field.
function shownPath(path: string, shownFields: readonly string[]): string | null {
  const parts = path.split('.');
  for (let length = parts.length; length > 0; length--) {
    const candidate = parts.slice(0, length).join('.');
    if (shownFields.includes(candidate)) return candidate;
  }
  return null;
}

/**
 * Turns a failed call into what the form shows. Problems with fields the form does not display are added to
 * the top message, so nothing the server said is lost.
 */
export function fromApiError(t: TFunction, error: unknown, shownFields: readonly string[]): FormErrors {
  const message = describeError(t, error);
  const fields: Record<string, string> = {};
  const unshown: string[] = [];
  if (error instanceof ApiError) {
    for (const problem of error.fields) {
      const text = describeField(t, error, problem.message);
      const shown = shownPath(problem.path, shownFields);
      if (shown) fields[shown] ??= text;
      else unshown.push(text);
    }
  }
  const extra = unshown.filter((text, index) => text !== message && unshown.indexOf(text) === index);
  return { message: [message, ...extra].join(' '), fields };
}

/** Problems found before sending anything. */
export function fromFieldProblems(t: TFunction, fields: Record<string, string | undefined>): FormErrors | null {
  const present = Object.fromEntries(Object.entries(fields).filter((entry): entry is [string, string] => Boolean(entry[1])));
  if (Object.keys(present).length === 0) return null;
  return { message: t('errors.fixFields'), fields: present };
}
