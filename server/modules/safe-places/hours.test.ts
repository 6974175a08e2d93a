import { describe, expect, it } from 'vitest';
import { isOpenAt, isTimeZone, localMinuteOfWeek, openRanges, openRangesOfText, openStatus, periodsOn, WEEKDAYS, type WeeklyHours } from './hours.ts';

type Days = Partial<WeeklyHours['days']>;
const week = (days: Days, alwaysOpen = false): WeeklyHours => ({ alwaysOpen, days: { ...Object.fromEntries(WEEKDAYS.map((d) => [d, []])), ...days } as WeeklyHours['days'] });
const at = (iso: string) => new Date(iso);
const nineToFive = { opens: '09:00', closes: '17:00' };
const weekdays = week({ mon: [nineToFive], tue: [nineToFive], wed: [nineToFive], thu: [nineToFive], fri: [nineToFive] });

describe('open now, in the place’s own time zone', () => {
  // 2026-03-02 is a Monday; Chicago is UTC-6 until 8 March.
  it('is open during the day and says until when', () => {
    expect(openStatus(weekdays, 'America/Chicago', at('2026-03-02T22:59:00Z'))).toEqual({ isOpen: true, closes: { day: 'mon', time: '17:00' } });
  });

  it('is closed at the closing minute and says when it opens next', () => {
    expect(openStatus(weekdays, 'America/Chicago', at('2026-03-02T23:00:00Z'))).toEqual({ isOpen: false, opens: { day: 'tue', time: '09:00' } });
  });

  it('skips the weekend when saying when it opens next', () => {
    // Friday 17:30 in Chicago.
    expect(openStatus(weekdays, 'America/Chicago', at('2026-03-06T23:30:00Z'))).toEqual({ isOpen: false, opens: { day: 'mon', time: '09:00' } });
  });

  it('gives the same instant a different answer in different time zones', () => {
    const instant = at('2026-03-02T14:30:00Z'); // 09:30 in New York, 06:30 in Los Angeles
    expect(openStatus(weekdays, 'America/New_York', instant).isOpen).toBe(true);
    expect(openStatus(weekdays, 'America/Los_Angeles', instant).isOpen).toBe(false);
    expect(openStatus(weekdays, 'Pacific/Honolulu', instant).isOpen).toBe(false);
  });

  it('uses the local weekday, not the UTC one', () => {
    // Monday 23:30 in Chicago is already Tuesday in UTC; Monday-only night hours still apply.
    const mondayNight = week({ mon: [{ opens: '20:00', closes: '23:45' }] });
    expect(openStatus(mondayNight, 'America/Chicago', at('2026-03-03T05:30:00Z'))).toEqual({ isOpen: true, closes: { day: 'mon', time: '23:45' } });
    expect(openStatus(mondayNight, 'UTC', at('2026-03-03T05:30:00Z')).isOpen).toBe(false);
  });
});

describe('periods across midnight', () => {
  const lateFriday = week({ fri: [{ opens: '22:00', closes: '02:00' }] });

  it('stays open after midnight into the next day, and closes on time', () => {
    // Saturday 01:30 and 02:00 in Chicago.
    expect(openStatus(lateFriday, 'America/Chicago', at('2026-03-07T07:30:00Z'))).toEqual({ isOpen: true, closes: { day: 'sat', time: '02:00' } });
    expect(openStatus(lateFriday, 'America/Chicago', at('2026-03-07T08:00:00Z'))).toEqual({ isOpen: false, opens: { day: 'fri', time: '22:00' } });
  });

  it('is closed on Friday before the night period starts', () => {
    expect(openStatus(lateFriday, 'America/Chicago', at('2026-03-06T18:00:00Z')).isOpen).toBe(false);
  });

  it('wraps Sunday night into Monday morning', () => {
    const sundayNight = week({ sun: [{ opens: '22:00', closes: '03:00' }] });
    // Sunday 23:00 and Monday 02:00 in Chicago (1 and 2 March 2026).
    expect(openStatus(sundayNight, 'America/Chicago', at('2026-03-02T05:00:00Z'))).toEqual({ isOpen: true, closes: { day: 'mon', time: '03:00' } });
    expect(openStatus(sundayNight, 'America/Chicago', at('2026-03-02T08:00:00Z'))).toEqual({ isOpen: true, closes: { day: 'mon', time: '03:00' } });
    expect(openStatus(sundayNight, 'America/Chicago', at('2026-03-02T09:00:00Z'))).toEqual({ isOpen: false, opens: { day: 'sun', time: '22:00' } });
  });

  it('joins a period ending at midnight with the next day’s period from midnight', () => {
    const overnight = week({ mon: [{ opens: '20:00', closes: '24:00' }], tue: [{ opens: '00:00', closes: '06:00' }] });
    expect(openStatus(overnight, 'America/Chicago', at('2026-03-03T03:00:00Z'))).toEqual({ isOpen: true, closes: { day: 'tue', time: '06:00' } });
  });

  it('joins Sunday until midnight with Monday from midnight across the end of the week', () => {
    const weekend = week({ sun: [{ opens: '12:00', closes: '24:00' }], mon: [{ opens: '00:00', closes: '08:00' }] });
    // Sunday 13:00 in Chicago.
    expect(openStatus(weekend, 'America/Chicago', at('2026-03-01T19:00:00Z'))).toEqual({ isOpen: true, closes: { day: 'mon', time: '08:00' } });
  });
});

