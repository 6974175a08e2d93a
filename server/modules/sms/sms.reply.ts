import type { AppContext } from '../../platform/context.ts';
import { cleanQuery, locate } from '../geo/geo.service.ts';
import { findNearest, type NearbyPlace } from '../safe-places/safe-places.nearest.ts';
import { describeStatus, milesLabel, type PublicLocale } from '../safe-places/safe-places.format.ts';

/**
 * Answers a text message such as "SAFE 77002", "safe houston tx" or "SEGURO 77002" with the three nearest
 * Safe Places open now, in plain words that fit a few SMS segments. Anything else gets the usage, never an
 * error. Nothing of the message or its sender is stored or logged.
 */

export interface TextReply {
  text: string;
  locale: PublicLocale;
}

/** The longest reply: about four SMS segments of plain text. */
export const MAX_REPLY_CHARS = 640;
const MAX_NAME = 40;
const MAX_ADDRESS = 40;

const KEYWORDS: Record<string, { action: 'find' | 'help'; locale: PublicLocale }> = {
  SAFE: { action: 'find', locale: 'en' },
  SAFEPLACE: { action: 'find', locale: 'en' },
  SEGURO: { action: 'find', locale: 'es' },
  SEGURA: { action: 'find', locale: 'es' },
  REFUGIO: { action: 'find', locale: 'es' },
  HELP: { action: 'help', locale: 'en' },
  INFO: { action: 'help', locale: 'en' },
  AYUDA: { action: 'help', locale: 'es' },
};

interface Numbers {
  emergencyNumber: string;
  hotlinePhone: string;
  hotlineText: string;
}

const WORDS = {
  en: {
    usage: (n: Numbers) => `To find a Safe Place open now, text SAFE and your ZIP code or city, e.g. SAFE 77002. In danger? Call ${n.emergencyNumber}. Hotline: ${n.hotlinePhone}.`,
    notFound: (q: string | null) => `We could not find ${q ? `"${q}"` : 'that place'}. Text SAFE and a 5-digit ZIP code, e.g. SAFE 77002, or a city, e.g. SAFE Houston TX.`,
    none: (where: string, n: Numbers) => `No Safe Place is open now within 100 miles of ${where}. In danger? Call ${n.emergencyNumber}. Hotline (24/7): ${n.hotlinePhone}, text ${n.hotlineText}.`,
    heading: (where: string) => `Safe Places open now near ${where}:`,
    open24: 'open 24h',
    until: (time: string, day: string) => `open until ${day ? `${day} ` : ''}${time}`,
    footer: (n: Numbers) => `In danger? Call ${n.emergencyNumber}.`,
    limited: (n: Numbers) => `Too many messages. Try again in a few minutes. In danger? Call ${n.emergencyNumber}. Hotline: ${n.hotlinePhone}.`,
  },
  es: {
    usage: (n: Numbers) => `Para encontrar un Lugar Seguro abierto ahora, envíe SEGURO y su código postal o ciudad, p. ej. SEGURO 77002. ¿En peligro? Llame al ${n.emergencyNumber}. Línea: ${n.hotlinePhone}.`,
    notFound: (q: string | null) => `No encontramos ${q ? `"${q}"` : 'ese lugar'}. Envíe SEGURO y un código postal de 5 dígitos, p. ej. SEGURO 77002, o una ciudad, p. ej. SEGURO Houston TX.`,
    none: (where: string, n: Numbers) => `No hay un Lugar Seguro abierto ahora a menos de 100 millas de ${where}. ¿En peligro? Llame al ${n.emergencyNumber}. Línea (24/7): ${n.hotlinePhone}, texto ${n.hotlineText}.`,
    heading: (where: string) => `Lugares Seguros abiertos cerca de ${where}:`,
    open24: 'abierto 24h',
    until: (time: string, day: string) => `abierto hasta ${day ? `${day} ` : ''}${time}`,
    footer: (n: Numbers) => `¿En peligro? Llame al ${n.emergencyNumber}.`,
    limited: (n: Numbers) => `Demasiados mensajes. Intente de nuevo en unos minutos. ¿En peligro? Llame al ${n.emergencyNumber}. Línea: ${n.hotlinePhone}.`,
  },
} as const;

const BILINGUAL_USAGE = (n: Numbers) =>
  `Text SAFE + your ZIP code for the nearest open Safe Places (e.g. SAFE 77002). Envíe SEGURO + su código postal (p. ej. SEGURO 77002). Emergency/Emergencia: ${n.emergencyNumber}.`;

/** Strips what a phone or an attacker may put in a message: control and format characters, excess length. */
export function cleanMessage(body: string): string {
  return cleanQuery(body.slice(0, 2000));
}

const shorten = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);
const keywordOf = (word: string) => word.normalize('NFKD').replace(/\p{M}/gu, '').toUpperCase().replace(/[^A-Z]/g, '');
// Only a plain place name is repeated back; anything else is answered without quoting it.
const quotable = (text: string) => (/^[\p{L}\p{N} .,'-]{1,40}$/u.test(text) ? text : null);

function placeLine(place: NearbyPlace, index: number, locale: PublicLocale, now: Date): string {
  const words = WORDS[locale];
  const status = describeStatus(place.status, place.timeZone, now, locale, true);
  const open = status.kind === 'always' ? words.open24 : words.until(status.time, status.day);
  const parts = [`${index + 1}) ${shorten(place.name, MAX_NAME)}`, shorten(place.address, MAX_ADDRESS), milesLabel(place.distanceKm), open];
  if (place.phone) parts.push(place.phone);
  return parts.join(', ');
}

/** The reply to one inbound text. */
export async function answerText(ctx: Pick<AppContext, 'db' | 'now' | 'config'>, body: string): Promise<TextReply> {
  const numbers = ctx.config;
  const message = cleanMessage(body);
  const [first = '', ...rest] = message.split(' ');
  const keyword = KEYWORDS[keywordOf(first)];
  let locale: PublicLocale = keyword?.locale ?? 'en';
  let query: string;
  if (keyword) {
    if (keyword.action === 'help' || rest.length === 0) return { text: WORDS[keyword.locale].usage(numbers), locale: keyword.locale };
    query = rest.join(' ');
  } else if (/^\d{5}(-\d{4})?$/.test(message)) {
    query = message;
  } else {
    return { text: BILINGUAL_USAGE(numbers), locale: 'en' };
  }
  locale = keyword?.locale ?? 'en';
  const words = WORDS[locale];
  const where = locate(query);
  if (!where) return { text: words.notFound(quotable(query)), locale };
  const places = await findNearest(ctx, { lat: where.lat, lng: where.lng, limit: 3 });
  if (places.length === 0) return { text: words.none(where.label, numbers), locale };
  const now = ctx.now();
  const lines = [words.heading(where.label), ...places.map((p, i) => placeLine(p, i, locale, now)), words.footer(numbers)];
  return { text: shorten(lines.join('\n'), MAX_REPLY_CHARS), locale };
}

export function limitedReply(config: Numbers, locale: PublicLocale = 'en'): TextReply {
  return { text: WORDS[locale].limited(config), locale };
}
