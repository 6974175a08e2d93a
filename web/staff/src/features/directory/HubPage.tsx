import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { Page } from '../../components/Page.tsx';
import { Loading, LoadError } from '../../components/Loading.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { CheckboxGroup } from '../../components/form/CheckboxGroup.tsx';
import { FormAlert } from '../../components/form/FormAlert.tsx';
import { SelectField } from '../../components/form/SelectField.tsx';
import { SubmitButton } from '../../components/form/SubmitButton.tsx';
import { TextField } from '../../components/form/TextField.tsx';
import { describeError, fromApiError, fromFieldProblems, type FormErrors } from '../../components/form/formErrors.ts';
import { NotFoundPage } from '../layout/NotFoundPage.tsx';
import { DirectoryNav } from './DirectoryNav.tsx';
import { HUB_FIELDS, HubForm } from './HubForm.tsx';
import { dayLabel, serviceTypeLabel } from './directoryLabels.ts';
import { useAddHubSession, useHub, useProviders, useRemoveHubSession, useSaveHub } from './directoryApi.ts';
import { WEEKDAYS, type HubDetail } from './directoryTypes.ts';

export function HubPage() {
  const { hubId = '' } = useParams();
  return <HubView key={hubId} hubId={hubId} />;
}

function HubView({ hubId }: { hubId: string }) {
  const { t } = useTranslation();
  const hub = useHub(hubId);
  const [editing, setEditing] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  if (hub.error instanceof ApiError && hub.error.status === 404) return <NotFoundPage />;
  const data = hub.data;
  return (
    <Page back={{ to: '/directory/hubs', label: t('directory.hubs.back') }} title={data ? data.name : t('directory.hubs.title')} lead={data?.description ?? undefined}>
      <DirectoryNav />
      <StatusMessage message={status} />
      {hub.isPending && <Loading />}
      {hub.isError && <LoadError error={hub.error} />}
      {data && (
        <div className="detail-layout">
          <div className="detail-main">
            <Schedule hub={data} onRemoved={setStatus} />
            {data.canManage && <AddSession hub={data} onAdded={setStatus} />}
          </div>
          <div className="detail-side">
            <section className="card" aria-labelledby="hub-place-heading">
              <h2 id="hub-place-heading">{t('directory.hubs.place')}</h2>
              <dl className="details details-stacked">
                <div>
                  <dt>{t('directory.fields.address')}</dt>
                  <dd>{[data.address1, data.address2, [data.city, data.state, data.postalCode].filter(Boolean).join(' ')].filter(Boolean).join(', ') || <span className="muted">{t('directory.notGiven')}</span>}</dd>
                </div>
                <div>
                  <dt>{t('directory.fields.area')}</dt>
                  <dd>{data.area ?? <span className="muted">{t('directory.notGiven')}</span>}</dd>
                </div>
                <div>
                  <dt>{t('directory.fields.phone')}</dt>
                  <dd>{data.phone ?? <span className="muted">{t('directory.notGiven')}</span>}</dd>
                </div>
                {data.hoursNotes && (
                  <div>
                    <dt>{t('directory.fields.hoursNotes')}</dt>
                    <dd>{data.hoursNotes}</dd>
                  </div>
                )}
              </dl>
            </section>
            {data.canManage &&
              (editing ? (
                <EditHub hub={data} onDone={(message) => { setEditing(false); setStatus(message); }} />
              ) : (
                <p>
                  <button type="button" className="button button-secondary" onClick={() => setEditing(true)}>
                    {t('directory.hubs.edit')}
                  </button>
                </p>
              ))}
          </div>
        </div>
      )}
    </Page>
  );
}

