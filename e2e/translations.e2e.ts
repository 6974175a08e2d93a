import { describe, expect, it } from 'vitest';
import en from '../web/staff/src/i18n/en.json';
import es from '../web/staff/src/i18n/es.json';

type Catalog = { [key: string]: string | Catalog };

function flatten(catalog: Catalog, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalog)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

// Plural forms differ between languages (Spanish also has `_many`); compare the messages, not the forms.
const baseKey = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();

describe('staff app message catalogs', () => {
  const english = flatten(en as Catalog);
  const spanish = flatten(es as Catalog);

  it('has every English message in Spanish and nothing extra', () => {
    const englishKeys = new Set([...english.keys()].map(baseKey));
    const spanishKeys = new Set([...spanish.keys()].map(baseKey));
    expect([...englishKeys].filter((key) => !spanishKeys.has(key))).toEqual([]);
    expect([...spanishKeys].filter((key) => !englishKeys.has(key))).toEqual([]);
  });

  it('uses the same placeholders in both languages', () => {
    const mismatched = [...english].filter(([key, text]) => {
      const other = spanish.get(key) ?? spanish.get(`${baseKey(key)}_other`);
      return other !== undefined && placeholders(other).join() !== placeholders(text).join();
    });
    expect(mismatched).toEqual([]);
  });

  it('names every role and agency type the server knows', async () => {
    const { ROLES } = await import('../common/access/roles.ts');
    const { AGENCY_TYPES } = await import('../common/access/agencies.ts');
    for (const catalog of [english, spanish]) {
      expect(ROLES.filter((role) => !catalog.has(`roles.${role}.name`))).toEqual([]);
      expect(AGENCY_TYPES.filter((type) => !catalog.has(`agencyTypes.${type}`))).toEqual([]);
    }
  });
});
