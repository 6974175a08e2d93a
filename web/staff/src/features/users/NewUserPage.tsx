import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { User } from '../../api/types.ts';
import { Page } from '../../components/Page.tsx';
import { Loading, LoadError } from '../../components/Loading.tsx';
import { useAgencies } from '../agencies/agenciesApi.ts';
import { hasAnyPermission, useSignedInUser } from '../auth/session.ts';
import { useMeta } from '../meta/useMeta.ts';
import { ActivationLinkPanel } from './ActivationLinkPanel.tsx';
import { NewUserForm } from './NewUserForm.tsx';

export function NewUserPage() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const meta = useMeta();
  const agencies = useAgencies();
  const [created, setCreated] = useState<{ user: User; activationUrl: string } | null>(null);
  const [formKey, setFormKey] = useState(0);

  const seesEveryAgency = hasAnyPermission(me, 'manage:user:any');
  const choosable = (agencies.data ?? []).filter((agency) => agency.isActive && (seesEveryAgency || agency.id === me.agency.id));

  return (
    <Page back={{ to: '/users', label: t('users.backToList') }} title={created ? t('users.createdTitle') : t('users.newTitle')} width="narrow" key={created ? 'created' : `form-${formKey}`}>
      {created ? (
        <>
          <ActivationLinkPanel user={created.user} activationUrl={created.activationUrl} />
          <div className="button-row">
            <Link to={`/users/${created.user.id}`} className="button button-secondary">
              {t('users.viewUser', { name: created.user.displayName })}
            </Link>
            <button
              type="button"
              className="button button-primary"
              onClick={() => {
                setCreated(null);
                setFormKey((key) => key + 1);
              }}
            >
              {t('users.createAnother')}
            </button>
          </div>
        </>
      ) : (
        <>
          {(meta.isPending || agencies.isPending) && <Loading />}
          {meta.isError && <LoadError error={meta.error} />}
          {agencies.isError && <LoadError error={agencies.error} />}
          {meta.data && agencies.data && (
            <NewUserForm meta={meta.data} agencies={choosable} fixedAgencyId={seesEveryAgency ? undefined : me.agency.id} onCreated={setCreated} />
          )}
        </>
      )}
    </Page>
  );
}
