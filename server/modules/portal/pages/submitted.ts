import { html } from '../html.ts';
import { layout, link, type PageContext } from '../layout.ts';
import type { NotKept } from '../upload-admission.ts';
import { filesNotKeptNotice } from './files-not-kept.ts';

export function submittedPage(page: PageContext, options: { receipt: string | null; duplicate: boolean; urgent: boolean; cleaned?: boolean; notKept?: readonly NotKept[] }): string {
  const { t } = page;
  if (!options.receipt && options.duplicate) {
    return layout(
      page,
      t('submitted.title'),
      html`<h1>${t('submitted.title')}</h1>
${options.urgent ? html`<div class="alert urgent" role="alert"><h2>${t('submitted.dangerTitle')}</h2><p>${t('submitted.dangerText', { number: page.config.emergencyNumber })}</p></div>` : ''}
<p class="alert">${t('submitted.resent')}</p>
<p><a href="${link(page, '/follow-up')}">${t('submitted.followUp')}</a></p>`,
    );
  }
  if (!options.receipt) {
    // Shown when the honeypot was filled: nothing was stored, and a bot learns nothing.
    return layout(page, t('submitted.honeypot'), html`<h1>${t('submitted.honeypot')}</h1>`);
  }
  return layout(
    page,
    t('submitted.title'),
    html`<h1>${t('submitted.title')}</h1>
${options.urgent ? html`<div class="alert urgent" role="alert"><h2>${t('submitted.dangerTitle')}</h2><p>${t('submitted.dangerText', { number: page.config.emergencyNumber })}</p></div>` : ''}
${options.duplicate ? html`<p class="alert">${t('submitted.duplicate')}</p>` : ''}
${options.cleaned ? html`<p class="alert">${t('submitted.cleaned')}</p>` : ''}
${filesNotKeptNotice(page, options.notKept)}
<section class="receipt" aria-labelledby="receipt-title"><h2 id="receipt-title">${t('submitted.receipt')}</h2>
<p class="receipt-code" id="receipt"><output>${options.receipt}</output></p>
<p>${t('submitted.receiptHint')}</p></section>
<p><a href="${link(page, '/follow-up')}">${t('submitted.followUp')}</a></p>`,
  );
}
