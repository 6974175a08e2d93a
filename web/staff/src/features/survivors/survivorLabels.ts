import type { TFunction } from 'i18next';
import { NEED_DOMAINS } from './survivorTypes.ts';

/** A category as it reads in a list or a heading, and inside a sentence ("shared: identity, needs"). */
export const categoryLabel = (t: TFunction, code: string) => t(`survivors.categoryNames.${code}`, { defaultValue: code });
export const categoryInSentence = (t: TFunction, code: string) => t(`survivors.categories.${code}`, { defaultValue: code });
export const genderLabel = (t: TFunction, code: string) => t(`survivors.genders.${code}`, { defaultValue: code });
export const needDomainLabel = (t: TFunction, code: string) => t(`survivors.needDomains.${code}`, { defaultValue: code });
/** A delivered service is a need's domain or one of a few services of its own. */
export const serviceTypeLabel = (t: TFunction, code: string) => ((NEED_DOMAINS as readonly string[]).includes(code) ? needDomainLabel(t, code) : t(`survivors.serviceTypes.${code}`, { defaultValue: code }));
export const priorityLabel = (t: TFunction, code: string) => t(`survivors.priorities.${code}`, { defaultValue: code });
export const needStatusLabel = (t: TFunction, code: string) => t(`survivors.needStatus.${code}`, { defaultValue: code });
export const goalStatusLabel = (t: TFunction, code: string) => t(`survivors.goalStatus.${code}`, { defaultValue: code });
export const recordStatusLabel = (t: TFunction, code: string) => t(`survivors.status.${code}`, { defaultValue: code });
export const taskStatusLabel = (t: TFunction, code: string) => t(`survivors.tasks.status.${code}`, { defaultValue: code });
export const screeningDomainLabel = (t: TFunction, code: string) => t(`survivors.screening.domains.${code}`, { defaultValue: code });

/** "Survivor #12" in the page's language. */
export const survivorNumber = (t: TFunction, number: number) => t('survivors.number', { number });

/** The record's heading: the first name the viewer may read, else only its number. */
export function survivorTitle(t: TFunction, survivor: { number: number; identity: { names: string[] } | null }): string {
  const name = survivor.identity?.names[0];
  return name ? `${survivorNumber(t, survivor.number)}: ${name}` : survivorNumber(t, survivor.number);
}

/** A list typed one per line or separated by commas. */
export const splitList = (text: string) => text.split(/[\n,]/).map((item) => item.trim()).filter(Boolean);
