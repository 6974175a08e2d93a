/**
 * Characters that text in Haven may not hold. PostgreSQL refuses NUL in text and jsonb, and a lone UTF-16
 * surrogate (half of a pair, as left by a broken copy and paste or a cut emoji) is not a character at all: the
 * database driver would silently change it, a JSON column refuses it. The other C0 controls are invisible and
 * only ever come from broken software; tab, newline and carriage return are kept.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export type TextProblem = 'nul' | 'control' | 'lone_surrogate';

/** What is wrong with a string that cannot be stored as it is, or null when nothing is. */
export function textProblem(value: string): TextProblem | null {
  if (value.includes('\u0000')) return 'nul';
  // search() ignores the global flag and always starts from the beginning.
  if (value.search(CONTROL) !== -1) return 'control';
  if (value.search(LONE_SURROGATE) !== -1) return 'lone_surrogate';
  return null;
}

/** The text with control characters other than tab and line breaks removed and each lone surrogate replaced by U+FFFD. */
export function cleanText(value: string): string {
  return value.replace(CONTROL, '').replace(LONE_SURROGATE, '\uFFFD');
}
