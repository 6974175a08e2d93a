import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField } from '../../components/form/CheckboxField.tsx';
import { SelectField } from '../../components/form/SelectField.tsx';
import { TextField } from '../../components/form/TextField.tsx';
import { COMMON_LANGUAGES, genderLabel, immigrationStatusLabel, languageName, serviceTypeLabel } from './directoryLabels.ts';
import { GENDERS, IMMIGRATION_STATUSES, SERVICE_TYPES } from './directoryTypes.ts';
import type { SearchFilters } from './directoryApi.ts';

export const EMPTY_SEARCH: SearchFilters = { need: '', language: '', age: '', gender: '', immigrationStatus: '', near: '', radiusKm: '', openCapacity: '', includeStale: '', openNow: '' };

/** What a referrer knows about the person's needs, as filters; nothing here names the person. */
export function SearchFiltersForm({ filters, onApply }: { filters: SearchFilters; onApply: (filters: SearchFilters) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(filters);
  const set = (key: keyof SearchFilters) => (value: string) => setDraft((old) => ({ ...old, [key]: value }));
  const flag = (key: keyof SearchFilters) => (checked: boolean) => setDraft((old) => ({ ...old, [key]: checked ? 'true' : '' }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };

  const any = { value: '', label: t('directory.search.any') };
  const languages = [...new Set([...COMMON_LANGUAGES, ...(filters.language ? [filters.language] : [])])];
  return (
    <form className="filters filters-grid" role="search" aria-label={t('directory.search.label')} onSubmit={submit}>
      <SelectField path="search.need" label={t('directory.search.need')} value={draft.need} onValueChange={set('need')} options={[any, ...SERVICE_TYPES.map((s) => ({ value: s, label: serviceTypeLabel(t, s) }))]} />
      <SelectField
        path="search.language"
        label={t('directory.search.language')}
        value={draft.language}
        onValueChange={set('language')}
        options={[any, ...languages.map((code) => ({ value: code, label: languageName(code) })).sort((a, b) => a.label.localeCompare(b.label))]}
      />
      <TextField path="search.age" label={t('directory.search.age')} hint={t('directory.search.ageHint')} type="number" inputMode="numeric" min={0} max={120} required={false} className="input-short" value={draft.age} onValueChange={set('age')} />
      <SelectField path="search.gender" label={t('directory.search.gender')} value={draft.gender} onValueChange={set('gender')} options={[any, ...GENDERS.map((g) => ({ value: g, label: genderLabel(t, g) }))]} />
      <SelectField
        path="search.immigrationStatus"
        label={t('directory.search.immigrationStatus')}
        value={draft.immigrationStatus}
        onValueChange={set('immigrationStatus')}
        options={[any, ...IMMIGRATION_STATUSES.map((s) => ({ value: s, label: immigrationStatusLabel(t, s) }))]}
      />
      <TextField path="search.near" label={t('directory.search.near')} hint={t('directory.search.nearHint')} required={false} autoComplete="off" value={draft.near} onValueChange={set('near')} />
      <SelectField
        path="search.radiusKm"
        label={t('directory.search.radius')}
        value={draft.radiusKm}
        onValueChange={set('radiusKm')}
        options={[{ value: '', label: t('directory.search.anyDistance') }, ...['5', '10', '25', '50', '100'].map((km) => ({ value: km, label: t('directory.search.withinKm', { km }) }))]}
      />
      <fieldset className="field checkbox-group filters-checks">
        <legend>{t('directory.search.availability')}</legend>
        <CheckboxField path="search.openCapacity" label={t('directory.search.openCapacity')} checked={draft.openCapacity === 'true'} onCheckedChange={flag('openCapacity')} />
        <CheckboxField path="search.includeStale" label={t('directory.search.includeStale')} checked={draft.includeStale === 'true'} onCheckedChange={flag('includeStale')} />
        <CheckboxField path="search.openNow" label={t('directory.search.openNow')} checked={draft.openNow === 'true'} onCheckedChange={flag('openNow')} />
      </fieldset>
      <div className="button-row filters-buttons">
        <button type="submit" className="button button-primary">
          {t('directory.search.submit')}
        </button>
        <button type="button" className="button button-secondary" onClick={() => onApply(EMPTY_SEARCH)}>
          {t('common.clearFilters')}
        </button>
      </div>
    </form>
  );
}
