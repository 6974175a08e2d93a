import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PORTAL_LOCALES = ['en', 'es'] as const;
export type PortalLocale = (typeof PORTAL_LOCALES)[number];

const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/portal/messages');

type Catalog = Record<string, string>;

// Catalogs are flat JSON files, one per language, so a deployment adds a language by adding a file.
const catalogs: Record<string, Catalog> = Object.fromEntries(
  PORTAL_LOCALES.map((locale) => [locale, JSON.parse(readFileSync(path.join(DIR, `${locale}.json`), 'utf8')) as Catalog]),
);

export type Translate = (key: string, vars?: Record<string, string | number>) => string;

/** Looks a message up in the language, falling back to English, and fills {placeholders}. */
export function translator(locale: PortalLocale): Translate {
  const catalog = catalogs[locale]!;
  const fallback = catalogs.en!;
  return (key, vars) => {
    const template = catalog[key] ?? fallback[key] ?? key;
    return vars ? template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m)) : template;
  };
}

/** The language asked for in the URL, else the browser's first supported language, else English. */
export function chooseLocale(query: string | undefined, acceptLanguage: string | undefined): PortalLocale {
  if (query && (PORTAL_LOCALES as readonly string[]).includes(query)) return query as PortalLocale;
  const wanted = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag, q] = part.trim().split(';q=');
      return { lang: (tag ?? '').slice(0, 2).toLowerCase(), q: q ? Number(q) : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { lang } of wanted) if ((PORTAL_LOCALES as readonly string[]).includes(lang)) return lang as PortalLocale;
  return 'en';
}

export function catalogKeys(locale: PortalLocale): string[] {
  return Object.keys(catalogs[locale]!);
}
