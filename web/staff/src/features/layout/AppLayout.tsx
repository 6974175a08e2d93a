import { Link, Outlet } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session.ts';
import { LanguageSwitcher } from '../language/LanguageSwitcher.tsx';
import { NotificationsIndicator } from '../notifications/NotificationsIndicator.tsx';
import { MainNav } from './MainNav.tsx';
import { MAIN_ID, SkipLink } from './SkipLink.tsx';
import havenMark from '../../assets/haven-mark.svg';

/** The frame of every page: skip link, header with navigation and language, main content, footer. */
export function AppLayout() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const user = session?.mfa === 'complete' ? session.user : null;
  return (
    <div className="app">
      <SkipLink />
      <header className="site-header">
        <div className="header-inner">
          <Link to="/" className="brand">
            <img src={havenMark} alt="" width={28} height={28} />
            <span className="brand-name">{t('app.name')}</span>
            <span className="brand-tagline">{t('app.tagline')}</span>
          </Link>
          <LanguageSwitcher />
          {user && <NotificationsIndicator />}
          {user && <MainNav user={user} />}
        </div>
      </header>
      <main id={MAIN_ID} tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>{t('layout.footer')}</p>
      </footer>
    </div>
  );
}
