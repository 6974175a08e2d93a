import { WEEKDAYS, type Weekday } from './vocabulary.ts';

/** A weekly opening in the place's own time zone. `closes` at or before `opens` runs past midnight into the next day. */
export interface WeeklyHours {
  days: Weekday[];
  opens: string;
  closes: string;
}

export const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;
export const CLOSING_PATTERN = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

/** Days in the week's order, each once. */
export function orderDays(days: readonly string[]): Weekday[] {
  return WEEKDAYS.filter((day) => days.includes(day));
}

const DAY_RANGE = /^(MO|TU|WE|TH|FR|SA|SU)(?:-(MO|TU|WE|TH|FR|SA|SU))?$/;

function parseDays(text: string): Weekday[] | null {
  const days = new Set<Weekday>();
  for (const part of text.split(',')) {
    const match = DAY_RANGE.exec(part.trim().toUpperCase());
    if (!match) return null;
    const from = WEEKDAYS.indexOf(match[1] as Weekday);
    const to = match[2] ? WEEKDAYS.indexOf(match[2] as Weekday) : from;
    // MO-FR, or FR-MO across the weekend.
    for (let i = from; ; i = (i + 1) % 7) {
      days.add(WEEKDAYS[i]!);
      if (i === to) break;
    }
  }
  return orderDays([...days]);
}

/**
 * Reads hours written the way the CSV file and people write them: `24/7`, or openings separated by `;`, each
 * days then times, as in `MO-FR 09:00-17:00; SA 10:00-14:00; FR,SA 20:00-02:00`. An empty text is "no hours
 * given". Answers a sentence saying what is wrong instead of throwing.
 */
export function parseHoursText(text: string): { open24Hours: boolean; hours: WeeklyHours[] } | { problem: string } {
  const trimmed = text.trim();
  if (!trimmed) return { open24Hours: false, hours: [] };
  if (/^24\s*\/\s*7$/.test(trimmed)) return { open24Hours: true, hours: [] };
  const hours: WeeklyHours[] = [];
  for (const entry of trimmed.split(';').map((e) => e.trim()).filter(Boolean)) {
    const match = /^(\S+)\s+(\d{2}:\d{2})\s*-\s*(\d{2}:\d{2})$/.exec(entry);
    const days = match ? parseDays(match[1]!) : null;
    if (!match || !days) return { problem: `"${entry}" is not an opening like "MO-FR 09:00-17:00".` };
    const [, , opens, closes] = match as unknown as [string, string, string, string];
    if (!TIME_PATTERN.test(opens) || !CLOSING_PATTERN.test(closes)) return { problem: `"${entry}" has a time that is not between 00:00 and 24:00.` };
    if (opens === closes) return { problem: `"${entry}" opens and closes at the same time; write 24/7 for a place that never closes.` };
    hours.push({ days, opens, closes });
  }
  return { open24Hours: false, hours };
}

/** Day codes as a short range where they run on: MO,TU,WE → MO-WE. */
function formatDays(days: readonly Weekday[]): string {
  const indexes = orderDays(days).map((d) => WEEKDAYS.indexOf(d));
  const runs: string[] = [];
  for (let i = 0; i < indexes.length; ) {
    let j = i;
    while (j + 1 < indexes.length && indexes[j + 1] === indexes[j]! + 1) j++;
    const from = WEEKDAYS[indexes[i]!]!;
    const to = WEEKDAYS[indexes[j]!]!;
    runs.push(j - i >= 2 ? `${from}-${to}` : j === i ? from : `${from},${to}`);
    i = j + 1;
  }
  return runs.join(',');
}

/** The inverse of parseHoursText. */
export function formatHoursText(open24Hours: boolean, hours: readonly WeeklyHours[]): string {
  if (open24Hours) return '24/7';
  return hours.map((h) => `${formatDays(h.days)} ${h.opens}-${h.closes}`).join('; ');
}
