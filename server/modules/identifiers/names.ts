import { separateSyllables, transliterateWord } from './transliterate.ts';

/**
 * Person names, normalized so that spellings of one name in different scripts and hands compare equal or
 * close: "Александр Иванов", "Aleksandr Ivanov" and "IVANOV, Alexander" all reduce to keys that match.
 *
 * - `normalizeName`: NFKD, accents removed, letters of every script transliterated (transliterate.ts), lower
 *   case, punctuation, symbols and invisible characters removed.
 * - `nameKey`: the normalized tokens sorted (so "first last" and "last, first" agree), for trigram search.
 * - `skeleton` / `phoneticKey`: a consonant skeleton that forgives vowels and romanization choices
 *   ("ks"/"x", "ph"/"f", "sh"/"š"/"ш", "Mohammed"/"Muhammad"/"محمد").
 * - `nameSimilarity`: 0…1, token by token, order-free, with Jaro–Winkler, skeletons, initials and a few
 *   common nicknames.
 */

/** Lower case, plain Latin letters and digits, single spaces. Empty when nothing name-like is left. */
export function normalizeName(raw: string): string {
  const text = separateSyllables(raw)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f\u064b-\u065f\u0670]/g, '') // accents, Arabic vowel marks
    .replace(/\p{Cf}/gu, '') // zero-width and direction marks
    .toLowerCase();
  return text
    .split(/[\s,;/_.()\-–—'’"]+/u)
    .map((w) => transliterateWord(w).replace(/[^a-z0-9]/g, ''))
    .filter(Boolean)
    .join(' ')
    .slice(0, 200);
}

// Particles that are written or left out freely: "Abdul al-Rahman" = "Abdul Rahman", "María de la Cruz" = "María Cruz".
const PARTICLES = new Set(['al', 'el', 'de', 'del', 'la', 'las', 'los', 'da', 'das', 'do', 'dos', 'van', 'von', 'der', 'den', 'bin', 'ibn', 'bint', 'y']);

export function nameTokens(raw: string): string[] {
  const tokens = normalizeName(raw).split(' ').filter(Boolean);
  const kept = tokens.filter((t) => !PARTICLES.has(t));
  return [...new Set(kept.length ? kept : tokens)];
}

/** The sorted tokens: the key trigram search compares, whatever order the name was written in. */
export function nameKey(raw: string): string {
  return nameTokens(raw).sort().join(' ');
}

const DIGRAPH_H = new Set(['s', 'c', 'k', 'z', 'g', 't', 'd', 'p']);

/**
 * A consonant skeleton of one token: the first sound kept (any vowel, y or j as "a"), later vowels dropped,
 * romanization choices folded (x = ks, ph = f, w = v, q/c = k, z = s, the h of sh/ch/kh/th/zh/gh/dh dropped),
 * doubled letters once. "aleksandr" and "alexander" → "alksntr"; "mohammed", "muhammad" and "mhmd" → "mhmt".
 */
export function skeleton(token: string): string {
  const t = token
    .replace(/shch|sch/g, 'sh')
    .replace(/tch/g, 'ch')
    .replace(/ph/g, 'f')
    .replace(/x/g, 'ks')
    .replace(/ck/g, 'k');
  let out = '';
  for (let i = 0; i < t.length; i++) {
    const ch = t[i]!;
    const prev = t[i - 1];
    if (i === 0) {
      out += /[aeiouyj]/.test(ch) ? 'a' : fold(ch);
      continue;
    }
    if (/[aeiouy]/.test(ch)) continue;
    if (ch === 'h' && prev && DIGRAPH_H.has(prev)) continue;
    const f = fold(ch);
    if (out[out.length - 1] !== f) out += f;
  }
  return out;
}

function fold(ch: string): string {
  switch (ch) {
    case 'w':
      return 'v';
    case 'q':
    case 'c':
      return 'k';
    case 'z':
      return 's';
    case 'd':
      return 't';
    case 'j':
      return 'y';
    default:
      return ch;
  }
}

/** The sorted skeletons of a name's tokens: equal for the same name in another script or romanization. */
export function phoneticKey(raw: string): string {
  return nameTokens(raw)
    .map(skeleton)
    .sort()
    .join(' ');
}

// A handful of common short forms; matching nicknames is a bonus, not the method.
const NICKNAMES: string[][] = [
  ['william', 'bill', 'billy', 'will', 'willy'],
  ['robert', 'bob', 'bobby', 'rob', 'robbie'],
  ['richard', 'rick', 'ricky', 'dick', 'rich'],
  ['james', 'jim', 'jimmy', 'jamie'],
  ['joseph', 'joe', 'joey', 'jose', 'pepe'],
  ['francisco', 'paco', 'pancho', 'frank'],
  ['alexander', 'aleksandr', 'alex', 'sasha', 'sascha', 'alejandro'],
  ['elizabeth', 'liz', 'lizzy', 'beth', 'betty', 'eliza'],
  ['margaret', 'maggie', 'peggy', 'meg'],
  ['katherine', 'catherine', 'kate', 'katie', 'kathy', 'cathy'],
  ['michael', 'mike', 'mikey', 'mikhail', 'misha'],
  ['ivan', 'vanya'],
  ['dmitry', 'dmitri', 'dima'],
  ['guadalupe', 'lupe', 'lupita'],
  ['maria', 'mary', 'mari'],
  ['anthony', 'tony', 'antonio', 'toni'],
  ['jesus', 'chuy'],
  ['enrique', 'kike', 'henry'],
  // Korean surnames keep spellings older than the official romanization that transliteration follows.
  ['gim', 'kim'],
  ['i', 'lee', 'yi', 'rhee'],
  ['bag', 'park', 'pak'],
  ['choe', 'choi'],
  ['jeong', 'jung', 'chung'],
  ['gang', 'kang'],
  ['jo', 'cho'],
  ['yun', 'yoon'],
  ['jang', 'chang'],
  ['im', 'lim'],
  ['sin', 'shin'],
  ['o', 'oh'],
  ['gwon', 'kwon'],
  ['ryu', 'yoo', 'yu'],
];
const NICKNAME_GROUP = new Map<string, number>();
NICKNAMES.forEach((group, i) => group.forEach((name) => NICKNAME_GROUP.set(name, i)));

/** Jaro–Winkler similarity of two strings, 0…1. */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  if (!a.length || !b.length) return 0;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const aMatched = new Array<boolean>(a.length).fill(false);
  const bMatched = new Array<boolean>(b.length).fill(false);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = Math.max(0, i - window); j < Math.min(b.length, i + window + 1); j++) {
      if (bMatched[j] || a[i] !== b[j]) continue;
      aMatched[i] = bMatched[j] = true;
      matches++;
      break;
    }
  }
  if (!matches) return 0;
  let transpositions = 0;
  for (let i = 0, j = 0; i < a.length; i++) {
    if (!aMatched[i]) continue;
    while (!bMatched[j]) j++;
    if (a[i] !== b[j]) transpositions++;
    j++;
  }
  const jaro = (matches / a.length + matches / b.length + (matches - transpositions / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < Math.min(4, a.length, b.length) && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/** Romanization choices folded away for comparison: ou/oo/u, ee/i, y/i, ks/x, ph/f, w/v, doubled letters. */
function foldSpelling(token: string): string {
  return token.replace(/ou|oo/g, 'u').replace(/ee/g, 'i').replace(/y/g, 'i').replace(/ks/g, 'x').replace(/ph/g, 'f').replace(/w/g, 'v').replace(/(.)\1+/g, '$1');
}

/** A token written without its vowels, as Arabic script is: "mhmd", "hsin", "yusf". */
const vowelPoor = (token: string) => (token.slice(1).match(/[aeiou]/g)?.length ?? 0) <= 1 && token.length >= 3;

/**
 * How alike two name tokens are, 0…1: Jaro–Winkler on the tokens and on their folded spellings; a nickname
 * of the same name; an initial; and, when one side was written without vowels, the same consonant skeleton.
 */
export function tokenSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  // Before initials: the Korean surname "I" is "Lee", not an initial.
  const ga = NICKNAME_GROUP.get(a);
  if (ga !== undefined && ga === NICKNAME_GROUP.get(b)) return 0.9;
  if (a.length === 1 || b.length === 1) return a[0] === b[0] ? 0.85 : 0;
  const sa = skeleton(a);
  const sameSkeleton = (vowelPoor(a) || vowelPoor(b)) && sa.length >= 3 && sa === skeleton(b) ? 0.9 : 0;
  return Math.max(jaroWinkler(a, b), jaroWinkler(foldSpelling(a), foldSpelling(b)), sameSkeleton);
}

/** Below this, one pair of tokens sinks the whole name: "Carlos Ruiz" is not "Carlos Ortiz". */
export const WEAKEST_TOKEN = 0.88;

/**
 * How alike two full names are, 0…1, whatever their order: tokens are paired best first and averaged, unless
 * a pair is weaker than WEAKEST_TOKEN, which then is the score; a name of one token against a longer one counts
 * a little less ("Maria" is weaker evidence than "Maria Lopez").
 */
export function nameSimilarity(a: string, b: string): number {
  const ta = nameTokens(a);
  const tb = nameTokens(b);
  if (!ta.length || !tb.length) return 0;
  let best = tokensSimilarity(ta, tb);
  // Syllables written apart on one side and joined on the other ("Li Xiao Long" / "Li Xiaolong", "이민호" /
  // "Lee Minho"): the longer side is also tried with two neighbouring tokens joined.
  if (ta.length !== tb.length) {
    const [longer, other] = ta.length > tb.length ? [ta, tb] : [tb, ta];
    for (let i = 0; i + 1 < longer.length; i++) {
      const joined = [...longer.slice(0, i), longer[i]! + longer[i + 1]!, ...longer.slice(i + 2)];
      best = Math.max(best, tokensSimilarity(joined, other));
    }
  }
  return best;
}

function tokensSimilarity(ta: readonly string[], tb: readonly string[]): number {
  const pairs: Array<{ i: number; j: number; s: number }> = [];
  ta.forEach((x, i) => tb.forEach((y, j) => pairs.push({ i, j, s: tokenSimilarity(x, y) })));
  pairs.sort((p, q) => q.s - p.s);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  let total = 0;
  let count = 0;
  let weakest = 1;
  for (const p of pairs) {
    if (usedA.has(p.i) || usedB.has(p.j)) continue;
    usedA.add(p.i);
    usedB.add(p.j);
    total += p.s;
    count++;
    weakest = Math.min(weakest, p.s);
  }
  const shorter = Math.min(ta.length, tb.length);
  // Every paired token must be close: one exact surname does not make "David Lee" "Daniel Lee".
  const score = weakest < WEAKEST_TOKEN ? weakest : total / count;
  // One name against a fuller one: the only token must carry everything.
  return shorter === 1 && Math.max(ta.length, tb.length) > 1 ? score * 0.85 : score;
}
