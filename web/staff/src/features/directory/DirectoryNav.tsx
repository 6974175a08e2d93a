import { NavLink } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { hasAnyPermission, useSignedInUser } from '../auth/session.ts';
import { DIRECTORY_PERMISSIONS } from './directoryAbilities.ts';

/** The directory's own sections, under the page heading: find, browse, hubs, inquiries, import and export. */
export function DirectoryNav() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const items = [
    { to: '/directory', label: t('directory.nav.search'), end: true },
    { to: '/directory/providers', label: t('directory.nav.providers') },
    { to: '/directory/hubs', label: t('directory.nav.hubs') },
  ];
  if (hasAnyPermission(me, ...DIRECTORY_PERMISSIONS.respond, ...DIRECTORY_PERMISSIONS.refer)) items.push({ to: '/directory/inquiries', label: t('directory.nav.inquiries') });
  if (hasAnyPermission(me, ...DIRECTORY_PERMISSIONS.keep)) items.push({ to: '/directory/exchange', label: t('directory.nav.exchange') });
  return (
    <nav className="section-nav" aria-label={t('directory.nav.label')}>
      <ul>
        {items.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end={item.end} className="section-nav-link">
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
