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

/** A portal link that keeps the language and campaign code, so no cookie is ever needed to remember them. */
export function link(page: PageContext, path: string, locale: PortalLocale = page.locale): string {
  const params = new URLSearchParams();
  if (locale !== 'en') params.set('lang', locale);
  if (page.campaign) params.set('c', page.campaign);
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

/** A link that dials the number on a phone. */
export const tel = (number: string) => `tel:${number.replace(/[^\d+]/g, '')}`;

export function layout(page: PageContext, title: string, main: Html): string {
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
</head>
<body>
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
