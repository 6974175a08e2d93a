import type { AppContext } from '../../platform/context.ts';
import { requireAccess, type Actor } from '../../platform/access/access.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { refusedRead } from '../../platform/errors.ts';
import { html } from '../portal/html.ts';
import { inSurvivorScope, loadSurvivorFor, survivorAudit } from '../survivors/survivor-access.ts';
import { openPart, requireKeys } from '../survivors/survivor-keys.ts';
import * as repo from '../survivors/survivors.repo.ts';
import type { IdentityInput } from '../survivors/survivors.schema.ts';

type Lang = 'en' | 'es';

const CATEGORY: Record<Lang, Record<string, string>> = {
  en: { identity: 'who you are: your name, other names, date of birth and ID numbers', contact: 'how to reach you: phone, email and address', needs: 'what you need help with and your service plan', narrative: 'what happened to you, in your own words', services: 'the services you have received' },
  es: { identity: 'quién es usted: su nombre, otros nombres, fecha de nacimiento y números de identificación', contact: 'cómo contactarle: teléfono, correo electrónico y dirección', needs: 'en qué necesita ayuda y su plan de servicios', narrative: 'lo que le pasó, en sus propias palabras', services: 'los servicios que ha recibido' },
};

const T = {
  en: {
    title: 'Permission to share information', intro: 'You decide what we share. This form explains exactly what will be shared, with whom, why and until when.',
    what: 'What will be shared', who: 'Who will receive it', why: 'Why', until: 'For how long', from: 'From', to: 'until',
    rights: [
      'You do not have to sign this form to receive services from us. Saying no will not change the help you get.',
      'You can take back (revoke) this permission at any time, by telling us in person, by phone or in writing. It stops at once.',
      'When this permission ends, the other agency can no longer see your information in Haven.',
      'We will not share anything that is not listed above.',
    ],
    guardian: 'Parent or guardian (for a person under 18)', signature: 'Signature', date: 'Date', name: 'Name', witness: 'Staff member',
  },
  es: {
    title: 'Permiso para compartir información', intro: 'Usted decide qué compartimos. Este formulario explica exactamente qué se compartirá, con quién, por qué y hasta cuándo.',
    what: 'Qué se compartirá', who: 'Quién lo recibirá', why: 'Para qué', until: 'Por cuánto tiempo', from: 'Desde el', to: 'hasta el',
    rights: [
      'No tiene que firmar este formulario para recibir nuestros servicios. Decir que no, no cambia la ayuda que recibe.',
      'Puede retirar (revocar) este permiso en cualquier momento, en persona, por teléfono o por escrito. Se detiene de inmediato.',
      'Cuando este permiso termine, la otra agencia ya no podrá ver su información en Haven.',
      'No compartiremos nada que no esté en la lista de arriba.',
    ],
    guardian: 'Madre, padre o tutor (para una persona menor de 18 años)', signature: 'Firma', date: 'Fecha', name: 'Nombre', witness: 'Miembro del personal',
  },
};

const day = (d: Date, lang: Lang) => new Intl.DateTimeFormat(lang === 'es' ? 'es-US' : 'en-US', { dateStyle: 'long', timeZone: 'UTC' }).format(d);

/** The printable consent form, server-rendered, in English or Spanish: what, with whom, why and until when. */
export async function renderConsentForm(ctx: AppContext, actor: Actor, survivorId: string, consentId: string, lang: Lang): Promise<string> {
  requireAccess(actor, 'manage', 'consent', { agencyId: actor.agencyId });
  return inSurvivorScope(ctx, actor, async (trx) => {
    const { facts } = await loadSurvivorFor(trx, ctx, actor, survivorId, 'manage');
    const consent = (await repo.listConsents(trx, survivorId)).find((c) => c.id === consentId);
    if (!consent) throw refusedRead('The consent', 'consent', consentId);
    const row = (await repo.findSurvivorRow(trx, survivorId))!;
    const keys = await requireKeys(trx, ctx, facts.agency_id, facts.key_version);
    const identity = row.identity_enc ? openPart<IdentityInput>(keys, survivorId, 'identity', row.identity_enc) : null;
    await recordAudit(trx, ctx.keys, { ...survivorAudit(actor, survivorId), action: 'consent.form_printed', details: { consentId, lang } });
    const t = T[lang];
    const line = (label: string) => html`<div class="sign"><span>${label}</span><span class="blank"></span><span>${t.date}</span><span class="blank short"></span></div>`;
    return html`<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${t.title}</title>
<style>body{font:12pt/1.5 Georgia,serif;max-width:44em;margin:2em auto;color:#000}h1{font-size:18pt}h2{font-size:13pt;margin-top:1.4em}
.sign{display:flex;gap:.5em;margin-top:2.2em}.blank{flex:1;border-bottom:1px solid #000}.short{flex:.4}@media print{body{margin:0}}</style></head>
<body><h1>${t.title}</h1><p>${t.intro}</p>
<p><strong>${t.name}:</strong> ${identity?.names[0] ?? ''}</p>
<h2>${t.what}</h2><ul>${consent.categories.map((c) => html`<li>${CATEGORY[lang][c] ?? c}</li>`)}</ul>
<h2>${t.who}</h2><p>${consent.recipient_name}</p>
<h2>${t.why}</h2><p>${consent.purpose}</p>
<h2>${t.until}</h2><p>${t.from} ${day(consent.starts_at, lang)} ${t.to} ${day(consent.expires_at, lang)}.</p>
<ul>${t.rights.map((r) => html`<li>${r}</li>`)}</ul>
${line(`${t.signature} (${t.name})`)}${facts.is_minor ? line(t.guardian) : ''}${line(t.witness)}
</body></html>`.toString();
  });
}
