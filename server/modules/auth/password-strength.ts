import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common';
import { dictionary as englishDictionary, translations } from '@zxcvbn-ts/language-en';

/** zxcvbn's 0–4 scale: 3 means "safely unguessable" against an online attack and a slow hash offline. */
export const MIN_PASSWORD_SCORE = 3;

// The first words anyone attacking this system would try: what it is for and who runs it.
const DOMAIN_WORDS = [
  'haven', 'trafficking', 'traffick', 'trafficker', 'antitrafficking', 'humantrafficking', 'taskforce', 'task', 'force',
  'survivor', 'victim', 'advocate', 'investigator', 'police', 'sheriff', 'detective', 'prosecutor', 'agency', 'tip',
  'hotline', 'safeplace', 'shelter', 'rescue', 'freedom', 'justice', 'harbor', 'safeharbor',
];

// Built once per process: loading the dictionaries takes ~150 ms, a check then a few milliseconds. Levenshtein
// matching is left off: it multiplies the cost of a check by about fifty for little gain over the lists.
const zxcvbn = new ZxcvbnFactory({
  translations,
  graphs: adjacencyGraphs,
  dictionary: { ...commonDictionary, ...englishDictionary, haven: DOMAIN_WORDS },
});

export interface PasswordOwner {
  email?: string | undefined;
  displayName?: string | undefined;
  agencyName?: string | undefined;
}

/** The person's own words, whole and split, so "MariaGonzalez!" and "gonzalez maria" both count as their name. */
function ownerInputs(owner: PasswordOwner): string[] {
  const whole = [owner.email, owner.email?.split('@')[0], owner.displayName, owner.agencyName].filter((v): v is string => Boolean(v));
  const parts = whole.flatMap((v) => v.toLowerCase().split(/[^\p{L}\p{N}]+/u)).filter((p) => p.length >= 3);
  return [...new Set([...whole.map((v) => v.toLowerCase()), ...parts])];
}

/**
 * What is left of the password's letters once the person's own words are taken out. zxcvbn prices each known
 * word separately, so three of the person's own words still score well; an attacker who knows the person
 * would try them together first.
 */
function lettersBeyond(password: string, words: readonly string[]): number {
  let rest = password.toLowerCase();
  for (const word of [...words].sort((a, b) => b.length - a.length)) rest = rest.split(word).join(' ');
  return rest.replace(/[^\p{L}]/gu, '').length;
}

function matched(result: ZxcvbnResult, dictionaryName: string): boolean {
  return result.sequence.some((m) => m.pattern === 'dictionary' && 'dictionaryName' in m && m.dictionaryName === dictionaryName);
}

/** Why zxcvbn finds this password guessable, in words the person can act on, or null when it scores well. */
export function strengthProblem(password: string, owner: PasswordOwner): string | null {
  const inputs = ownerInputs(owner);
  const ownWords = inputs.filter((w) => /^[\p{L}\p{N}]+$/u.test(w));
  if (ownWords.length && lettersBeyond(password, ownWords) < 5) return 'Do not build your password from your name, email address or agency name. Add words of your own that are not about you.';
  if (lettersBeyond(password, [...ownWords, ...DOMAIN_WORDS]) < 5) {
    return 'Words about this work (trafficking, task force, Haven, police…) are among the first an attacker tries. Add words of your own.';
  }
  const result = zxcvbn.check(password, inputs);
  if (result.score >= MIN_PASSWORD_SCORE) return null;
  const advice = result.feedback.suggestions.length ? ` ${result.feedback.suggestions.join(' ')}` : ' Add more words that are less common.';
  if (matched(result, 'userInputs')) return `Do not use your name, email address or agency name in your password.${advice}`;
  if (matched(result, 'haven')) return `Words about this work (trafficking, task force, Haven, police…) are among the first an attacker tries.${advice}`;
  const warning = result.feedback.warning ? ` ${result.feedback.warning}` : '';
  return `This password is too easy to guess.${warning}${advice}`;
}
