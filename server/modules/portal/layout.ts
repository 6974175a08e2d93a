import type { Config } from '../../platform/config.ts';
import { html, type Html } from './html.ts';
import type { PortalLocale, Translate } from './i18n.ts';

/** What every page needs to render: language, messages, deployment settings, and the carried campaign code. */
export interface PageContext {
  locale: PortalLocale;
  t: Translate;
  config: Pick<Config, 'emergencyNumber' | 'hotlinePhone' | 'hotlineText' | 'quickExitUrl'>;
  campaign: string | null;
  path: string;
}

/**
 * A portal link that keeps the language and campaign code, so no cookie is ever needed to remember them. The
 * language is always written, English too: left out, the next page would follow the browser's language, and a
 * visitor whose browser prefers Spanish could never stay in English.
 */
export function link(page: PageContext, path: string, locale: PortalLocale = page.locale): string {
  // A path may carry its own query (the finder's search), kept ahead of the language and campaign.
  const [base = path, own = ''] = path.split('?');
  const params = new URLSearchParams(own);
  params.delete('lang');
  params.delete('c');
  params.set('lang', locale);
  if (page.campaign) params.set('c', page.campaign);
  return `${base}?${params.toString()}`;
}

/** A link that dials the number on a phone. */
export const tel = (number: string) => `tel:${number.replace(/[^\d+]/g, '')}`;

/** A page's own files beside the portal's (the finder's styles and script), so other pages do not carry them. */
export interface PageAssets {
  styles?: readonly string[];
  scripts?: readonly string[];
  /** A class on <body>, such as the printable view's. */
  bodyClass?: string;
}

export function layout(page: PageContext, title: string, main: Html, assets: PageAssets = {}): string {
  const { t, config } = page;
  const other: PortalLocale = page.locale === 'en' ? 'es' : 'en';
  const nav: Array<[string, string]> = [['/', 'nav.home'], ['/report', 'nav.report'], ['/follow-up', 'nav.followUp'], ['/get-help', 'nav.help']];
  return `<!doctype html>${html`<html lang="${page.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex">
<title>${title} · ${t('site.short')}</title>
<link rel="stylesheet" href="/portal/portal.css">
<script src="/portal/portal.js" defer></script>
${(assets.styles ?? []).map((href) => html`<link rel="stylesheet" href="${href}">
`)}${(assets.scripts ?? []).map((src) => html`<script src="${src}" defer></script>
`)}</head>
<body${assets.bodyClass ? html` class="${assets.bodyClass}"` : ''}>
<a class="skip" href="#main">${t('skip')}</a>
<div class="emergency" role="region" aria-label="${t('emergency.title')}">
  <p><strong>${t('emergency.title')}</strong> <a href="${tel(config.emergencyNumber)}">${t('emergency.call', { number: config.emergencyNumber })}</a>
  <span class="hotline">${t('emergency.hotline', { phone: config.hotlinePhone, text: config.hotlineText })}</span></p>
  <a class="exit" href="${config.quickExitUrl}" rel="noreferrer" title="${t('exit.hint')}">${t('exit.label')}</a>
</div>
<header class="site">
  <a class="brand" href="${link(page, '/')}">${t('site.short')}</a>
  <nav aria-label="${t('nav.label')}"><ul>${nav.map(([path, key]) => html`<li><a href="${link(page, path)}"${path === page.path ? html` aria-current="page"` : ''}>${t(key)}</a></li>`)}</ul></nav>
  <a class="lang" lang="${other}" hreflang="${other}" href="${link(page, page.path, other)}" title="${t('lang.switchLabel')}">${t('lang.switch')}</a>
</header>
<main id="main" tabindex="-1">
${main}
</main>
<footer class="site"><p><a href="${link(page, '/privacy')}">${t('footer.privacy')}</a></p></footer>
</body>
</html>`}`;
}
