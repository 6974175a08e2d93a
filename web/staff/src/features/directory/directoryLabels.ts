import type { TFunction } from 'i18next';
import { currentLanguage } from '../../i18n/i18n.ts';
import { formatMinutes } from '../tips/tipLabels.ts';
import type { Capacity, ProviderSummary, WeeklyHours } from './directoryTypes.ts';

/** Names of the directory's codes come from the catalogs. */
export const serviceTypeLabel = (t: TFunction, code: string) => t(`directory.serviceTypes.${code}`, { defaultValue: code });
export const genderLabel = (t: TFunction, code: string) => t(`directory.genders.${code}`, { defaultValue: code });
export const immigrationLabel = (t: TFunction, code: string) => t(`directory.immigration.${code}`, { defaultValue: code });
export const immigrationStatusLabel = (t: TFunction, code: string) => t(`directory.immigrationStatus.${code}`, { defaultValue: code });
export const costLabel = (t: TFunction, code: string) => t(`directory.costs.${code}`, { defaultValue: code });
export const accessibilityLabel = (t: TFunction, code: string) => t(`directory.accessibility.${code}`, { defaultValue: code });
export const dayLabel = (t: TFunction, code: string) => t(`directory.days.${code}`, { defaultValue: code });
export const inquiryStatusLabel = (t: TFunction, code: string) => t(`directory.inquiries.status.${code}`, { defaultValue: code });
export const neededLabel = (t: TFunction, code: string) => t(`directory.inquiries.needed.${code}`, { defaultValue: code });

/** Languages a referrer most often asks for here, offered first in the search. */
export const COMMON_LANGUAGES = ['es', 'en', 'vi', 'zh', 'ar', 'fr', 'ht', 'ko', 'pt', 'ru', 'tl', 'hi', 'ur', 'fa', 'sw', 'ase'];

/** A language tag's name in the page's language: "es-MX" → "Spanish (Mexico)" or "español (México)". */
export function languageName(tag: string): string {
  try {
    return new Intl.DisplayNames([currentLanguage()], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** Who is served, in a few words: "Ages 12–17 · women" or "All ages · everyone". */
export function eligibilitySummary(t: TFunction, p: Pick<ProviderSummary, 'minAge' | 'maxAge' | 'acceptsMinors' | 'genders'>): string {
  const age =
    p.minAge !== null && p.maxAge !== null
      ? t('directory.eligibility.ageRange', { min: p.minAge, max: p.maxAge })
      : p.minAge !== null
        ? t('directory.eligibility.ageFrom', { min: p.minAge })
        : p.maxAge !== null
          ? t('directory.eligibility.ageUpTo', { max: p.maxAge })
          : p.acceptsMinors
            ? t('directory.eligibility.allAges')
            : t('directory.eligibility.adults');
  const genders = p.genders.length ? p.genders.map((g) => genderLabel(t, g)).join(', ') : t('directory.eligibility.everyone');
  return `${age} · ${genders}`;
}

/** "2 of 8 beds free", "3 slots free". */
export function capacityText(t: TFunction, c: Capacity): string {
  if (c.total === null) return t('directory.capacity.free', { count: c.available, unit: t(`directory.capacity.unit.${c.unit}`, { count: c.available }) });
  return t('directory.capacity.freeOf', { available: c.available, total: c.total, unit: t(`directory.capacity.unit.${c.unit}`, { count: c.total }) });
}

/** "updated 3 hours ago". */
export function updatedAgo(t: TFunction, iso: string, now = Date.now()): string {
  return t('directory.capacity.updated', { time: formatMinutes(t, (now - new Date(iso).getTime()) / 60_000) });
}

export function hoursText(t: TFunction, open24Hours: boolean, hours: WeeklyHours[]): string {
  if (open24Hours) return t('directory.hours.always');
  return hours.map((h) => `${h.days.map((d) => dayLabel(t, d)).join(', ')} ${h.opens}–${h.closes}`).join('; ');
}

export function distanceText(t: TFunction, km: number | null, approximate: boolean): string | null {
  if (km === null) return null;
  return approximate ? t('directory.search.distanceApprox', { km }) : t('directory.search.distance', { km: km.toLocaleString(currentLanguage(), { maximumFractionDigits: 1 }) });
}
