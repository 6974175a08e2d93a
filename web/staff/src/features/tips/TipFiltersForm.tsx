import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/form/SelectField.tsx';
import { TextField } from '../../components/form/TextField.tsx';
import { useAgencies } from '../agencies/agenciesApi.ts';
import { channelLabel, concernLabel, statusLabel } from './tipLabels.ts';
import { CHANNELS, CONCERN_TYPES, TIP_STATUSES } from './tipTypes.ts';
import type { TipFilters } from './tipsApi.ts';

const EMPTY: TipFilters = { status: '', concernType: '', channel: '', agencyId: '', campaign: '', from: '', to: '', q: '' };

export function TipFiltersForm({ filters, showAgency, onApply }: { filters: TipFilters; showAgency: boolean; onApply: (filters: TipFilters) => void }) {
  const { t } = useTranslation();
  const agencies = useAgencies();
  const [draft, setDraft] = useState(filters);
  const set = (key: keyof TipFilters) => (value: string) => setDraft((old) => ({ ...old, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };

  const any = { value: '', label: t('tips.filters.any') };
  return (
    <form className="filters filters-grid" role="search" aria-label={t('tips.filters.label')} onSubmit={submit}>
      <TextField path="tips.q" label={t('tips.filters.q')} hint={t('tips.filters.qHint')} type="search" required={false} spellCheck={false} value={draft.q} onValueChange={set('q')} />
      <SelectField
        path="tips.status"
        label={t('tips.filters.status')}
        value={draft.status}
        onValueChange={set('status')}
        options={[{ value: '', label: t('tips.filters.open') }, { value: 'all', label: t('tips.filters.all') }, ...TIP_STATUSES.map((s) => ({ value: s, label: statusLabel(t, s) }))]}
      />
      <SelectField path="tips.concernType" label={t('tips.fields.concern')} value={draft.concernType} onValueChange={set('concernType')} options={[any, ...CONCERN_TYPES.map((c) => ({ value: c, label: concernLabel(t, c) }))]} />
      <SelectField path="tips.channel" label={t('tips.fields.channel')} value={draft.channel} onValueChange={set('channel')} options={[any, ...CHANNELS.map((c) => ({ value: c, label: channelLabel(t, c) }))]} />
      {showAgency && (
        <SelectField
          path="tips.agencyId"
          label={t('tips.fields.assignedAgency')}
          value={draft.agencyId}
          onValueChange={set('agencyId')}
          options={[any, ...(agencies.data ?? []).map((agency) => ({ value: agency.id, label: agency.name }))]}
        />
      )}
      <TextField path="tips.campaign" label={t('tips.fields.campaign')} required={false} spellCheck={false} autoCapitalize="characters" value={draft.campaign} onValueChange={set('campaign')} />
      <TextField path="tips.from" label={t('tips.filters.from')} type="date" required={false} value={draft.from} onValueChange={set('from')} />
      <TextField path="tips.to" label={t('tips.filters.to')} type="date" required={false} value={draft.to} onValueChange={set('to')} />
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
