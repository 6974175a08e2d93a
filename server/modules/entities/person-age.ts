/**
 * A person's age as investigators record it: a date of birth, or an age estimated on a given day ("looked
 * about 16 on 2026-03-02"). Dates are 'YYYY-MM-DD' calendar dates.
 */
export interface PersonAge {
  birthDate: string | null;
  estimatedAge: number | null;
  /** The day the estimate was made; the day it was recorded when not given. */
  ageAsOf: string | null;
}

/** How far an estimated age may be off, either way. */
export const ESTIMATE_SLACK_YEARS = 2;

const parse = (date: string) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return { y, m, d };
};

export function addYears(date: string, years: number): string {
  const { y, m, d } = parse(date);
  // 29 February plus a year is 28 February, not 1 March.
  const day = m === 2 && d === 29 && !isLeap(y + years) ? 28 : d;
  return `${String(y + years).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Whole years from `birth` to `on`. */
export function yearsBetween(birth: string, on: string): number {
  const b = parse(birth);
  const o = parse(on);
  return o.y - b.y - (o.m < b.m || (o.m === b.m && o.d < b.d) ? 1 : 0);
}

/**
 * The days the person may have been born on: exactly the date of birth, or, for an age estimated on a day,
 * every birthday that gives an age within ESTIMATE_SLACK_YEARS of the estimate. Null without either.
 */
export function birthRange(p: PersonAge, today: string): { from: string; to: string } | null {
  if (p.birthDate) return { from: p.birthDate, to: p.birthDate };
  if (p.estimatedAge === null) return null;
  const asOf = p.ageAsOf ?? today;
  const oldest = p.estimatedAge + ESTIMATE_SLACK_YEARS;
  const youngest = Math.max(0, p.estimatedAge - ESTIMATE_SLACK_YEARS);
  // Age A on day D: born after D − (A+1) years and no later than D − A years.
  return { from: addDays(addYears(asOf, -(oldest + 1)), 1), to: addYears(asOf, -youngest) };
}

/** One digit apart in the same position: 1985/1986, 1985/1995. */
function oneDigitApart(a: number, b: number): boolean {
  const x = String(a).padStart(4, '0');
  const y = String(b).padStart(4, '0');
  let diff = 0;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) diff++;
  return diff === 1;
}

/**
 * Could these be the same person's ages? Two dates of birth agree when equal, when day and month are swapped
 * (03/04 written as 04/03), or when exactly one of day, month and year differs (a typo); otherwise the ranges
 * the records allow must overlap.
 */
export function agesCompatible(a: PersonAge, b: PersonAge, today: string): boolean {
  if (a.birthDate && b.birthDate) {
    if (a.birthDate === b.birthDate) return true;
    const x = parse(a.birthDate);
    const y = parse(b.birthDate);
    if (x.y === y.y && x.m === y.d && x.d === y.m) return true;
    const sameY = x.y === y.y;
    const sameM = x.m === y.m;
    const sameD = x.d === y.d;
    if (sameY && sameM) return true;
    if (sameY && sameD) return true;
    return sameM && sameD && oneDigitApart(x.y, y.y);
  }
  const ra = birthRange(a, today);
  const rb = birthRange(b, today);
  if (!ra || !rb) return false;
  return ra.from <= rb.to && rb.from <= ra.to;
}

/**
 * The person's age on a day: exact from a date of birth; from an estimate, the estimate plus the years since
 * it was made. Null when neither is recorded.
 */
export function ageOn(p: PersonAge, on: string, today: string): number | null {
  if (p.birthDate) return yearsBetween(p.birthDate, on);
  if (p.estimatedAge === null) return null;
  const asOf = p.ageAsOf ?? today;
  return p.estimatedAge + yearsBetween(asOf, on);
}
