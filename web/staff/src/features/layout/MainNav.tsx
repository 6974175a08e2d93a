import { useRef, useState, type KeyboardEvent } from 'react';
import { NavLink } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../api/types.ts';
import { hasAnyPermission, PERMISSIONS } from '../auth/session.ts';
import { useSignOut } from '../auth/useSignOut.ts';
import { CASE_PERMISSIONS } from '../cases/caseAbilities.ts';
import { DIRECTORY_PERMISSIONS } from '../directory/directoryAbilities.ts';
import { SURVIVOR_PERMISSIONS } from '../survivors/survivorAbilities.ts';

interface NavItem {
  to: string;
  label: string;
  end?: boolean;
}

export function navItemsFor(user: SessionUser, t: (key: string) => string): NavItem[] {
  const items: NavItem[] = [{ to: '/', label: t('nav.home'), end: true }];
  if (hasAnyPermission(user, ...PERMISSIONS.readTips)) items.push({ to: '/tips', label: t('nav.tips') });
  if (hasAnyPermission(user, ...CASE_PERMISSIONS.work)) items.push({ to: '/cases', label: t('nav.cases') });
  if (hasAnyPermission(user, ...CASE_PERMISSIONS.search)) items.push({ to: '/search', label: t('nav.caseSearch') });
  if (hasAnyPermission(user, ...CASE_PERMISSIONS.deconfliction)) items.push({ to: '/deconfliction', label: t('nav.deconfliction') });
  if (hasAnyPermission(user, ...SURVIVOR_PERMISSIONS.work)) items.push({ to: '/survivors', label: t('nav.survivors') });
  if (hasAnyPermission(user, ...SURVIVOR_PERMISSIONS.respond, ...SURVIVOR_PERMISSIONS.refer)) items.push({ to: '/referrals', label: t('nav.referrals') });
  if (hasAnyPermission(user, ...PERMISSIONS.readSafePlaces)) items.push({ to: '/safe-places', label: t('nav.safePlaces') });
  if (hasAnyPermission(user, ...DIRECTORY_PERMISSIONS.read)) items.push({ to: '/directory', label: t('nav.directory') });
  if (hasAnyPermission(user, ...PERMISSIONS.manageAgencies)) items.push({ to: '/agencies', label: t('nav.agencies') });
  if (hasAnyPermission(user, ...PERMISSIONS.manageUsers)) items.push({ to: '/users', label: t('nav.users') });
  if (hasAnyPermission(user, ...PERMISSIONS.readAudit)) items.push({ to: '/audit', label: t('nav.audit') });
  items.push({ to: '/profile', label: t('nav.profile') });
  return items;
}

/** The main navigation. On narrow screens it folds behind a Menu button. */
export function MainNav({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const signOut = useSignOut();
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);

  // Escape closes the open menu and returns focus to its button, as people expect of a disclosure.
  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    setOpen(false);
    toggle.current?.focus();
  };

  return (
    <nav className="main-nav" aria-label={t('nav.label')} onKeyDown={closeOnEscape}>
      <button ref={toggle} type="button" className="menu-toggle" aria-expanded={open} aria-controls="main-nav-list" onClick={() => setOpen(!open)}>
        {t('nav.menu')}
      </button>
      <div id="main-nav-list" className={open ? 'nav-panel nav-panel-open' : 'nav-panel'}>
        <ul className="nav-list">
          {navItemsFor(user, t).map((item) => (
            <li key={item.to}>
              <NavLink to={item.to} end={item.end} className="nav-link" onClick={() => setOpen(false)}>
                {item.label}
              </NavLink>
            </li>
          ))}
        </ul>
        <div className="nav-account">
          <span className="nav-user">{user.displayName}</span>
          <button type="button" className="button button-secondary button-small" onClick={() => void signOut()}>
            {t('nav.signOut')}
          </button>
        </div>
      </div>
    </nav>
  );
}
