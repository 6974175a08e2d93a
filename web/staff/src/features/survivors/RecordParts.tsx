import { useTranslation } from 'react-i18next';
import { Fact } from './Fact.tsx';
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
            <Fact term={t('survivors.fields.names')}>{orDash(identity.names)}</Fact>
            <Fact term={t('survivors.fields.aliases')}>{orDash(identity.aliases)}</Fact>
            <Fact term={t('survivors.fields.birthDate')}>{identity.birthDate ? formatDate(`${identity.birthDate}T12:00:00`) : '—'}</Fact>
          </>
        )}
        {facts && (
          <>
            <Fact term={t('survivors.fields.age')}>{facts.ageAtIdentification === null ? '—' : t(facts.ageBasis === 'estimated' ? 'survivors.ageEstimated' : 'survivors.ageYears', { age: facts.ageAtIdentification })}</Fact>
            <Fact term={t('survivors.fields.gender')}>{facts.gender ? genderLabel(t, facts.gender) : '—'}</Fact>
            <Fact term={t('survivors.fields.language')}>{facts.primaryLanguage ?? '—'}</Fact>
            <Fact term={t('survivors.fields.traffickingType')}>{t(`survivors.traffickingTypes.${facts.traffickingType}`, { defaultValue: facts.traffickingType })}</Fact>
            <Fact term={t('survivors.fields.identifiedOn')}>{formatDate(facts.identifiedAt)}</Fact>
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
        <Fact term={t('survivors.fields.phones')}>{orDash(contact.phones)}</Fact>
        <Fact term={t('survivors.fields.emails')}>{orDash(contact.emails)}</Fact>
        <Fact term={t('survivors.fields.addresses')}>{orDash(contact.addresses)}</Fact>
        <Fact term={t('survivors.fields.safeToContact')}>{contact.safeToContact ?? '—'}</Fact>
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
