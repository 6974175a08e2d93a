import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { User } from '../../api/types.ts';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { formatDateTime } from '../../components/format.ts';
import { roleLabel } from '../../components/labels.ts';
import { UserStatusBadge } from './UserStatusBadge.tsx';

export function UsersTable({ users, filtered }: { users: User[]; filtered: boolean }) {
  const { t } = useTranslation();
  if (users.length === 0) return <p className="empty">{filtered ? t('users.noneMatch') : t('users.none')}</p>;
  return (
    <ScrollRegion label={t('users.title')}>
      <table className="table">
        <caption className="visually-hidden">{t('users.tableCaption', { count: users.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('fields.name')}</th>
            <th scope="col">{t('fields.agency')}</th>
            <th scope="col">{t('fields.roles')}</th>
            <th scope="col">{t('users.statusLabel')}</th>
            <th scope="col">{t('users.lastActive')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id}>
              <td>
                <Link to={`/users/${user.id}`}>{user.displayName}</Link>
                <div className="muted small">{user.email}</div>
              </td>
              <td>{user.agencyName}</td>
              <td>{user.roles.map((role) => roleLabel(t, role)).join(', ')}</td>
              <td>
                <UserStatusBadge status={user.status} />
              </td>
              <td>{user.lastActiveAt ? formatDateTime(user.lastActiveAt) : t('users.never')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
