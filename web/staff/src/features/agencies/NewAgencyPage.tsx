import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page.tsx';
import { Loading, LoadError } from '../../components/Loading.tsx';
import { fromApiError, type FormErrors } from '../../components/form/formErrors.ts';
import { useMeta } from '../meta/useMeta.ts';
import { AGENCY_FIELDS, AgencyForm } from './AgencyForm.tsx';
import { createBody, useSaveAgency } from './agenciesApi.ts';

export function NewAgencyPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const meta = useMeta();
  const save = useSaveAgency();
  const [errors, setErrors] = useState<FormErrors | null>(null);

  return (
    <Page back={{ to: '/agencies', label: t('agencies.backToList') }} title={t('agencies.newTitle')} width="narrow">
      {meta.isPending && <Loading />}
      {meta.isError && <LoadError error={meta.error} />}
      {meta.data && (
        <AgencyForm
          agencyTypes={meta.data.agencyTypes}
          busy={save.isPending}
          errors={errors}
          onErrors={setErrors}
          submitLabel={t('agencies.create')}
          onSubmit={(input) =>
            save.mutate(
              { body: createBody(input) },
              {
                onSuccess: (agency) => navigate(`/agencies/${agency.id}`, { state: { notice: 'created' } }),
                onError: (error) => setErrors(fromApiError(t, error, AGENCY_FIELDS)),
              },
            )
          }
        />
      )}
    </Page>
  );
}
