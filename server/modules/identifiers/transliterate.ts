import anyAscii from 'any-ascii';

/**
 * Letters of any script turned into plain Latin letters, for comparing person names. Cyrillic, Greek and
 * Arabic use the tables below (tuned to how names in those scripts are romanized on documents); every other
 * script goes through any-ascii, so that no letter is ever dropped and no name reduces to nothing.
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

// Thai vowels written before the consonant they follow in speech: "ใจ" is read "chai", not "aich".
const THAI_LEADING_VOWEL = /([\u0e40-\u0e44])([\u0e01-\u0e2e])/g;

// Chinese characters and Korean syllables each stand for one syllable, and names in them are written without
// spaces; romanized, the syllables are usually apart ("Kim Cheol-su", "Zhang Li Hua") or joined within the given
// name ("Li Xiaolong"), which nameSimilarity forgives. Each becomes its own word here.
const SYLLABLE_SCRIPTS = /[\p{Script=Han}\uac00-\ud7a3]/gu;

/**
 * Splits Chinese and Korean syllables into words and puts Thai leading vowels after their consonant. Runs
 * before Unicode decomposition, which would break Korean syllables into letters.
 */
export function separateSyllables(text: string): string {
  return text.replace(THAI_LEADING_VOWEL, '$2$1').replace(SYLLABLE_SCRIPTS, (ch) => ` ${anyAscii(ch)} `);
}

// A letter or mark that is not plain Latin: the tables above or any-ascii handle it; anything else
// (emoji, symbols) is dropped by the caller.
const OTHER_LETTER = /[\p{L}\p{M}]/u;

/** One lower-case word of any script in plain Latin letters (and whatever else the caller then removes). */
export function transliterateWord(raw: string): string {
  let word = raw;
  for (const [pair, sound] of GREEK_PAIRS) word = word.replace(pair, sound);
  // The Arabic article is written joined to the name: "الزهراء" is "al" + "zahra".
  if (/^ال[\u0621-\u064a]{2,}/.test(word)) word = word.slice(2);
  let out = '';
  // By code point, not UTF-16 unit: a Chinese character outside the Basic Multilingual Plane is one letter.
  Array.from(word).forEach((ch, i) => {
    if (i === 0 && ARABIC_INITIAL[ch]) out += ARABIC_INITIAL[ch];
    else out += CYRILLIC[ch] ?? GREEK[ch] ?? ARABIC[ch] ?? LATIN_EXTRA[ch] ?? latinOf(ch);
  });
  return out.toLowerCase();
}

function latinOf(ch: string): string {
  if (/[a-z0-9]/.test(ch) || !OTHER_LETTER.test(ch)) return ch;
  return anyAscii(ch);
}