function EditHub({ hub, onDone }: { hub: HubDetail; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const save = useSaveHub(hub.id);
  const [errors, setErrors] = useState<FormErrors | null>(null);
  return (
    <section aria-labelledby="edit-hub-heading">
      <h2 id="edit-hub-heading">{t('directory.hubs.edit')}</h2>
      <HubForm hub={hub} busy={save.isPending} errors={errors} onErrors={setErrors} submitLabel={t('common.saveChanges')} onSubmit={(input) => save.mutate(input, { onSuccess: () => onDone(t('common.saved')), onError: (error) => setErrors(fromApiError(t, error, HUB_FIELDS)) })} />
    </section>
  );
}

/** Who is at the hub when, open now first in mind: a referrer sends someone on the right day. */
function Schedule({ hub, onRemoved }: { hub: HubDetail; onRemoved: (message: string) => void }) {
  const { t } = useTranslation();
  const remove = useRemoveHubSession(hub.id);
  const [error, setError] = useState<string | null>(null);
  return (
    <section className="card" aria-labelledby="hub-schedule-heading">
      <h2 id="hub-schedule-heading">{t('directory.hubs.schedule')}</h2>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {hub.sessions.length === 0 ? (
        <p className="muted">{t('directory.hubs.noSessions')}</p>
      ) : (
        <ScrollRegion label={t('directory.hubs.scheduleCaption', { name: hub.name })}>
          <table className="table table-compact">
            <caption className="visually-hidden">{t('directory.hubs.scheduleCaption', { name: hub.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('directory.fields.provider')}</th>
                <th scope="col">{t('directory.fields.service')}</th>
                <th scope="col">{t('directory.hubs.when')}</th>
                {hub.canManage && <th scope="col">{t('directory.hubs.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {hub.sessions.map((s) => (
                <tr key={s.id}>
                  <th scope="row">
                    <Link to={`/directory/providers/${s.provider.id}`}>{s.provider.name}</Link>
                    <div className="muted small">{s.provider.organizationName}</div>
                  </th>
                  <td>{serviceTypeLabel(t, s.serviceType)}</td>
                  <td>
                    {s.days.map((d) => dayLabel(t, d)).join(', ')} {s.opens}–{s.closes}
                    {s.openNow && (
                      <div>
                        <span className="badge badge-ok">{t('directory.hubs.thereNow')}</span>
                      </div>
                    )}
                    {s.notes && <div className="small">{s.notes}</div>}
                  </td>
                  {hub.canManage && (
                    <td>
                      <button
                        type="button"
                        className="button button-secondary button-small"
                        aria-disabled={remove.isPending || undefined}
                        onClick={() => !remove.isPending && remove.mutate(s.id, { onSuccess: () => onRemoved(t('directory.hubs.removed')), onError: (failure) => setError(describeError(t, failure)) })}
                      >
                        {t('directory.hubs.remove')}
                        <span className="visually-hidden"> {t('directory.hubs.removeWhat', { provider: s.provider.name, service: serviceTypeLabel(t, s.serviceType) })}</span>
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}

const SESSION_FIELDS = ['body.providerId', 'body.serviceType', 'body.days', 'body.opens', 'body.closes', 'body.notes'];

function AddSession({ hub, onAdded }: { hub: HubDetail; onAdded: (message: string) => void }) {
  const { t } = useTranslation();
  const providers = useProviders({ q: '', serviceType: '', status: '', mine: '' });
  const add = useAddHubSession(hub.id);
  const [providerId, setProviderId] = useState('');
  const [serviceType, setServiceType] = useState('');
  const [days, setDays] = useState<string[]>([]);
  const [opens, setOpens] = useState('09:00');
  const [closes, setCloses] = useState('12:00');
  const [notes, setNotes] = useState('');
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const provider = providers.data?.find((p) => p.id === providerId);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (add.isPending) return;
    const problems = fromFieldProblems(t, {
      'body.providerId': providerId ? undefined : t('directory.hubs.chooseProvider'),
      'body.serviceType': serviceType ? undefined : t('directory.editor.chooseService'),
      'body.days': days.length ? undefined : t('directory.hubs.chooseDays'),
    });
    setErrors(problems);
    if (problems) return;
    add.mutate(
      { providerId, serviceType, days, opens, closes, notes: notes.trim() || null },
      {
        onSuccess: () => {
          setDays([]);
          setNotes('');
          onAdded(t('directory.hubs.added'));
        },
        onError: (error) => setErrors(fromApiError(t, error, SESSION_FIELDS)),
      },
    );
  };

  return (
    <section className="card" aria-labelledby="add-session-heading">
      <h2 id="add-session-heading">{t('directory.hubs.addSession')}</h2>
      <form className="form" noValidate onSubmit={submit}>
        <FormAlert errors={errors} />
        <SelectField
          path="body.providerId"
          label={t('directory.fields.provider')}
          value={providerId}
          onValueChange={(id) => {
            setProviderId(id);
            setServiceType(providers.data?.find((p) => p.id === id)?.serviceTypes[0] ?? '');
          }}
          options={[{ value: '', label: t('directory.hubs.chooseProvider') }, ...(providers.data ?? []).map((p) => ({ value: p.id, label: `${p.name} (${p.organizationName})` }))]}
          error={errors?.fields['body.providerId']}
        />
        <SelectField
          path="body.serviceType"
          label={t('directory.fields.service')}
          value={serviceType}
          onValueChange={setServiceType}
          options={[{ value: '', label: t('directory.hubs.chooseService') }, ...(provider?.serviceTypes ?? []).map((s) => ({ value: s, label: serviceTypeLabel(t, s) }))]}
          error={errors?.fields['body.serviceType']}
        />
        <CheckboxGroup path="body.days" legend={t('directory.hubs.days')} options={WEEKDAYS.map((d) => ({ value: d, label: dayLabel(t, d) }))} selected={days} onSelectedChange={setDays} error={errors?.fields['body.days']} />
        <div className="field-row">
          <TextField path="body.opens" label={t('directory.hubs.opens')} type="time" className="input-short" value={opens} onValueChange={setOpens} error={errors?.fields['body.opens']} />
          <TextField path="body.closes" label={t('directory.hubs.closes')} type="time" className="input-short" value={closes} onValueChange={setCloses} error={errors?.fields['body.closes']} />
        </div>
        <TextField path="body.notes" label={t('directory.hubs.notes')} optional value={notes} onValueChange={setNotes} error={errors?.fields['body.notes']} />
        <div className="button-row">
          <SubmitButton busy={add.isPending} busyLabel={t('common.saving')}>
            {t('directory.hubs.addSession')}
          </SubmitButton>
        </div>
      </form>
    </section>
  );
}
