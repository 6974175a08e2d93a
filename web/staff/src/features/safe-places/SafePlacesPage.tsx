import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page.tsx';
import { Loading, LoadError } from '../../components/Loading.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { SelectField } from '../../components/form/SelectField.tsx';
import { TextField } from '../../components/form/TextField.tsx';
import { formatDate } from '../../components/format.ts';
import { hasAnyPermission, PERMISSIONS, useSignedInUser } from '../auth/session.ts';
import { kindLabel, openNowLabel } from './safePlaceLabels.ts';
import { SAFE_PLACE_FILTER_KEYS, SAFE_PLACE_KINDS, useSafePlaces, type SafePlaceFilters } from './safePlacesApi.ts';
import './safePlaces.css';

const filtersFrom = (params: URLSearchParams): SafePlaceFilters => ({ q: params.get('q') ?? '', kind: params.get('kind') ?? '', active: params.get('active') ?? 'true' });

export function SafePlacesPage() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = filtersFrom(searchParams);
  const places = useSafePlaces(filters);
  const canManage = hasAnyPermission(me, ...PERMISSIONS.manageSafePlaces);

  const apply = (next: SafePlaceFilters) => {
    const params = new URLSearchParams();
    for (const key of SAFE_PLACE_FILTER_KEYS) if (next[key].trim()) params.set(key, next[key].trim());
    setSearchParams(params);
  };

  return (
    <Page
      title={t('safePlaces.title')}
      lead={t('safePlaces.lead')}
      actions={
        <>
          <Link to="/map" className="button button-secondary">
            {t('safePlaces.showMap')}
          </Link>
          {canManage && (
            <Link to="/safe-places/new" className="button button-primary">
              {t('safePlaces.new')}
            </Link>
          )}
        </>
      }
    >
      <SafePlaceFiltersForm key={searchParams.toString()} filters={filters} onApply={apply} />
      {places.isPending && <Loading />}
      {places.isError && <LoadError error={places.error} />}
      {places.data && places.data.length === 0 && <p>{t('safePlaces.none')}</p>}
      {places.data && places.data.length > 0 && (
        <ScrollRegion label={t('safePlaces.title')}>
          <table className="table">
            <caption className="visually-hidden">{t('safePlaces.tableCaption', { count: places.data.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('safePlaces.fields.name')}</th>
                <th scope="col">{t('safePlaces.fields.kind')}</th>
                <th scope="col">{t('safePlaces.fields.city')}</th>
                <th scope="col">{t('safePlaces.openNow')}</th>
                <th scope="col">{t('safePlaces.fields.staffLastTrainedOn')}</th>
                <th scope="col">{t('safePlaces.status')}</th>
              </tr>
            </thead>
            <tbody>
              {places.data.map((place) => (
                <tr key={place.id}>
                  <td>
                    <Link to={`/safe-places/${place.id}`}>{place.name}</Link>
                  </td>
                  <td>{kindLabel(t, place.kind)}</td>
                  <td>
                    {place.city}, {place.state} {place.zip}
                  </td>
                  <td>{openNowLabel(t, place.openNow)}</td>
                  <td>{place.staffLastTrainedOn ? formatDate(`${place.staffLastTrainedOn}T12:00:00Z`) : <span className="muted">{t('safePlaces.neverTrained')}</span>}</td>
                  <td>
                    <span className={place.isActive ? 'badge badge-ok' : 'badge badge-off'}>{place.isActive ? t('safePlaces.active') : t('safePlaces.inactive')}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </Page>
  );
}

function SafePlaceFiltersForm({ filters, onApply }: { filters: SafePlaceFilters; onApply: (filters: SafePlaceFilters) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(filters);
  const set = (key: keyof SafePlaceFilters) => (value: string) => setDraft((old) => ({ ...old, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  return (
    <form className="filters filters-grid" role="search" aria-label={t('safePlaces.filters.label')} onSubmit={submit}>
      <TextField path="safePlaces.q" label={t('safePlaces.filters.q')} type="search" required={false} value={draft.q} onValueChange={set('q')} />
      <SelectField path="safePlaces.kind" label={t('safePlaces.fields.kind')} value={draft.kind} onValueChange={set('kind')} options={[{ value: '', label: t('safePlaces.filters.anyKind') }, ...SAFE_PLACE_KINDS.map((k) => ({ value: k, label: kindLabel(t, k) }))]} />
      <SelectField
        path="safePlaces.active"
        label={t('safePlaces.status')}
        value={draft.active}
        onValueChange={set('active')}
        options={[
          { value: 'true', label: t('safePlaces.active') },
          { value: 'false', label: t('safePlaces.inactive') },
          { value: 'all', label: t('safePlaces.filters.all') },
        ]}
      />
      <div className="button-row filters-buttons">
        <button type="submit" className="button button-primary">
          {t('common.applyFilters')}
        </button>
        <button type="button" className="button button-secondary" onClick={() => onApply({ q: '', kind: '', active: 'true' })}>
          {t('common.clearFilters')}
        </button>
      </div>
    </form>
  );
}
