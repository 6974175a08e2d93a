import { NavLink } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useUnreadNotifications } from './notificationsApi.ts';

function BellIcon() {
  return (
    <svg className="bell-icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path fill="currentColor" d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
    </svg>
  );
}

/** The header's link to one's notifications, with how many are unread. */
export function NotificationsIndicator() {
  const { t } = useTranslation();
  const unread = useUnreadNotifications(true);
  const count = unread.data?.length ?? 0;
  return (
    <NavLink to="/notifications" className={count > 0 ? 'notifications-link notifications-unread' : 'notifications-link'} data-testid="notifications-indicator">
      <BellIcon />
      <span className="visually-hidden">{t('notifications.indicator', { count })}</span>
      {count > 0 && (
        <span className="notifications-count" aria-hidden="true">
          {count > 99 ? '99+' : count}
        </span>
      )}
    </NavLink>
  );
}