describe('daylight saving time', () => {
  it('follows the wall clock when the clocks spring forward', () => {
    // 8 March 2026 in Chicago: 01:59 CST is followed by 03:00 CDT.
    const earlySunday = week({ sun: [{ opens: '00:00', closes: '02:30' }] });
    expect(openStatus(earlySunday, 'America/Chicago', at('2026-03-08T07:59:00Z')).isOpen).toBe(true);
    expect(openStatus(earlySunday, 'America/Chicago', at('2026-03-08T08:00:00Z')).isOpen).toBe(false);
    const morning = week({ sun: [{ opens: '03:00', closes: '10:00' }] });
    expect(openStatus(morning, 'America/Chicago', at('2026-03-08T08:00:00Z')).isOpen).toBe(true);
  });

  it('is open in both passes of the repeated hour when the clocks fall back, by the wall clock', () => {
    // 1 November 2026 in Chicago: 01:00–01:59 happens twice, first in CDT then in CST.
    const untilHalfPastOne = week({ sun: [{ opens: '00:00', closes: '01:30' }] });
    expect(openStatus(untilHalfPastOne, 'America/Chicago', at('2026-11-01T06:15:00Z')).isOpen).toBe(true); // 01:15 CDT
    expect(openStatus(untilHalfPastOne, 'America/Chicago', at('2026-11-01T06:45:00Z')).isOpen).toBe(false); // 01:45 CDT
    expect(openStatus(untilHalfPastOne, 'America/Chicago', at('2026-11-01T07:15:00Z')).isOpen).toBe(true); // 01:15 CST
  });

  it('keeps Phoenix on standard time all summer while Denver moves', () => {
    const instant = at('2026-07-06T15:30:00Z'); // Monday: 08:30 in Phoenix (MST), 09:30 in Denver (MDT)
    expect(openStatus(weekdays, 'America/Phoenix', instant).isOpen).toBe(false);
    expect(openStatus(weekdays, 'America/Denver', instant).isOpen).toBe(true);
  });
});

describe('whole weeks and empty weeks', () => {
  it('is always open around the clock, with no closing time', () => {
    expect(openStatus(week({}, true), 'America/Chicago', at('2026-03-08T08:00:00Z'))).toEqual({ isOpen: true, closes: null });
    const everyDayAllDay = week(Object.fromEntries(WEEKDAYS.map((d) => [d, [{ opens: '00:00', closes: '24:00' }]])));
    expect(openStatus(everyDayAllDay, 'UTC', at('2026-03-04T12:00:00Z'))).toEqual({ isOpen: true, closes: null });
  });

  it('never opens without any hours', () => {
    expect(openStatus(week({}), 'UTC', at('2026-03-04T12:00:00Z'))).toEqual({ isOpen: false, opens: null });
  });

  it('reads hours stored as JSON text, fills missing days, and tells open from closed at the edges', () => {
    const ranges = openRangesOfText(JSON.stringify({ alwaysOpen: false, days: { mon: [nineToFive], sun: [{ opens: '22:00', closes: '02:00' }] } }));
    expect(ranges).toEqual([[0, 120], [540, 1020], [9960, 10080]]);
    expect(openRangesOfText('{"alwaysOpen":true}')).toEqual([[0, 10080]]);
    expect([119, 120, 539, 540, 1019, 1020, 10079].map((m) => isOpenAt(ranges, m))).toEqual([true, false, false, true, true, false, true]);
  });

  it('merges overlapping periods and sorts a day’s periods', () => {
    const messy = week({ wed: [{ opens: '13:00', closes: '18:00' }, { opens: '08:00', closes: '14:00' }] });
    expect(openRanges(messy)).toEqual([[2 * 1440 + 480, 2 * 1440 + 1080]]);
    expect(periodsOn(messy, 'wed').map((p) => p.opens)).toEqual(['08:00', '13:00']);
  });
});

describe('time zones', () => {
  it('knows IANA names and refuses anything else', () => {
    expect(isTimeZone('America/Chicago')).toBe(true);
    expect(isTimeZone('America/Argentina/Buenos_Aires')).toBe(true);
    for (const bad of ['Mars/Olympus', 'CST; drop table', '', '../etc/passwd']) expect(isTimeZone(bad), bad).toBe(false);
  });

  it('reads the local minute of the week', () => {
    expect(localMinuteOfWeek(at('2026-03-02T00:00:00Z'), 'UTC')).toBe(0);
    expect(localMinuteOfWeek(at('2026-03-08T23:59:00Z'), 'UTC')).toBe(7 * 1440 - 1);
  });
});
