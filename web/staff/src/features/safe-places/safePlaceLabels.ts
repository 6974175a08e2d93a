import type { TFunction } from 'i18next';
import type { OpenNow, Weekday } from './safePlacesApi.ts';

export const kindLabel = (t: TFunction, kind: string) => t(`safePlaces.kinds.${kind}`, { defaultValue: kind });
export const dayLabel = (t: TFunction, day: Weekday) => t(`safePlaces.days.${day}`);

/** "Open until 17:00 (Fri)", "Open 24 hours", "Closed, opens 09:00 (Mon)", in the place's own clock. */
export function openNowLabel(t: TFunction, openNow: OpenNow): string {
  if (openNow.isOpen) return openNow.closes ? t('safePlaces.openUntil', { time: openNow.closes.time, day: dayLabel(t, openNow.closes.day) }) : t('safePlaces.open24');
  return openNow.opens ? t('safePlaces.opensAt', { time: openNow.opens.time, day: dayLabel(t, openNow.opens.day) }) : t('safePlaces.neverOpen');
}
