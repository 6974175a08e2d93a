import { html } from '../html.ts';
import { layout, link, tel, type PageContext } from '../layout.ts';
import { FINDER_ASSETS, finderForm } from './safe-places.ts';

export function helpPage(page: PageContext): string {
  const { t, config } = page;
  return layout(
    page,
    t('help.title'),
    html`<h1>${t('help.title')}</h1>
<p class="alert"><a href="${tel(config.emergencyNumber)}">${t('help.emergency', { number: config.emergencyNumber })}</a></p>
<section aria-labelledby="hotline"><h2 id="hotline">${t('help.hotline.title')}</h2><p>${t('help.hotline.text')}</p>
<p><a class="button" href="${tel(config.hotlinePhone)}">${t('help.hotline.call', { phone: config.hotlinePhone })}</a>
<a class="button" href="sms:${config.hotlineText}">${t('help.hotline.sms', { text: config.hotlineText })}</a></p></section>
<section aria-labelledby="places"><h2 id="places">${t('help.safePlaces.title')}</h2><p>${t('help.safePlaces.text')}</p>
${finderForm(page)}<p><a href="${link(page, '/safe-places')}">${t('help.safePlaces.link')}</a></p></section>
<section aria-labelledby="rights"><h2 id="rights">${t('help.rights.title')}</h2><p>${t('help.rights.text')}</p></section>`,
    // The search box's styles; "Use my location" is on the finder itself, so this page keeps one script.
    { styles: FINDER_ASSETS.styles },
  );
}

export function privacyPage(page: PageContext): string {
  const { t } = page;
  const list = (prefix: string) => html`<ul>${[1, 2, 3, 4].map((n) => html`<li>${t(`${prefix}.${n}`)}</li>`)}</ul>`;
  return layout(
    page,
    t('privacy.title'),
    html`<h1>${t('privacy.title')}</h1>
<section aria-labelledby="not-kept"><h2 id="not-kept">${t('privacy.notKept.title')}</h2>${list('privacy.notKept')}</section>
<section aria-labelledby="kept"><h2 id="kept">${t('privacy.kept.title')}</h2>${list('privacy.kept')}</section>
<section aria-labelledby="who"><h2 id="who">${t('privacy.who.title')}</h2><p>${t('privacy.who.text')}</p></section>
<section aria-labelledby="safe"><h2 id="safe">${t('privacy.tips.title')}</h2><p>${t('privacy.tips.text')}</p></section>`,
  );
}

export function errorPage(page: PageContext, kind: 'error' | 'notFound' | 'tooLarge'): string {
  const { t } = page;
  return layout(page, t(`${kind}.title`), html`<h1>${t(`${kind}.title`)}</h1><p>${t(`${kind}.text`, { number: page.config.emergencyNumber })}</p>`);
}
