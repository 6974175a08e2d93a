import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page.tsx';
import { Loading, LoadError } from '../../components/Loading.tsx';
import { fromApiError, type FormErrors } from '../../components/form/formErrors.ts';
import { hasAnyPermission, useSignedInUser } from '../auth/session.ts';
import { PROVIDER_FIELDS, ProviderForm } from './ProviderForm.tsx';
import { DIRECTORY_PERMISSIONS } from './directoryAbilities.ts';
import { useProvider, useSaveProvider } from './directoryApi.ts';

/** A new entry (directory keepers), or the changes to one (its keepers, or the agency that runs it). */
export function ProviderEditorPage() {
  const { providerId } = useParams();
  return providerId ? <EditProvider providerId={providerId} /> : <NewProvider />;
}

function NewProvider() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useSignedInUser();
  const save = useSaveProvider(null);
  const [errors, setErrors] = useState<FormErrors | null>(null);
  return (
    <Page back={{ to: '/directory/providers', label: t('directory.detail.back') }} title={t('directory.editor.newTitle')} width="narrow">
      <ProviderForm
        canLink={hasAnyPermission(me, ...DIRECTORY_PERMISSIONS.keep)}
        busy={save.isPending}
        errors={errors}
        onErrors={setErrors}
        submitLabel={t('directory.editor.create')}
        onSubmit={(input) =>
          save.mutate(input, {
            onSuccess: (provider) => navigate(`/directory/providers/${provider.id}`, { state: { notice: 'created' } }),
            onError: (error) => setErrors(fromApiError(t, error, PROVIDER_FIELDS)),
          })
        }
      />
    </Page>
  );
}

function EditProvider({ providerId }: { providerId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const provider = useProvider(providerId);
  const save = useSaveProvider(providerId);
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const data = provider.data;
  return (
    <Page back={{ to: `/directory/providers/${providerId}`, label: t('directory.editor.backToEntry') }} title={data ? t('directory.editor.editTitle', { name: data.name }) : t('directory.detail.title')} width="narrow">
      {provider.isPending && <Loading />}
      {provider.isError && <LoadError error={provider.error} />}
      {data && !data.abilities.edit && <p className="notice">{t('directory.editor.notYours')}</p>}
      {data?.abilities.edit && (
        <ProviderForm
          provider={data}
          canLink={data.abilities.link}
          busy={save.isPending}
          errors={errors}
          onErrors={setErrors}
          submitLabel={t('common.saveChanges')}
          onSubmit={(input) =>
            save.mutate(input, {
              onSuccess: () => navigate(`/directory/providers/${providerId}`, { state: { notice: 'saved' } }),
              onError: (error) => setErrors(fromApiError(t, error, PROVIDER_FIELDS)),
            })
          }
        />
      )}
    </Page>
  );
}
