import type { FastifyInstance } from 'fastify';

// No inline script anywhere; images may be data: URLs (the MFA QR code). Nothing is loaded from elsewhere.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The same policy with more places images may come from (map tiles), for the pages that show a map. */
export function contentSecurityPolicyWith(imageSources: readonly string[]): string {
  if (imageSources.length === 0) return CONTENT_SECURITY_POLICY;
  return CONTENT_SECURITY_POLICY.replace("img-src 'self' data:", `img-src 'self' data: ${imageSources.join(' ')}`);
}

/**
 * The CSP source for a tile URL template: its scheme and host, with a `{s}` subdomain as a wildcard
 * ("https://{s}.tile.example.org/{z}/{x}/{y}.png" → "https://*.tile.example.org"). Null if it is not a URL.
 */
export function tileImageSource(template: string): string | null {
  try {
    const url = new URL(template.replace(/\{s\}/g, 'tile-subdomain').replace(/\{[a-z]\}/g, '0'));
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    return `${url.protocol}//${url.host.replace(/^tile-subdomain\./, '*.')}`;
  } catch {
    return null;
  }
}

/**
 * Security headers on every response, and no caching of anything a signed-in person sees. HSTS goes out when
 * the public address is https even if this hop is plain http (a TLS-terminating proxy), or when a trusted
 * proxy says the visitor came over https.
 */
export function installSecurityHeaders(app: FastifyInstance, options: { publicUrl: string }): void {
  const publicIsHttps = options.publicUrl.startsWith('https://');
  app.addHook('onSend', async (request, reply, payload) => {
    // The API docs page sets its own policy (hashes of its scripts); every other response gets ours.
    if (!reply.hasHeader('Content-Security-Policy')) reply.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('X-Frame-Options', 'DENY');
    reply.header('Cross-Origin-Opener-Policy', 'same-origin');
    reply.header('Cross-Origin-Resource-Policy', 'same-origin');
    reply.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=(self), interest-cohort=()');
    if (publicIsHttps || request.protocol === 'https') reply.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    const isStaticAsset = request.url.startsWith('/staff/assets/');
    if (!isStaticAsset) reply.header('Cache-Control', 'no-store');
    return payload;
  });
}
