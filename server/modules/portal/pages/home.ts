import { html } from '../html.ts';
import { layout, link, type PageContext } from '../layout.ts';

export function homePage(page: PageContext): string {
  const { t } = page;
  const signs = [1, 2, 3, 4, 5, 6].map((n) => html`<li>${t(`home.signs.${n}`)}</li>`);
  return layout(
    page,
    t('home.title'),
    html`<h1>${t('home.title')}</h1>
<p class="lead">${t('home.lead')}</p>
<p><a class="button primary" href="${link(page, '/report')}">${t('home.report')}</a></p>
<p class="hint">${t('home.reportHint')}</p>
<p><a href="${link(page, '/follow-up')}">${t('home.followUp')}</a></p>
<section aria-labelledby="signs"><h2 id="signs">${t('home.signs.title')}</h2><ul class="signs">${signs}</ul></section>
<section aria-labelledby="help"><h2 id="help">${t('home.help.title')}</h2><p>${t('home.help.text')}</p><p><a href="${link(page, '/get-help')}">${t('home.help.link')}</a></p></section>`,
  );
}
