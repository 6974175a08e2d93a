import { WEEKDAYS, type Weekday } from '../../../common/directory/vocabulary.ts';
import type { WeeklyHours } from '../../../common/directory/hours.ts';

// Reading and writing hours as text is shared with the staff app's editor.
export { CLOSING_PATTERN, TIME_PATTERN, formatHoursText, orderDays, parseHoursText, type WeeklyHours } from '../../../common/directory/hours.ts';

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

const WEEKDAY_OF: Record<string, Weekday> = { Mon: 'MO', Tue: 'TU', Wed: 'WE', Thu: 'TH', Fri: 'FR', Sat: 'SA', Sun: 'SU' };

// A formatter per time zone: making one costs far more than using it, and a page lists many places.
const clocks = new Map<string, Intl.DateTimeFormat>();

/** The weekday and minute of the day at `at`, on the clocks of `timeZone`. */
export function localTime(timeZone: string, at: Date): { day: Weekday; minutes: number } {
  let format = clocks.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    if (clocks.size < 500) clocks.set(timeZone, format);
  }
  const parts = format.formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { day: WEEKDAY_OF[part('weekday')] ?? 'MO', minutes: Number(part('hour')) * 60 + Number(part('minute')) };
}

/** Whether one opening is open at a local day and minute, counting an overnight opening from the day before. */
function openingCovers(h: WeeklyHours, day: Weekday, minutes: number): boolean {
  const opens = minutesOf(h.opens);
  const closes = minutesOf(h.closes);
  const previous = WEEKDAYS[(WEEKDAYS.indexOf(day) + 6) % 7]!;
  if (closes > opens) return h.days.includes(day) && minutes >= opens && minutes < closes;
  return (h.days.includes(day) && minutes >= opens) || (h.days.includes(previous) && minutes < closes);
}

/** Open at this moment? `null` when no hours are known, so "unknown" is never shown as "closed". */
export function isOpenAt(open24Hours: boolean, hours: readonly WeeklyHours[], timeZone: string, at: Date): boolean | null {
  if (open24Hours) return true;
  if (hours.length === 0) return null;
  const { day, minutes } = localTime(timeZone, at);
  return hours.some((h) => openingCovers(h, day, minutes));
}
