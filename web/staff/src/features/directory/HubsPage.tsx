import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page.tsx';
import { Loading, LoadError } from '../../components/Loading.tsx';
import { fromApiError, type FormErrors } from '../../components/form/formErrors.ts';
import { hasAnyPermission, useSignedInUser } from '../auth/session.ts';
import { DirectoryNav } from './DirectoryNav.tsx';
import { HUB_FIELDS, HubForm } from './HubForm.tsx';
import { DIRECTORY_PERMISSIONS } from './directoryAbilities.ts';
import { serviceTypeLabel } from './directoryLabels.ts';
import { useHubs, useSaveHub } from './directoryApi.ts';

/** One-stop hubs: public places where several providers keep hours on a schedule. */
export function HubsPage() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const canKeep = hasAnyPermission(me, ...DIRECTORY_PERMISSIONS.keep);
  const hubs = useHubs(canKeep);
  const save = useSaveHub(null);
  const navigate = useNavigate();
  const [adding, setAdding] = useState(false);
  const [errors, setErrors] = useState<FormErrors | null>(null);

  return (
    <Page title={t('directory.hubs.title')} lead={t('directory.hubs.lead')}>
      <DirectoryNav />
      {hubs.isPending && <Loading />}
      {hubs.isError && <LoadError error={hubs.error} />}
      {hubs.data && hubs.data.length === 0 && <p className="empty">{t('directory.hubs.none')}</p>}
      {hubs.data && hubs.data.length > 0 && (
        <ul className="result-list">
          {hubs.data.map((hub) => (
            <li key={hub.id}>
              <article className="card" aria-labelledby={`hub-${hub.id}`}>
                <div className="provider-card-head">
                  <h2 id={`hub-${hub.id}`} className="provider-name">
                    <Link to={`/directory/hubs/${hub.id}`}>{hub.name}</Link>
                  </h2>
                  <div className="provider-flags">
                    {hub.openNow && <span className="badge badge-ok">{t('directory.hubs.someoneThere')}</span>}
                    {hub.status === 'inactive' && <span className="badge badge-off">{t('directory.inactive')}</span>}
                  </div>
                </div>
                <p className="small">
                  {[hub.area, hub.city, hub.state].filter(Boolean).join(', ')}
                  {hub.phone && ` · ${hub.phone}`}
                </p>
                <p>
                  {t('directory.hubs.providers', { count: hub.providerCount })}
                  {hub.serviceTypes.length > 0 && `: ${hub.serviceTypes.map((s) => serviceTypeLabel(t, s)).join(', ')}`}
                </p>
              </article>
            </li>
          ))}
        </ul>
      )}
      {canKeep && !adding && (
        <p>
          <button type="button" className="button button-primary" onClick={() => setAdding(true)}>
            {t('directory.hubs.add')}
          </button>
        </p>
      )}
      {canKeep && adding && (
        <section aria-labelledby="new-hub-heading">
          <h2 id="new-hub-heading">{t('directory.hubs.newTitle')}</h2>
          <HubForm
            busy={save.isPending}
            errors={errors}
            onErrors={setErrors}
            submitLabel={t('directory.hubs.create')}
            onSubmit={(input) =>
              save.mutate(input, {
                onSuccess: (hub) => navigate(`/directory/hubs/${hub.id}`),
                onError: (error) => setErrors(fromApiError(t, error, HUB_FIELDS)),
              })
            }
          />
        </section>
      )}
    </Page>
  );
}
