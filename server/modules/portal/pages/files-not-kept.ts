import { html, type Html } from '../html.ts';
import type { PageContext } from '../layout.ts';
import type { NotKept } from '../upload-admission.ts';

/** Tells the reporter which files were not kept and why, so they know what to send again later. */
export function filesNotKeptNotice(page: PageContext, notKept: readonly NotKept[] = []): Html | '' {
  if (notKept.length === 0) return '';
  const { t } = page;
  return html`<div class="alert" role="status"><p>${t('files.notKept')}</p><ul>${notKept.map((f) => html`<li>${f.name}: ${t(`files.notKept.${f.reason}`)}</li>`)}</ul><p>${t('files.notKept.later')}</p></div>`;
}
