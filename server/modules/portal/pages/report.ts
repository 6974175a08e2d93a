import type { FieldProblem } from '../../../platform/errors.ts';
import { html, type Html } from '../html.ts';
import { layout, link, type PageContext } from '../layout.ts';
import { PERSON_ROWS, VEHICLE_ROWS, type FormValues } from '../report-form.ts';
import { CONCERN_TYPES, HEARD_VIA } from '../../tips/tips.schema.ts';

interface ReportPageOptions {
  submissionId: string;
  values?: FormValues;
  problems?: FieldProblem[];
}

/** The report form: plain HTML that works with scripts off; every field but the first is optional. */
export function reportPage(page: PageContext, options: ReportPageOptions): string {
  const { t } = page;
  const v = options.values ?? {};
  const problems = options.problems ?? [];
  const errorOf = (name: string) => problems.find((p) => p.path === name)?.message;
  const describedBy = (name: string, hint?: string) => {
    const ids = [hint, errorOf(name) ? `${name}-error` : undefined].filter(Boolean).join(' ');
    return ids ? html` aria-describedby="${ids}"` : '';
  };
  const error = (name: string): Html | '' => (errorOf(name) ? html`<p class="field-error" id="${name}-error">${errorOf(name)}</p>` : '');
  const input = (name: string, label: string, attrs: Html | '' = '', hint?: string) =>
    html`<div class="field"><label for="${name}">${label}</label>${hint ? html`<p class="hint" id="${name}-hint">${hint}</p>` : ''}${error(name)}<input id="${name}" name="${name}" value="${v[name] ?? ''}"${attrs}${describedBy(name, hint ? `${name}-hint` : undefined)}${errorOf(name) ? html` aria-invalid="true"` : ''}></div>`;
  const textarea = (name: string, label: string, rows: number, hint?: string) =>
    html`<div class="field"><label for="${name}">${label}</label>${hint ? html`<p class="hint" id="${name}-hint">${hint}</p>` : ''}${error(name)}<textarea id="${name}" name="${name}" rows="${rows}"${describedBy(name, hint ? `${name}-hint` : undefined)}>${v[name] ?? ''}</textarea></div>`;
  const radio = (name: string, value: string, label: string, checked = v[name] === value) =>
    html`<label class="choice"><input type="radio" name="${name}" value="${value}"${checked ? html` checked` : ''}> ${label}</label>`;

  const summary = problems.length
    ? html`<div class="alert error" role="alert" tabindex="-1" id="problems"><h2>${t('report.errors.title')}</h2><ul>${problems.map((p) => html`<li><a href="#${p.path}">${p.message}</a></li>`)}</ul><p>${t('report.errors.kept')}</p></div>`
    : '';

  return layout(
    page,
    t('report.title'),
    html`<h1>${t('report.title')}</h1>
${summary}
<p>${t('report.intro')}</p>
<p class="alert">${t('report.dangerNote', { number: page.config.emergencyNumber })}</p>
<form method="post" action="${link(page, '/report')}" enctype="multipart/form-data" novalidate>
<input type="hidden" name="sid" value="${options.submissionId}">
<input type="hidden" name="lang" value="${page.locale}">
${page.campaign ? html`<input type="hidden" name="c" value="${page.campaign}">` : ''}
<fieldset id="concern"${errorOf('concern') ? html` aria-describedby="concern-error"` : ''}><legend>${t('report.concern.legend')} <span class="required">*</span></legend>${error('concern')}
${CONCERN_TYPES.map((c) => radio('concern', c, t(`report.concern.${c}`)))}</fieldset>
<fieldset><legend>${t('report.what.legend')}</legend>${textarea('narrative', t('report.narrative'), 6, t('report.narrativeHint'))}</fieldset>
<fieldset><legend>${t('report.danger.legend')}</legend>${radio('danger', 'yes', t('report.danger.yes'))}${radio('danger', 'no', t('report.danger.no'))}</fieldset>
<fieldset><legend>${t('report.where.legend')}</legend>
${input('address', t('report.address'), html` autocomplete="off"`)}${input('city', t('report.city'), html` autocomplete="off"`)}
${input('zip', t('report.zip'), html` inputmode="numeric" autocomplete="off" maxlength="10"`)}${input('business', t('report.business'))}</fieldset>
<fieldset><legend>${t('report.when.legend')}</legend>${input('occurred_on', t('report.occurredOn'), html` type="date"`)}${input('occurred_text', t('report.occurredText'))}</fieldset>
<fieldset><legend>${t('report.people.legend')}</legend><p class="hint">${t('report.people.hint')}</p>
${Array.from({ length: PERSON_ROWS }, (_, i) => html`<div class="row">${input(`p${i + 1}_desc`, t('report.person.description', { n: i + 1 }))}${input(`p${i + 1}_age`, t('report.person.age', { n: i + 1 }), html` inputmode="numeric" maxlength="3"`)}</div>`)}</fieldset>
<fieldset><legend>${t('report.vehicles.legend')}</legend>
${Array.from({ length: VEHICLE_ROWS }, (_, i) => html`<div class="row">${input(`v${i + 1}_plate`, t('report.vehicle.plate', { n: i + 1 }), html` autocomplete="off" maxlength="12"`)}${input(`v${i + 1}_state`, t('report.vehicle.state', { n: i + 1 }), html` maxlength="2"`)}${input(`v${i + 1}_desc`, t('report.vehicle.description', { n: i + 1 }))}</div>`)}</fieldset>
<fieldset><legend>${t('report.contacts.legend')}</legend>${textarea('phones', t('report.phones'), 2)}${textarea('emails', t('report.emails'), 2)}${textarea('online', t('report.online'), 3)}</fieldset>
<fieldset><legend>${t('report.files.legend')}</legend><div class="field"><label for="files">${t('report.files')}</label><p class="hint" id="files-hint">${t('report.filesHint')}</p>${error('files')}
<input type="file" id="files" name="files" multiple accept="image/jpeg,image/png,image/webp,application/pdf" aria-describedby="files-hint"></div></fieldset>
<div class="field box"><label for="heard">${t('report.heard.legend')}</label><select id="heard" name="heard"><option value="">${t('report.heard.none')}</option>
${HEARD_VIA.map((h) => html`<option value="${h}"${v.heard === h ? html` selected` : ''}>${t(`report.heard.${h}`)}</option>`)}</select></div>
<fieldset class="contact"><legend>${t('report.contact.legend')}</legend>
${radio('contact_choice', 'anonymous', t('report.contact.anonymous'), v.contact_choice !== 'share')}
${radio('contact_choice', 'share', t('report.contact.share'))}
<div class="contact-fields"><p class="hint">${t('report.contact.hint')}</p>
${input('contact_name', t('report.contact.name'), html` autocomplete="off"`)}${input('contact_phone', t('report.contact.phone'), html` type="tel" autocomplete="off"`)}
${input('contact_email', t('report.contact.email'), html` type="email" autocomplete="off"`)}${input('contact_safe', t('report.contact.safeTimes'))}</div></fieldset>
<div class="hp" aria-hidden="true"><label for="website">${t('report.honeypot')}</label><input id="website" name="website" tabindex="-1" autocomplete="off"></div>
<p><button type="submit" class="primary">${t('report.submit')}</button></p>
</form>`,
  );
}
