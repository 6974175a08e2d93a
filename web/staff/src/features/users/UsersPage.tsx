import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page.tsx';
import { Loading, LoadError } from '../../components/Loading.tsx';
import { hasAnyPermission, useSignedInUser } from '../auth/session.ts';
import { UserFiltersForm } from './UserFiltersForm.tsx';
import { UsersTable } from './UsersTable.tsx';
import { useUsers, type UserFilters } from './usersApi.ts';

export function UsersPage() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters: UserFilters = { agencyId: searchParams.get('agencyId') ?? '', q: searchParams.get('q') ?? '' };
  const users = useUsers(filters);
  const seesEveryAgency = hasAnyPermission(me, 'manage:user:any');

  const applyFilters = (next: UserFilters) => {
    const params = new URLSearchParams();
    if (next.agencyId) params.set('agencyId', next.agencyId);
    if (next.q.trim()) params.set('q', next.q.trim());
    setSearchParams(params);
  };

  return (
    <Page
      title={t('users.title')}
      lead={seesEveryAgency ? t('users.leadAny') : t('users.leadOwn', { agency: me.agency.name })}
      actions={
        <Link to="/users/new" className="button button-primary">
          {t('users.new')}
        </Link>
      }
    >
      <UserFiltersForm key={searchParams.toString()} filters={filters} showAgency={seesEveryAgency} onApply={applyFilters} />
      {users.isPending && <Loading />}
      {users.isError && <LoadError error={users.error} />}
      {users.data && <UsersTable users={users.data} filtered={Boolean(filters.agencyId || filters.q)} />}
    </Page>
  );
}
