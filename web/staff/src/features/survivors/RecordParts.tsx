import { useTranslation } from 'react-i18next';
import { formatDate } from '../../components/format.ts';
import { genderLabel } from './survivorLabels.ts';
import type { Survivor } from './survivorTypes.ts';

const orDash = (values: string[]) => (values.length ? values.join(', ') : '—');

/** Names, date of birth and the facts that travel with identity. Absent when the viewer may not read it. */
export function IdentitySection({ survivor }: { survivor: Survivor }) {
  const { t } = useTranslation();
  const { identity, facts } = survivor;
  if (!identity && !facts) return null;
  return (
    <section className="card" aria-labelledby="survivor-identity-heading">
      <h2 id="survivor-identity-heading">{t('survivors.sections.identity')}</h2>
      <dl className="details">
        {identity && (
          <>
            <dt>{t('survivors.fields.names')}</dt>
            <dd>{orDash(identity.names)}</dd>
            <dt>{t('survivors.fields.aliases')}</dt>
            <dd>{orDash(identity.aliases)}</dd>
            <dt>{t('survivors.fields.birthDate')}</dt>
            <dd>{identity.birthDate ? formatDate(`${identity.birthDate}T12:00:00`) : '—'}</dd>
          </>
        )}
        {facts && (
          <>
            <dt>{t('survivors.fields.age')}</dt>
            <dd>{facts.ageAtIdentification === null ? '—' : t(facts.ageBasis === 'estimated' ? 'survivors.ageEstimated' : 'survivors.ageYears', { age: facts.ageAtIdentification })}</dd>
            <dt>{t('survivors.fields.gender')}</dt>
            <dd>{facts.gender ? genderLabel(t, facts.gender) : '—'}</dd>
            <dt>{t('survivors.fields.language')}</dt>
            <dd>{facts.primaryLanguage ?? '—'}</dd>
            <dt>{t('survivors.fields.traffickingType')}</dt>
            <dd>{t(`survivors.traffickingTypes.${facts.traffickingType}`, { defaultValue: facts.traffickingType })}</dd>
            <dt>{t('survivors.fields.identifiedOn')}</dt>
            <dd>{formatDate(facts.identifiedAt)}</dd>
          </>
        )}
      </dl>
    </section>
  );
}

export function ContactSection({ survivor }: { survivor: Survivor }) {
  const { t } = useTranslation();
  const { contact } = survivor;
  if (!contact) return null;
  return (
    <section className="card" aria-labelledby="survivor-contact-heading">
      <h2 id="survivor-contact-heading">{t('survivors.sections.contact')}</h2>
      <dl className="details">
        <dt>{t('survivors.fields.phones')}</dt>
        <dd>{orDash(contact.phones)}</dd>
        <dt>{t('survivors.fields.emails')}</dt>
        <dd>{orDash(contact.emails)}</dd>
        <dt>{t('survivors.fields.addresses')}</dt>
        <dd>{orDash(contact.addresses)}</dd>
        <dt>{t('survivors.fields.safeToContact')}</dt>
        <dd>{contact.safeToContact ?? '—'}</dd>
      </dl>
    </section>
  );
}

export function NarrativeSection({ survivor }: { survivor: Survivor }) {
  const { t } = useTranslation();
  // Own records always show the section, so an empty account reads as empty rather than hidden.
  if (survivor.narrative === null && survivor.access !== 'own') return null;
  return (
    <section className="card" aria-labelledby="survivor-narrative-heading">
      <h2 id="survivor-narrative-heading">{t('survivors.sections.narrative')}</h2>
      {survivor.narrative ? <p className="narrative">{survivor.narrative}</p> : <p className="muted">{t('survivors.noNarrative')}</p>}
    </section>
  );
}
