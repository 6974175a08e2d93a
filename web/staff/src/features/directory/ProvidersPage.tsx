import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page.tsx';
import { Loading, LoadError } from '../../components/Loading.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { CheckboxField } from '../../components/form/CheckboxField.tsx';
import { SelectField } from '../../components/form/SelectField.tsx';
import { TextField } from '../../components/form/TextField.tsx';
import { hasAnyPermission, useSignedInUser } from '../auth/session.ts';
import { CapacityBadges } from './CapacityBadges.tsx';
import { DirectoryNav } from './DirectoryNav.tsx';
import { DIRECTORY_PERMISSIONS } from './directoryAbilities.ts';
import { serviceTypeLabel } from './directoryLabels.ts';
import { useProviders, type ProviderFilters } from './directoryApi.ts';
import { SERVICE_TYPES } from './directoryTypes.ts';

const KEYS = ['q', 'serviceType', 'status', 'mine'] as const;
const EMPTY: ProviderFilters = { q: '', serviceType: '', status: '', mine: '' };

/** Every entry of the directory by name; a provider's own staff find theirs with "Kept by my agency". */
export function ProvidersPage() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(KEYS.map((k) => [k, params.get(k) ?? ''])) as unknown as ProviderFilters;
  const providers = useProviders(filters);
  const canKeep = hasAnyPermission(me, ...DIRECTORY_PERMISSIONS.keep);
  const keepsOwn = hasAnyPermission(me, ...DIRECTORY_PERMISSIONS.ownEntry);
  const [draft, setDraft] = useState(filters);

  const apply = (next: ProviderFilters) => {
    const query = new URLSearchParams();
    for (const key of KEYS) if (next[key].trim()) query.set(key, next[key].trim());
    setDraft(next);
    setParams(query);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    apply(draft);
  };

  return (
    <Page
      title={t('directory.providers.title')}
      lead={t('directory.providers.lead')}
      actions={
        canKeep && (
          <Link to="/directory/providers/new" className="button button-primary">
            {t('directory.providers.add')}
          </Link>
        )
      }
    >
      <DirectoryNav />
      <form className="filters filters-grid" role="search" aria-label={t('directory.providers.filters')} onSubmit={submit}>
        <TextField path="providers.q" label={t('directory.providers.q')} type="search" required={false} value={draft.q} onValueChange={(q) => setDraft({ ...draft, q })} />
        <SelectField path="providers.serviceType" label={t('directory.fields.service')} value={draft.serviceType} onValueChange={(serviceType) => setDraft({ ...draft, serviceType })} options={[{ value: '', label: t('directory.search.any') }, ...SERVICE_TYPES.map((s) => ({ value: s, label: serviceTypeLabel(t, s) }))]} />
        <SelectField
          path="providers.status"
          label={t('directory.fields.status')}
          value={draft.status}
          onValueChange={(status) => setDraft({ ...draft, status })}
          options={[{ value: '', label: t('directory.active') }, { value: 'inactive', label: t('directory.inactive') }, { value: 'all', label: t('directory.providers.allStatuses') }]}
        />
        {keepsOwn && <CheckboxField path="providers.mine" label={t('directory.providers.mine')} checked={draft.mine === 'true'} onCheckedChange={(on) => setDraft({ ...draft, mine: on ? 'true' : '' })} />}
        <div className="button-row filters-buttons">
          <button type="submit" className="button button-primary">
            {t('common.applyFilters')}
          </button>
          <button type="button" className="button button-secondary" onClick={() => apply(EMPTY)}>
            {t('common.clearFilters')}
          </button>
        </div>
      </form>
      {providers.isPending && <Loading />}
      {providers.isError && <LoadError error={providers.error} />}
      {providers.data && providers.data.length === 0 && <p className="empty">{t('directory.providers.none')}</p>}
      {providers.data && providers.data.length > 0 && (
        <ScrollRegion label={t('directory.providers.title')}>
          <table className="table table-directory">
            <caption className="visually-hidden">{t('directory.providers.caption', { count: providers.data.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('directory.fields.name')}</th>
                <th scope="col">{t('directory.fields.services')}</th>
                <th scope="col">{t('directory.fields.where')}</th>
                <th scope="col">{t('directory.capacity.title')}</th>
                <th scope="col">{t('directory.fields.keptBy')}</th>
              </tr>
            </thead>
            <tbody>
              {providers.data.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    <Link to={`/directory/providers/${p.id}`}>{p.name}</Link>
                    <div className="muted small">{p.organizationName}</div>
                    {p.status === 'inactive' && <span className="badge badge-off">{t('directory.inactive')}</span>}
                  </th>
                  <td>{p.serviceTypes.map((s) => serviceTypeLabel(t, s)).join(', ')}</td>
                  <td>
                    {[p.area, p.city].filter(Boolean).join(', ') || <span className="muted">{t('directory.notGiven')}</span>}
                    {p.confidentialLocation && (
                      <div>
                        <span className="badge badge-info">{t('directory.confidential.badge')}</span>
                      </div>
                    )}
                  </td>
                  <td>
                    <CapacityBadges capacity={p.capacity} />
                  </td>
                  <td>{p.linkedAgency ? p.linkedAgency.name : <span className="muted">{t('directory.detail.keptByTaskForce')}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </Page>
  );
}
