import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page.tsx';
import { Loading, LoadError } from '../../components/Loading.tsx';
import { formatDateTime } from '../../components/format.ts';
import { useAgencies } from '../agencies/agenciesApi.ts';
import { useMeta } from '../meta/useMeta.ts';
import { EditUserForm } from './EditUserForm.tsx';
import { UserAccountActions } from './UserAccountActions.tsx';
import { ActivationLinkHistory } from './ActivationLinkHistory.tsx';
import { UserStatusBadge } from './UserStatusBadge.tsx';
import { useUser } from './usersApi.ts';

export function UserPage() {
  const { t } = useTranslation();
  const { userId = '' } = useParams();
  const user = useUser(userId);
  const meta = useMeta();
  const agencies = useAgencies();
  const agencyType = agencies.data?.find((agency) => agency.id === user.data?.agencyId)?.type;

  return (
    <Page back={{ to: '/users', label: t('users.backToList') }} title={user.data?.displayName ?? t('users.user')} documentTitle={t('users.user')} width="narrow">
      {(user.isPending || meta.isPending) && <Loading />}
      {user.isError && <LoadError error={user.error} />}
      {meta.isError && <LoadError error={meta.error} />}
      {user.data && (
        <section className="card" aria-labelledby="user-summary-heading">
          <h2 id="user-summary-heading">{t('users.summary')}</h2>
          <dl className="details">
            <div>
              <dt>{t('fields.email')}</dt>
              <dd>{user.data.email}</dd>
            </div>
            <div>
              <dt>{t('fields.agency')}</dt>
              <dd>{user.data.agencyName}</dd>
            </div>
            <div>
              <dt>{t('users.statusLabel')}</dt>
              <dd data-testid="user-status">
                <UserStatusBadge status={user.data.status} />
              </dd>
            </div>
            {user.data.signInLock && (
              <div>
                <dt>{t('users.signInLock.title')}</dt>
                <dd data-testid="user-sign-in-lock">
                  {t('users.signInLock.detail', { when: formatDateTime(user.data.signInLock.lockedAt), count: user.data.signInLock.failures, source: user.data.signInLock.source ?? '—' })}
                </dd>
              </div>
            )}
            <div>
              <dt>{t('users.mfa')}</dt>
              <dd>{user.data.mfaEnrolled ? t('users.mfaEnrolled') : t('users.mfaNotEnrolled')}</dd>
            </div>
            <div>
              <dt>{t('users.lastActive')}</dt>
              <dd>{user.data.lastActiveAt ? formatDateTime(user.data.lastActiveAt) : t('users.never')}</dd>
            </div>
            <div>
              <dt>{t('fields.created')}</dt>
              <dd>{formatDateTime(user.data.createdAt)}</dd>
            </div>
          </dl>
        </section>
      )}
      {user.data && meta.data && <EditUserForm key={user.data.id} user={user.data} meta={meta.data} agencyType={agencyType} />}
      {user.data && <UserAccountActions user={user.data} />}
      {user.data?.activationLinks && <ActivationLinkHistory links={user.data.activationLinks} />}
    </Page>
  );
}
