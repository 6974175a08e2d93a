import { useTranslation } from 'react-i18next';
import type { UserStatus } from '../../api/types.ts';
import { userStatusLabel } from '../../components/labels.ts';

const BADGE: Record<UserStatus, string> = {
  active: 'badge badge-ok',
  invited: 'badge badge-info',
  locked: 'badge badge-warn',
  disabled: 'badge badge-off',
};

export function UserStatusBadge({ status }: { status: UserStatus }) {
  const { t } = useTranslation();
  return <span className={BADGE[status] ?? 'badge'}>{userStatusLabel(t, status)}</span>;
}
