import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { WEEKDAYS } from '../../../common/directory/vocabulary.ts';
import { formatHoursText, isOpenAt, localTime, parseHoursText, type WeeklyHours } from './hours.ts';

describe('opening hours as text', () => {
  it('reads day ranges, lists and several openings', () => {
    expect(parseHoursText('MO-FR 09:00-17:00; sa 10:00 - 14:00')).toEqual({
      open24Hours: false,
      hours: [
        { days: ['MO', 'TU', 'WE', 'TH', 'FR'], opens: '09:00', closes: '17:00' },
        { days: ['SA'], opens: '10:00', closes: '14:00' },
      ],
    });
    expect(parseHoursText('FR-MO 20:00-02:00')).toEqual({ open24Hours: false, hours: [{ days: ['MO', 'FR', 'SA', 'SU'], opens: '20:00', closes: '02:00' }] });
    expect(parseHoursText('24/7')).toEqual({ open24Hours: true, hours: [] });
    expect(parseHoursText('  ')).toEqual({ open24Hours: false, hours: [] });
  });

  it('says what is wrong with hours it cannot read', () => {
    expect(parseHoursText('weekdays 9-5')).toEqual({ problem: expect.stringContaining('"weekdays 9-5"') });
    expect(parseHoursText('MO 25:00-26:00')).toEqual({ problem: expect.stringContaining('between 00:00 and 24:00') });
    expect(parseHoursText('MO 09:00-09:00')).toEqual({ problem: expect.stringContaining('24/7') });
  });

  it('writes what it reads back the same', () => {
    const opening = fc.record({
      days: fc.subarray([...WEEKDAYS], { minLength: 1 }),
      opens: fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
      closes: fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
    });
    fc.assert(
      fc.property(fc.array(opening, { maxLength: 5 }), (hours: WeeklyHours[]) => {
        fc.pre(hours.every((h) => h.opens !== h.closes));
        expect(parseHoursText(formatHoursText(false, hours))).toEqual({ open24Hours: false, hours });
      }),
    );
  });
});

describe('open now', () => {
  const houstonWednesday = (time: string) => new Date(`2026-11-25T${time}-06:00`);

  it('reads the clock of the place, not of the server', () => {
    expect(localTime('America/Chicago', new Date('2026-11-26T03:30:00Z'))).toEqual({ day: 'WE', minutes: 21 * 60 + 30 });
    expect(localTime('Asia/Tokyo', new Date('2026-11-26T03:30:00Z'))).toEqual({ day: 'TH', minutes: 12 * 60 + 30 });
  });

  it('opens at the opening minute and closes at the closing minute', () => {
    const hours: WeeklyHours[] = [{ days: ['WE'], opens: '09:00', closes: '17:00' }];
    expect(isOpenAt(false, hours, 'America/Chicago', houstonWednesday('08:59'))).toBe(false);
    expect(isOpenAt(false, hours, 'America/Chicago', houstonWednesday('09:00'))).toBe(true);
    expect(isOpenAt(false, hours, 'America/Chicago', houstonWednesday('16:59'))).toBe(true);
    expect(isOpenAt(false, hours, 'America/Chicago', houstonWednesday('17:00'))).toBe(false);
  });

  it('runs an opening past midnight into the next day', () => {
    const nights: WeeklyHours[] = [{ days: ['TU'], opens: '20:00', closes: '02:00' }];
    expect(isOpenAt(false, nights, 'America/Chicago', houstonWednesday('01:30'))).toBe(true);
    expect(isOpenAt(false, nights, 'America/Chicago', houstonWednesday('02:00'))).toBe(false);
    expect(isOpenAt(false, nights, 'America/Chicago', houstonWednesday('21:00'))).toBe(false);
  });

  it('knows 24/7 and 24:00, and says "unknown" rather than "closed" without hours', () => {
    expect(isOpenAt(true, [], 'America/Chicago', houstonWednesday('03:00'))).toBe(true);
    expect(isOpenAt(false, [{ days: ['WE'], opens: '18:00', closes: '24:00' }], 'America/Chicago', houstonWednesday('23:59'))).toBe(true);
    expect(isOpenAt(false, [], 'America/Chicago', houstonWednesday('12:00'))).toBeNull();
  });
});
