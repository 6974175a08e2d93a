import { useState } from 'react';
import { useLocation, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page.tsx';
import { Loading, LoadError } from '../../components/Loading.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { describeError, fromApiError, type FormErrors } from '../../components/form/formErrors.ts';
import { formatDate } from '../../components/format.ts';
import { hasAnyPermission, PERMISSIONS, useSignedInUser } from '../auth/session.ts';
import { bodyOf, draftOf, SAFE_PLACE_FIELDS, SafePlaceForm } from './SafePlaceForm.tsx';
import { dayLabel, kindLabel, openNowLabel } from './safePlaceLabels.ts';
import { useSafePlace, useSaveSafePlace, WEEKDAYS, type SafePlace } from './safePlacesApi.ts';
import './safePlaces.css';

export function SafePlacePage() {
  const { t } = useTranslation();
  const { placeId = '' } = useParams();
  const place = useSafePlace(placeId);
  const me = useSignedInUser();
  const canManage = hasAnyPermission(me, ...PERMISSIONS.manageSafePlaces);
  return (
    <Page back={{ to: '/safe-places', label: t('safePlaces.backToList') }} title={place.data?.name ?? t('safePlaces.place')} width="narrow">
      {place.isPending && <Loading />}
      {place.isError && <LoadError error={place.error} />}
      {place.data && (canManage ? <SafePlaceEditor key={place.data.updatedAt} place={place.data} /> : <SafePlaceDetails place={place.data} />)}
    </Page>
  );
}

/** Only what changed is sent. */
function changes(place: SafePlace, body: Record<string, unknown>): Record<string, unknown> {
  const before = bodyOf(draftOf(place)) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(body).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(before[key])));
}

function SafePlaceEditor({ place }: { place: SafePlace }) {
  const { t } = useTranslation();
  const location = useLocation();
  const save = useSaveSafePlace();
  const toggle = useSaveSafePlace();
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const [status, setStatus] = useState<string | null>((location.state as { notice?: string } | null)?.notice === 'created' ? t('safePlaces.created') : null);
  const [toggleError, setToggleError] = useState<string | null>(null);

  const setActive = (isActive: boolean) => {
    setStatus(null);
    setToggleError(null);
    toggle.mutate({ id: place.id, body: { isActive } }, { onError: (error) => setToggleError(describeError(t, error)) });
  };

  return (
    <>
      <StatusMessage message={status} />
      <p>
        <span className={place.openNow.isOpen ? 'badge badge-ok' : 'badge badge-off'}>{openNowLabel(t, place.openNow)}</span> <span className="muted">{t('safePlaces.inZone', { zone: place.timeZone })}</span>
      </p>
      <SafePlaceForm
        place={place}
        busy={save.isPending}
        errors={errors}
        onErrors={setErrors}
        submitLabel={t('common.saveChanges')}
        onSubmit={(draft) => {
          setStatus(null);
          const body = changes(place, bodyOf(draft));
          if (Object.keys(body).length === 0) return setStatus(t('common.noChanges'));
          save.mutate({ id: place.id, body }, { onSuccess: () => setStatus(t('common.saved')), onError: (error) => setErrors(fromApiError(t, error, SAFE_PLACE_FIELDS)) });
        }}
      />
      <section className="card" aria-labelledby="place-status-heading">
        <h2 id="place-status-heading">{t('safePlaces.status')}</h2>
        <p>
          <span className={place.isActive ? 'badge badge-ok' : 'badge badge-off'}>{place.isActive ? t('safePlaces.active') : t('safePlaces.inactive')}</span>
        </p>
        <p>{place.isActive ? t('safePlaces.deactivateExplain') : t('safePlaces.activateExplain')}</p>
        {toggleError && (
          <div className="form-alert" role="alert">
            {toggleError}
          </div>
        )}
        <button type="button" className={place.isActive ? 'button button-danger' : 'button button-primary'} onClick={() => setActive(!place.isActive)}>
          {place.isActive ? t('safePlaces.deactivate') : t('safePlaces.activate')}
        </button>
      </section>
    </>
  );
}

/** What people who do not keep Safe Places see: everything, read-only. */
function SafePlaceDetails({ place }: { place: SafePlace }) {
  const { t } = useTranslation();
  const row = (label: string, value: string | null) => (
    <div key={label}>
      <dt>{label}</dt>
      <dd>{value || <span className="muted">{t('safePlaces.notGiven')}</span>}</dd>
    </div>
  );
  return (
    <section className="card">
      <p>
        <span className={place.openNow.isOpen ? 'badge badge-ok' : 'badge badge-off'}>{openNowLabel(t, place.openNow)}</span>
      </p>
      <dl className="details">
        {row(t('safePlaces.fields.kind'), kindLabel(t, place.kind))}
        {row(t('safePlaces.fields.address'), `${place.address}, ${place.city}, ${place.state} ${place.zip}`)}
        {row(t('safePlaces.fields.publicPhone'), place.publicPhone)}
        {row(t('safePlaces.fields.publicNote'), place.publicNote)}
        {row(t('safePlaces.fields.contactName'), place.contactName)}
        {row(t('safePlaces.fields.contactPhone'), place.contactPhone)}
        {row(t('safePlaces.fields.staffLastTrainedOn'), place.staffLastTrainedOn ? formatDate(`${place.staffLastTrainedOn}T12:00:00Z`) : null)}
        {row(t('safePlaces.fields.timeZone'), place.timeZone)}
        {row(t('safePlaces.status'), place.isActive ? t('safePlaces.active') : t('safePlaces.inactive'))}
      </dl>
      <h2>{t('safePlaces.form.hours')}</h2>
      {place.hours.alwaysOpen ? (
        <p>{t('safePlaces.form.alwaysOpen')}</p>
      ) : (
        <dl className="details">
          {WEEKDAYS.map((day) => row(dayLabel(t, day), place.hours.days[day].map((p) => `${p.opens}–${p.closes}`).join(', ') || t('safePlaces.closedDay')))}
        </dl>
      )}
    </section>
  );
}
