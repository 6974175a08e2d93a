import type { SafePlaceHours } from '../../platform/db/schema.ts';

/**
 * Opening hours of a Safe Place: per weekday, periods in the place's own wall-clock time. A period whose
 * `closes` is not after `opens` runs past midnight into the next day ("22:00"–"02:00"); "24:00" closes at
 * midnight. Whether a place is open is always decided in its own time zone, so a night-owl searching from
 * another zone, a daylight-saving change or a period across midnight cannot make a closed door look open.
 */
export type WeeklyHours = SafePlaceHours;
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const DAY = 1440;
const WEEK = 7 * DAY;

/** A moment of the week in local time: the day and 'HH:MM'. */
export interface WeekMoment {
  day: Weekday;
  time: string;
}

export type OpenStatus =
  /** `closes` null: open around the clock. */
  | { isOpen: true; closes: WeekMoment | null }
  /** `opens` null: no opening hours at all. */
  | { isOpen: false; opens: WeekMoment | null };

export const minutesOf = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const timeOf = (minutes: number): string => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const momentOf = (minuteOfWeek: number): WeekMoment => {
  const m = ((minuteOfWeek % WEEK) + WEEK) % WEEK;
  return { day: WEEKDAYS[Math.floor(m / DAY)]!, time: timeOf(m % DAY) };
};

/** Every weekday present, as the API promises, whatever shape was stored (an import, a manual fix). */
export function normalizeHours(hours: Partial<WeeklyHours> | null | undefined): WeeklyHours {
  const days = (hours?.days ?? {}) as Partial<WeeklyHours['days']>;
  return { alwaysOpen: hours?.alwaysOpen === true, days: Object.fromEntries(WEEKDAYS.map((d) => [d, Array.isArray(days[d]) ? days[d] : []])) as WeeklyHours['days'] };
}

/** The week's open minutes as sorted, merged [start, end) ranges within [0, one week], Monday 00:00 = 0. */
export function openRanges(hours: WeeklyHours): Array<[number, number]> {
  if (hours.alwaysOpen) return [[0, WEEK]];
  const ranges: Array<[number, number]> = [];
  WEEKDAYS.forEach((day, index) => {
    for (const period of hours.days[day] ?? []) {
      const opens = minutesOf(period.opens);
      let closes = minutesOf(period.closes);
      if (closes <= opens) closes += DAY;
      const start = index * DAY + opens;
      const end = index * DAY + closes;
      // Sunday night into Monday morning wraps to the start of the week.
      if (end > WEEK) ranges.push([start, WEEK], [0, end - WEEK]);
      else ranges.push([start, end]);
    }
  });
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}

const rangesByText = new Map<string, Array<[number, number]>>();

/** `openRanges` of hours stored as JSON text, remembered: most places share one of a few weeks. */
export function openRangesOfText(hoursText: string): Array<[number, number]> {
  let ranges = rangesByText.get(hoursText);
  if (!ranges) {
    ranges = openRanges(normalizeHours(JSON.parse(hoursText) as Partial<WeeklyHours>));
    if (rangesByText.size > 10_000) rangesByText.clear();
    rangesByText.set(hoursText, ranges);
  }
  return ranges;
}

export const isOpenAt = (ranges: ReadonlyArray<readonly [number, number]>, minuteOfWeek: number) => ranges.some(([start, end]) => minuteOfWeek >= start && minuteOfWeek < end);

const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAY_INDEX: Record<string, number> = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };

/** Is this an IANA time zone the runtime knows ("America/Chicago")? */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(zone);
  } catch {
    return false;
  }
}

/** The minute of the week (Monday 00:00 = 0) that the wall clocks of `timeZone` show at `at`. */
export function localMinuteOfWeek(at: Date, timeZone: string): number {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, format);
  }
  let day = 0;
  let hour = 0;
  let minute = 0;
  for (const part of format.formatToParts(at)) {
    if (part.type === 'weekday') day = WEEKDAY_INDEX[part.value] ?? 0;
    else if (part.type === 'hour') hour = Number(part.value) % 24;
    else if (part.type === 'minute') minute = Number(part.value);
  }
  return day * DAY + hour * 60 + minute;
}

/** Whether the place is open at `at`, until when, or when it opens next; in the place's own time zone. */
export function openStatus(hours: WeeklyHours, timeZone: string, at: Date): OpenStatus {
  return openStatusAtMinute(hours, localMinuteOfWeek(at, timeZone));
}

/** `openStatus` for a minute of the week already read from the place's clock. */
export function openStatusAtMinute(hours: WeeklyHours, now: number): OpenStatus {
  const ranges = openRanges(hours);
  const first = ranges[0];
  const last = ranges[ranges.length - 1];
  if (!first || !last) return { isOpen: false, opens: null };
  if (first[0] === 0 && first[1] >= WEEK) return { isOpen: true, closes: null };
  const current = ranges.find(([start, end]) => now >= start && now < end);
  if (current) {
    // Open through Sunday midnight: it closes when the period that starts Monday at 00:00 ends.
    const wraps = current !== first && current[1] >= WEEK && first[0] === 0;
    return { isOpen: true, closes: momentOf(wraps ? WEEK + first[1] : current[1]) };
  }
  const next = ranges.find(([start]) => start > now) ?? first;
  return { isOpen: false, opens: momentOf(next[0]) };
}

/** The periods of one weekday, for showing "today: 9:00–17:00". */
export function periodsOn(hours: WeeklyHours, day: Weekday): Array<{ opens: string; closes: string }> {
  return hours.alwaysOpen ? [{ opens: '00:00', closes: '24:00' }] : [...(hours.days[day] ?? [])].sort((a, b) => minutesOf(a.opens) - minutesOf(b.opens));
}

/** The local weekday at `at` in `timeZone`. */
export function localWeekday(at: Date, timeZone: string): Weekday {
  return WEEKDAYS[Math.floor(localMinuteOfWeek(at, timeZone) / DAY)]!;
}
