import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { User } from '../../api/types.ts';
import { SelectField } from '../../components/form/SelectField.tsx';
import { TextField } from '../../components/form/TextField.tsx';
import { hasAnyPermission, PERMISSIONS, useSignedInUser } from '../auth/session.ts';
import type { AuditFilters } from './auditApi.ts';

export const OUTCOMES = ['success', 'failure', 'denied'] as const;

export function AuditFiltersForm({ filters, onApply }: { filters: AuditFilters; onApply: (filters: AuditFilters) => void }) {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const [draft, setDraft] = useState(filters);
  const set = (key: keyof AuditFilters) => (value: string) => setDraft((old) => ({ ...old, [key]: value }));
  const canListPeople = hasAnyPermission(me, ...PERMISSIONS.readUsers);
  const people = useQuery({
    queryKey: ['users', 'list', { agencyId: '', q: '' }],
    queryFn: async () => (await api.get<{ users: User[] }>('/api/users')).users,
    enabled: canListPeople,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  const clear = () => onApply({ action: '', actorUserId: '', entityType: '', entityId: '', outcome: '', from: '', to: '' });

  return (
    <form className="filters filters-grid" role="search" aria-label={t('audit.filtersLabel')} onSubmit={submit}>
      <TextField path="audit.action" label={t('audit.action')} hint={t('audit.actionHint')} required={false} spellCheck={false} value={draft.action} onValueChange={set('action')} />
      {people.data ? (
        <SelectField
          path="audit.actorUserId"
          label={t('audit.actor')}
          value={draft.actorUserId}
          onValueChange={set('actorUserId')}
          options={[{ value: '', label: t('audit.anyone') }, ...people.data.map((user) => ({ value: user.id, label: `${user.displayName} (${user.email})` }))]}
        />
      ) : (
        <TextField path="audit.actorUserId" label={t('audit.actorId')} required={false} spellCheck={false} value={draft.actorUserId} onValueChange={set('actorUserId')} />
      )}
      <TextField path="audit.entityType" label={t('audit.entityType')} hint={t('audit.entityTypeHint')} required={false} spellCheck={false} value={draft.entityType} onValueChange={set('entityType')} />
      <TextField path="audit.entityId" label={t('audit.entityId')} required={false} spellCheck={false} value={draft.entityId} onValueChange={set('entityId')} />
      <SelectField
        path="audit.outcome"
        label={t('audit.outcome')}
        value={draft.outcome}
        onValueChange={set('outcome')}
        options={[{ value: '', label: t('audit.anyOutcome') }, ...OUTCOMES.map((outcome) => ({ value: outcome, label: t(`audit.outcomes.${outcome}`) }))]}
      />
      <TextField path="audit.from" label={t('audit.from')} type="date" required={false} value={draft.from} onValueChange={set('from')} />
      <TextField path="audit.to" label={t('audit.to')} type="date" required={false} value={draft.to} onValueChange={set('to')} />
      <div className="button-row filters-buttons">
        <button type="submit" className="button button-primary">
          {t('common.applyFilters')}
        </button>
        <button type="button" className="button button-secondary" onClick={clear}>
          {t('common.clearFilters')}
        </button>
      </div>
    </form>
  );
}
