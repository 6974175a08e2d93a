/**
 * Person names, normalized so that spellings of one name in different scripts and hands compare equal or
 * close: "Александр Иванов", "Aleksandr Ivanov" and "IVANOV, Alexander" all reduce to keys that match.
 *
 * - `normalizeName`: NFKD, accents removed, Cyrillic, Greek and Arabic-script letters transliterated, lower
 *   case, punctuation and invisible characters removed.
 * - `nameKey`: the normalized tokens sorted (so "first last" and "last, first" agree), for trigram search.
 * - `skeleton` / `phoneticKey`: a consonant skeleton that forgives vowels and romanization choices
 *   ("ks"/"x", "ph"/"f", "sh"/"š"/"ш", "Mohammed"/"Muhammad"/"محمد").
 * - `nameSimilarity`: 0…1, token by token, order-free, with Jaro–Winkler, skeletons, initials and a few
 *   common nicknames.
 */

const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o',
  п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu',
  я: 'ya', і: 'i', ї: 'yi', є: 'ye', ґ: 'g', ђ: 'dj', ј: 'j', љ: 'lj', њ: 'nj', ћ: 'c', џ: 'dz', ў: 'u',
};

const GREEK: Record<string, string> = {
  α: 'a', β: 'v', γ: 'g', δ: 'd', ε: 'e', ζ: 'z', η: 'i', θ: 'th', ι: 'i', κ: 'k', λ: 'l', μ: 'm', ν: 'n', ξ: 'x', ο: 'o', π: 'p',
  ρ: 'r', σ: 's', ς: 's', τ: 't', υ: 'y', φ: 'f', χ: 'ch', ψ: 'ps', ω: 'o',
};

// Arabic and Persian letters. Short vowels are not written in Arabic script; alif, waw and ya stand for long
// vowels inside a word and for consonants (w, y) at its start.
const ARABIC: Record<string, string> = {
  ا: 'a', أ: 'a', إ: 'i', آ: 'a', ٱ: 'a', ب: 'b', ت: 't', ث: 'th', ج: 'j', ح: 'h', خ: 'kh', د: 'd', ذ: 'dh', ر: 'r', ز: 'z', س: 's',
  ش: 'sh', ص: 's', ض: 'd', ط: 't', ظ: 'z', ع: '', غ: 'gh', ف: 'f', ق: 'q', ك: 'k', ل: 'l', م: 'm', ن: 'n', ه: 'h', و: 'u', ي: 'i',
  ى: 'a', ة: 'a', ء: '', ئ: '', ؤ: '', پ: 'p', چ: 'ch', ژ: 'zh', گ: 'g', ک: 'k', ی: 'i',
};
const ARABIC_INITIAL: Record<string, string> = { و: 'w', ي: 'y', ی: 'y', ع: 'a' };
// Greek vowel pairs read as one sound.
const GREEK_PAIRS: Array<[RegExp, string]> = [[/ου/g, 'u'], [/αυ/g, 'av'], [/ευ/g, 'ev'], [/ει|οι/g, 'i'], [/αι/g, 'e']];

const LATIN_EXTRA: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', þ: 'th', ł: 'l', ı: 'i' };

function transliterateWord(raw: string): string {
  let word = raw;
  for (const [pair, sound] of GREEK_PAIRS) word = word.replace(pair, sound);
  // The Arabic article is written joined to the name: "الزهراء" is "al" + "zahra".
  if (/^ال[\u0621-\u064a]{2,}/.test(word)) word = word.slice(2);
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const ch = word[i]!;
    if (i === 0 && ARABIC_INITIAL[ch]) out += ARABIC_INITIAL[ch];
    else out += CYRILLIC[ch] ?? GREEK[ch] ?? ARABIC[ch] ?? LATIN_EXTRA[ch] ?? ch;
  }
  return out;
}

/** Lower case, plain Latin letters and digits, single spaces. Empty when nothing name-like is left. */
export function normalizeName(raw: string): string {
  const text = raw
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

/** Romanization choices folded away for comparison: ou/u, y/i, ks/x, ph/f, w/v, doubled letters. */
function foldSpelling(token: string): string {
  return token.replace(/ou/g, 'u').replace(/y/g, 'i').replace(/ks/g, 'x').replace(/ph/g, 'f').replace(/w/g, 'v').replace(/(.)\1+/g, '$1');
}

/** A token written without its vowels, as Arabic script is: "mhmd", "hsin", "yusf". */
const vowelPoor = (token: string) => (token.slice(1).match(/[aeiou]/g)?.length ?? 0) <= 1 && token.length >= 3;

/**
 * How alike two name tokens are, 0…1: Jaro–Winkler on the tokens and on their folded spellings; a nickname
 * of the same name; an initial; and, when one side was written without vowels, the same consonant skeleton.
 */
export function tokenSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length === 1 || b.length === 1) return a[0] === b[0] ? 0.85 : 0;
  const ga = NICKNAME_GROUP.get(a);
  if (ga !== undefined && ga === NICKNAME_GROUP.get(b)) return 0.9;
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
