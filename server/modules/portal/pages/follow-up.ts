import { html } from '../html.ts';
import { layout, link, type PageContext } from '../layout.ts';
import type { ReporterView } from '../../tips/tips.followup.ts';
import type { NotKept } from '../upload-admission.ts';
import { filesNotKeptNotice } from './files-not-kept.ts';

/** Asks for the receipt. The receipt is always sent by POST, so it never sits in a URL or browser history. */
export function followUpPage(page: PageContext, options: { problem?: string; receipt?: string } = {}): string {
  const { t } = page;
  return layout(
    page,
    t('followUp.title'),
    html`<h1>${t('followUp.title')}</h1>
${options.problem ? html`<p class="alert error" role="alert" id="receipt-error">${options.problem}</p>` : ''}
<p>${t('followUp.intro')}</p>
<form method="post" action="${link(page, '/follow-up')}">
<input type="hidden" name="lang" value="${page.locale}">
<div class="field"><label for="receipt">${t('followUp.receipt')}</label><p class="hint" id="receipt-hint">${t('followUp.receiptHint')}</p>
<input id="receipt" name="receipt" value="${options.receipt ?? ''}" autocomplete="off" autocapitalize="characters" spellcheck="false" maxlength="40" aria-describedby="receipt-hint${options.problem ? ' receipt-error' : ''}"${options.problem ? html` aria-invalid="true"` : ''}></div>
<p><button type="submit" class="primary">${t('followUp.submit')}</button></p>
</form>`,
  );
}

export function reporterThreadPage(page: PageContext, view: ReporterView, options: { sent?: boolean; problem?: string; notKept?: readonly NotKept[] } = {}): string {
  const { t } = page;
  const when = (iso: string) => new Intl.DateTimeFormat(page.locale === 'es' ? 'es-US' : 'en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(iso));
  return layout(
    page,
    t('followUp.title'),
    html`<h1>${t('followUp.title')}</h1>
${options.sent ? html`<p class="alert success" role="status">${t('followUp.sent')}</p>` : ''}
${filesNotKeptNotice(page, options.notKept)}
${options.problem ? html`<p class="alert error" role="alert">${options.problem}</p>` : ''}
<dl class="status"><dt>${t('followUp.status')}</dt><dd><strong>${t(`followUp.status.${view.status}`)}</strong></dd><dt class="sr-only">${t('followUp.receivedOn', { date: '' })}</dt><dd>${t('followUp.receivedOn', { date: new Intl.DateTimeFormat(page.locale === 'es' ? 'es-US' : 'en-US', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${view.receivedOn}T12:00:00Z`)) })}</dd></dl>
<section aria-labelledby="messages"><h2 id="messages">${t('followUp.messages')}</h2>
${view.messages.length === 0 ? html`<p>${t('followUp.noMessages')}</p>` : html`<ol class="thread">${view.messages.map((m) => html`<li class="msg ${m.from}"><p class="meta">${t(`followUp.from.${m.from}`)} · <time datetime="${m.at}">${when(m.at)} UTC</time></p><p class="body">${m.body}</p>${m.attachments ? html`<p class="meta">${t('followUp.attachments', { count: m.attachments })}</p>` : ''}</li>`)}</ol>`}
</section>
<section aria-labelledby="reply-title"><h2 id="reply-title">${t('followUp.reply')}</h2>
<form method="post" action="${link(page, '/follow-up/reply')}" enctype="multipart/form-data">
<input type="hidden" name="receipt" value="${view.receipt}">
<input type="hidden" name="lang" value="${page.locale}">
<div class="field"><label for="message">${t('followUp.message')}</label><textarea id="message" name="message" rows="5"></textarea></div>
<div class="field"><label for="files">${t('followUp.replyFiles')}</label><input type="file" id="files" name="files" multiple accept="image/jpeg,image/png,image/webp,application/pdf"></div>
<p><button type="submit" class="primary">${t('followUp.send')}</button></p>
</form></section>`,
  );
}
