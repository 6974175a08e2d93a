import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/**
 * Identifiers are normalized before they are stored or compared, so that "(713) 555-0147" in a tip and
 * "+1 713 555 0147" in a case are recognised as one phone. Each function returns null for a value that cannot
 * be an identifier of its kind; the original text is kept alongside for people to read.
 */
export type IdentifierKind = 'phone' | 'email' | 'url' | 'handle' | 'plate' | 'address' | 'payment';

export function normalizePhone(raw: string, defaultCountry: CountryCode = 'US'): string | null {
  const cleaned = raw.replace(/[^\d+()\-.\s/x]/gi, ' ').trim();
  if (!/\d{4,}/.test(cleaned.replace(/\D/g, ''))) return null;
  const parsed = parsePhoneNumberFromString(cleaned, defaultCountry);
  return parsed && parsed.isPossible() ? parsed.number : null;
}

/** Lower-cased; a "+tag" dropped; dots ignored for Gmail, where they never matter. */
export function normalizeEmail(raw: string): string | null {
  const email = raw.trim().toLowerCase().replace(/^mailto:/, '');
  const match = /^([^\s@]+)@([a-z0-9.-]+\.[a-z]{2,})$/.exec(email);
  if (!match) return null;
  let local = match[1]!.split('+')[0]!;
  let domain = match[2]!;
  if (domain === 'googlemail.com') domain = 'gmail.com';
  if (domain === 'gmail.com') local = local.replace(/\./g, '');
  return local ? `${local}@${domain}` : null;
}

const PREFIX = /^(www\.|m\.|mobile\.)/;
const TRACKING_PARAMS = /^(utm_.*|fbclid|gclid|mc_[a-z]+|ref|ref_src|igshid|si)$/i;

