import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/form/SelectField.tsx';
import { TextField } from '../../components/form/TextField.tsx';
import { caseStatusLabel, codeOptions, scopeLabel, traffickingLabel } from './caseLabels.ts';
import { CASE_SCOPES, CASE_STATUSES, TRAFFICKING_TYPES } from './caseTypes.ts';
import type { CaseFilters } from './casesApi.ts';

const EMPTY: CaseFilters = { scope: '', status: '', traffickingType: '', q: '' };

export function CaseFiltersForm({ filters, onApply }: { filters: CaseFilters; onApply: (filters: CaseFilters) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(filters);
  const set = (key: keyof CaseFilters) => (value: string) => setDraft((old) => ({ ...old, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  const any = { value: '', label: t('cases.filters.any') };
  return (
    <form className="filters filters-grid" role="search" aria-label={t('cases.filters.label')} onSubmit={submit}>
      <TextField path="cases.q" label={t('cases.filters.q')} hint={t('cases.filters.qHint')} type="search" required={false} spellCheck={false} value={draft.q} onValueChange={set('q')} />
      <SelectField path="cases.scope" label={t('cases.filters.scope')} value={draft.scope || 'all'} onValueChange={set('scope')} options={codeOptions(t, CASE_SCOPES, scopeLabel)} />
      <SelectField path="cases.status" label={t('cases.fields.status')} value={draft.status} onValueChange={set('status')} options={[any, ...codeOptions(t, CASE_STATUSES, caseStatusLabel)]} />
      <SelectField path="cases.traffickingType" label={t('cases.fields.traffickingType')} value={draft.traffickingType} onValueChange={set('traffickingType')} options={[any, ...codeOptions(t, TRAFFICKING_TYPES, traffickingLabel)]} />
      <div className="button-row filters-buttons">
        <button type="submit" className="button button-primary">
          {t('common.applyFilters')}
        </button>
        <button type="button" className="button button-secondary" onClick={() => onApply(EMPTY)}>
          {t('common.clearFilters')}
        </button>
      </div>
    </form>
  );
}
