import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/form/SelectField.tsx';
import { TextField } from '../../components/form/TextField.tsx';
import { useAgencies } from '../agencies/agenciesApi.ts';
import type { UserFilters } from './usersApi.ts';

export function UserFiltersForm({ filters, showAgency, onApply }: { filters: UserFilters; showAgency: boolean; onApply: (filters: UserFilters) => void }) {
  const { t } = useTranslation();
  const agencies = useAgencies();
  const [agencyId, setAgencyId] = useState(filters.agencyId);
  const [q, setQ] = useState(filters.q);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply({ agencyId, q });
  };
  const clear = () => onApply({ agencyId: '', q: '' });

  return (
    <form className="filters" role="search" aria-label={t('users.filtersLabel')} onSubmit={submit}>
      {showAgency && (
        <SelectField
          path="filter.agencyId"
          label={t('fields.agency')}
          value={agencyId}
          onValueChange={setAgencyId}
          options={[{ value: '', label: t('users.allAgencies') }, ...(agencies.data ?? []).map((agency) => ({ value: agency.id, label: agency.name }))]}
        />
      )}
      <TextField path="filter.q" label={t('users.search')} type="search" required={false} value={q} onValueChange={setQ} />
      <div className="button-row filters-buttons">
        <button type="submit" className="button button-primary">
          {t('common.applyFilters')}
        </button>
        {(filters.agencyId || filters.q) && (
          <button type="button" className="button button-secondary" onClick={clear}>
            {t('common.clearFilters')}
          </button>
        )}
      </div>
    </form>
  );
}
