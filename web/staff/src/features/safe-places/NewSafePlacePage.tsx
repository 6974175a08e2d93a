import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page.tsx';
import { fromApiError, type FormErrors } from '../../components/form/formErrors.ts';
import { bodyOf, SAFE_PLACE_FIELDS, SafePlaceForm } from './SafePlaceForm.tsx';
import { useSaveSafePlace } from './safePlacesApi.ts';
import './safePlaces.css';

export function NewSafePlacePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const save = useSaveSafePlace();
  const [errors, setErrors] = useState<FormErrors | null>(null);
  return (
    <Page back={{ to: '/safe-places', label: t('safePlaces.backToList') }} title={t('safePlaces.newTitle')} width="narrow">
      <SafePlaceForm
        busy={save.isPending}
        errors={errors}
        onErrors={setErrors}
        submitLabel={t('safePlaces.create')}
        onSubmit={(draft) =>
          save.mutate(
            { body: bodyOf(draft) },
            {
              onSuccess: (place) => navigate(`/safe-places/${place.id}`, { state: { notice: 'created' } }),
              onError: (error) => setErrors(fromApiError(t, error, SAFE_PLACE_FIELDS)),
            },
          )
        }
      />
    </Page>
  );
}
