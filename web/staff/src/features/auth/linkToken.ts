/**
 * The token of a set-up or activation link. It travels in the fragment (`#token=…`) so it never reaches a
 * server log; read it once when the page opens.
 */
export function readLinkToken(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  return token && token.trim() ? token.trim() : null;
}
