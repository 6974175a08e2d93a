import { normalizeIdentifier, type IdentifierKind } from '../identifiers/normalize.ts';
import type { ReportInput } from './tips.schema.ts';

export interface TipIdentifier {
  kind: IdentifierKind;
  value: string;
}

/** Every phone, email, URL, handle, plate and address in a report, normalized and without duplicates. */
export function identifiersOf(report: Pick<ReportInput, 'phones' | 'emails' | 'online' | 'vehicles' | 'locationAddress' | 'locationCity' | 'locationZip'>): TipIdentifier[] {
  const found = new Map<string, TipIdentifier>();
  const add = (kind: IdentifierKind, raw: string | null | undefined, qualifier?: string | null) => {
    if (!raw) return;
    const value = normalizeIdentifier(kind, raw, qualifier);
    if (value) found.set(`${kind}:${value}`, { kind, value });
  };
  report.phones.forEach((p) => add('phone', p));
  report.emails.forEach((e) => add('email', e));
  for (const item of report.online) {
    if (/^@|^[\p{L}\p{N}._-]+$/u.test(item.trim())) add('handle', item);
    else if (/\.[a-z]{2,}/i.test(item)) add('url', item);
  }
  report.vehicles.forEach((v) => add('plate', v.plate, v.state));
  if (report.locationAddress) {
    const full = [report.locationAddress, report.locationCity, report.locationZip].filter(Boolean).join(' ');
    add('address', full);
  }
  return [...found.values()];
}
