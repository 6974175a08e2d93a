import { KM_PER_MILE } from '../geo/geo.service.ts';
import { localWeekday, WEEKDAYS, type OpenStatus, type Weekday, type WeekMoment } from './hours.ts';

/**
 * Words for the public finder and text replies. Distances are in miles in both languages: this is a US
 * deployment, and road signs, maps and people here count in miles whatever language they speak.
 */
export type PublicLocale = 'en' | 'es';

/** "0.3 mi", "4.2 mi", "12 mi". */
export function milesLabel(km: number): string {
  const miles = km / KM_PER_MILE;
  return `${miles < 10 ? (Math.round(miles * 10) / 10).toFixed(1) : Math.round(miles)} mi`;
}

const clock = new Map<string, Intl.DateTimeFormat>();

/** A local 'HH:MM' for people: "9:00 PM" / "21:00"; `compact` gives "9pm" for text messages. */
export function timeLabel(hhmm: string, locale: PublicLocale, compact = false): string {
  const hours = Number(hhmm.slice(0, 2)) % 24;
  const minutes = Number(hhmm.slice(3, 5));
  if (compact && locale === 'en') {
    const h12 = hours % 12 === 0 ? 12 : hours % 12;
    return `${h12}${minutes ? `:${String(minutes).padStart(2, '0')}` : ''}${hours < 12 ? 'am' : 'pm'}`;
  }
  let format = clock.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === 'es' ? 'es-US' : 'en-US', { hour: 'numeric', minute: '2-digit', hourCycle: locale === 'es' ? 'h23' : 'h12', timeZone: 'UTC' });
    clock.set(locale, format);
  }
  return format.format(Date.UTC(2000, 0, 1, hours, minutes));
}

const DAY_NAMES: Record<PublicLocale, Record<Weekday, string>> = {
  en: { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' },
  es: { mon: 'lunes', tue: 'martes', wed: 'miércoles', thu: 'jueves', fri: 'viernes', sat: 'sábado', sun: 'domingo' },
};

export const dayName = (day: Weekday, locale: PublicLocale) => DAY_NAMES[locale][day];

/**
 * When a moment falls, relative to the place's today: '' for today, 'tomorrow'/'mañana', else the weekday.
 * A closing at 00:00 tomorrow is "midnight" today.
 */
export function dayWord(moment: WeekMoment, today: Weekday, locale: PublicLocale): string {
  const from = WEEKDAYS.indexOf(today);
  const ahead = (WEEKDAYS.indexOf(moment.day) - from + 7) % 7;
  if (ahead === 0 || (ahead === 1 && moment.time === '00:00')) return '';
  if (ahead === 1) return locale === 'es' ? 'mañana' : 'tomorrow';
  return dayName(moment.day, locale);
}

/** "midnight" where a period ends at 00:00, else the time. */
export function momentTime(moment: WeekMoment, locale: PublicLocale, compact = false): string {
  if (moment.time === '00:00') return locale === 'es' ? 'medianoche' : 'midnight';
  return timeLabel(moment.time, locale, compact);
}

/** The parts a page or a text message needs to say "open until 9 PM" or "closed, opens tomorrow 9 AM". */
export function describeStatus(status: OpenStatus, timeZone: string, now: Date, locale: PublicLocale, compact = false): { kind: 'always' | 'until' | 'opens' | 'never'; time: string; day: string } {
  const today = localWeekday(now, timeZone);
  if (status.isOpen) return status.closes ? { kind: 'until', time: momentTime(status.closes, locale, compact), day: dayWord(status.closes, today, locale) } : { kind: 'always', time: '', day: '' };
  return status.opens ? { kind: 'opens', time: momentTime(status.opens, locale, compact), day: dayWord(status.opens, today, locale) } : { kind: 'never', time: '', day: '' };
}
