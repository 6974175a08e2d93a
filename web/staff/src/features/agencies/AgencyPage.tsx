import { useState } from 'react';
import { useLocation, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Agency } from '../../api/types.ts';
import { Page } from '../../components/Page.tsx';
import { Loading, LoadError } from '../../components/Loading.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { describeError, fromApiError, type FormErrors } from '../../components/form/formErrors.ts';
import { useMeta } from '../meta/useMeta.ts';
import { AGENCY_FIELDS, AgencyForm } from './AgencyForm.tsx';
import { changesBody, useAgency, useSaveAgency } from './agenciesApi.ts';

export function AgencyPage() {
  const { t } = useTranslation();
  const { agencyId = '' } = useParams();
  const agency = useAgency(agencyId);
  const meta = useMeta();

  return (
    <Page back={{ to: '/agencies', label: t('agencies.backToList') }} title={agency.data?.name ?? t('agencies.agency')} width="narrow">
      {(agency.isPending || meta.isPending) && <Loading />}
      {agency.isError && <LoadError error={agency.error} />}
      {meta.isError && <LoadError error={meta.error} />}
      {agency.data && meta.data && <AgencyEditor key={agency.data.id} agency={agency.data} agencyTypes={meta.data.agencyTypes} />}
    </Page>
  );
}

function AgencyEditor({ agency, agencyTypes }: { agency: Agency; agencyTypes: string[] }) {
  const { t } = useTranslation();
  const location = useLocation();
  const save = useSaveAgency();
  const toggle = useSaveAgency();
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const [status, setStatus] = useState<string | null>((location.state as { notice?: string } | null)?.notice === 'created' ? t('agencies.created') : null);
  const [toggleError, setToggleError] = useState<string | null>(null);

  const setActive = (isActive: boolean) => {
    setStatus(null);
    setToggleError(null);
    toggle.mutate(
      { id: agency.id, body: { isActive } },
      {
        onSuccess: () => setStatus(isActive ? t('agencies.activated') : t('agencies.deactivated')),
        onError: (error) => setToggleError(describeError(t, error)),
      },
    );
  };

  return (
    <>
      <StatusMessage message={status} />
      <AgencyForm
        agency={agency}
        agencyTypes={agencyTypes}
        busy={save.isPending}
        errors={errors}
        onErrors={setErrors}
        submitLabel={t('common.saveChanges')}
        onSubmit={(input) => {
          setStatus(null);
          const body = changesBody(agency, input);
          if (Object.keys(body).length === 0) return setStatus(t('common.noChanges'));
          save.mutate(
            { id: agency.id, body },
            { onSuccess: () => setStatus(t('common.saved')), onError: (error) => setErrors(fromApiError(t, error, AGENCY_FIELDS)) },
          );
        }}
      />
      <section className="card" aria-labelledby="agency-status-heading">
        <h2 id="agency-status-heading">{t('agencies.status')}</h2>
        <p>
          <span className={agency.isActive ? 'badge badge-ok' : 'badge badge-off'}>{agency.isActive ? t('agencies.active') : t('agencies.inactive')}</span>
        </p>
        <p>{agency.isActive ? t('agencies.deactivateExplain') : t('agencies.activateExplain')}</p>
        {toggleError && (
          <div className="form-alert" role="alert">
            {toggleError}
          </div>
        )}
        <button type="button" className={agency.isActive ? 'button button-danger' : 'button button-primary'} onClick={() => setActive(!agency.isActive)}>
          {agency.isActive ? t('agencies.deactivate') : t('agencies.activate')}
        </button>
      </section>
    </>
  );
}