/** Scheme, "www.", default ports, fragments, tracking parameters and trailing slashes do not make a URL different. */
export function normalizeUrl(raw: string): string | null {
  let text = raw.trim();
  if (!text) return null;
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) text = `https://${text}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (!['http:', 'https:'].includes(url.protocol) || !url.hostname.includes('.')) return null;
  // "www." and mobile prefixes name the same site, unless what is left would not be a domain any more.
  let host = url.hostname.toLowerCase();
  for (let next = host.replace(PREFIX, ''); next !== host && next.includes('.'); next = host.replace(PREFIX, '')) host = next;
  const params = [...url.searchParams.entries()].filter(([k]) => !TRACKING_PARAMS.test(k)).sort(([a], [b]) => a.localeCompare(b));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  // The URL parser already percent-encodes the path canonically ("café" and "caf%C3%A9" agree); decoding
  // it again would not be idempotent and throws on a malformed escape.
  const path = url.pathname.replace(/\/+$/, '');
  return `${host}${path}${query}`;
}

/** "@Name", "name" and "instagram.com/name" are one handle; the platform, when known, is kept in front. */
export function normalizeHandle(raw: string, platform?: string | null): string | null {
  let handle = raw.trim().toLowerCase();
  const fromUrl = /^(?:https?:\/\/)?(?:www\.)?([a-z0-9-]+)\.(?:com|net|me|app)\/@?([^/?#\s]+)/.exec(handle);
  if (fromUrl) {
    platform = platform ?? fromUrl[1];
    handle = fromUrl[2]!;
  }
  handle = handle.replace(/^@+/, '').replace(/\s+/g, '');
  if (!/^[\p{L}\p{N}._-]{1,64}$/u.test(handle)) return null;
  const prefix = platform ? `${platform.trim().toLowerCase().replace(/[^a-z0-9]/g, '')}:` : '';
  return `${prefix}${handle}`;
}

/** Plates compare without spaces, dashes or dots, upper-cased, with the issuing state when given. */
export function normalizePlate(raw: string, state?: string | null): string | null {
  const plate = raw.toUpperCase().replace(/[\s\-.·]/g, '');
  if (!/^[A-Z0-9]{2,10}$/.test(plate)) return null;
  const st = state?.trim().toUpperCase();
  return st && /^[A-Z]{2}$/.test(st) ? `${st}:${plate}` : plate;
}

// USPS Publication 28 suffixes and designators, the ones that vary most in practice.
const ADDRESS_WORDS: Record<string, string> = {
  STREET: 'ST', ST: 'ST', STR: 'ST', AVENUE: 'AVE', AV: 'AVE', AVE: 'AVE', BOULEVARD: 'BLVD', BLVD: 'BLVD', ROAD: 'RD', RD: 'RD',
  DRIVE: 'DR', DR: 'DR', LANE: 'LN', LN: 'LN', COURT: 'CT', CT: 'CT', PLACE: 'PL', PL: 'PL', HIGHWAY: 'HWY', HWY: 'HWY',
  PARKWAY: 'PKWY', PKWY: 'PKWY', CIRCLE: 'CIR', CIR: 'CIR', TERRACE: 'TER', TER: 'TER', SQUARE: 'SQ', TRAIL: 'TRL', FREEWAY: 'FWY',
  NORTH: 'N', SOUTH: 'S', EAST: 'E', WEST: 'W', NORTHEAST: 'NE', NORTHWEST: 'NW', SOUTHEAST: 'SE', SOUTHWEST: 'SW',
  APARTMENT: 'APT', APT: 'APT', SUITE: 'STE', STE: 'STE', UNIT: 'UNIT', BUILDING: 'BLDG', FLOOR: 'FL', ROOM: 'RM', '#': 'UNIT',
};

/** Upper-case, accents and punctuation removed, USPS abbreviations: "123 Main Street, Apt. 4" = "123 MAIN ST APT 4". */
export function normalizeAddress(raw: string): string | null {
  const words = raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/#/g, ' # ')
    .replace(/[^A-Z0-9# ]/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => ADDRESS_WORDS[w] ?? w);
  const text = words.join(' ');
  return text.length >= 5 && /\d/.test(text) ? text : null;
}

// Payment services whose handles are compared; "$Tag" is a Cash App cashtag wherever it is written.
const PAYMENT_URLS: Array<[RegExp, string]> = [
  [/^(?:https?:\/\/)?(?:www\.)?cash\.app\/\$?([^/?#\s]+)/i, 'cashapp'],
  [/^(?:https?:\/\/)?(?:www\.|account\.)?venmo\.com\/(?:u\/)?@?([^/?#\s]+)/i, 'venmo'],
  [/^(?:https?:\/\/)?(?:www\.)?paypal\.(?:me|com\/paypalme)\/@?([^/?#\s]+)/i, 'paypal'],
];

/**
 * A payment handle as `service:handle`: "$JaneDoe", "cash.app/$janedoe" and "cashapp: janedoe" are one
 * cashtag; Venmo and PayPal names lose "@" and case; Zelle is a phone or an email, normalized as such; a crypto
 * wallet keeps its case (base58 addresses are case-sensitive) unless it is bech32 ("bc1…"), which is not.
 */
export function normalizePaymentHandle(raw: string, service?: string | null): string | null {
  let text = raw.trim();
  let svc = service?.trim().toLowerCase().replace(/[^a-z0-9]/g, '') || null;
  for (const [pattern, name] of PAYMENT_URLS) {
    const match = pattern.exec(text);
    if (match) {
      svc = name;
      text = match[1]!;
    }
  }
  if (svc === 'cash' || svc === 'squarecash') svc = 'cashapp';
  if (!svc && text.startsWith('$')) svc = 'cashapp';
  if (svc === 'zelle') {
    const target = normalizeEmail(text) ?? normalizePhone(text);
    return target ? `zelle:${target}` : null;
  }
  if (svc && ['bitcoin', 'btc', 'crypto', 'ethereum', 'eth', 'usdt', 'tether'].includes(svc)) {
    const wallet = text.replace(/\s+/g, '');
    if (!/^[A-Za-z0-9]{20,100}$/.test(wallet)) return null;
    return `crypto:${/^(bc1|0x)/i.test(wallet) ? wallet.toLowerCase() : wallet}`;
  }
  const handle = text.toLowerCase().replace(/^[$@]+/, '').replace(/\s+/g, '');
  if (!/^[\p{L}\p{N}._-]{1,64}$/u.test(handle)) return null;
  return `${svc ?? 'payment'}:${handle}`;
}

export function normalizeIdentifier(kind: IdentifierKind, raw: string, qualifier?: string | null): string | null {
  switch (kind) {
    case 'phone':
      return normalizePhone(raw);
    case 'email':
      return normalizeEmail(raw);
    case 'url':
      return normalizeUrl(raw);
    case 'handle':
      return normalizeHandle(raw, qualifier);
    case 'plate':
      return normalizePlate(raw, qualifier);
    case 'address':
      return normalizeAddress(raw);
    case 'payment':
      return normalizePaymentHandle(raw, qualifier);
  }
}
