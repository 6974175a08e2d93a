import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page.tsx';
import { agencyTypeLabel, roleLabel } from '../../components/labels.ts';
import { hasAnyPermission, PERMISSIONS, useSignedInUser } from '../auth/session.ts';
import { TipQueueSummary } from '../tips/TipQueueSummary.tsx';

interface Destination {
  to: string;
  title: string;
  body: string;
  extra?: ReactNode;
}

export function HomePage() {
  const { t } = useTranslation();
  const user = useSignedInUser();

  const destinations: Destination[] = [];
  if (hasAnyPermission(user, ...PERMISSIONS.readTips)) {
    destinations.push({ to: '/tips', title: t('home.tips.title'), body: t('home.tips.body'), extra: <TipQueueSummary /> });
  }
  if (hasAnyPermission(user, ...PERMISSIONS.manageAgencies)) {
    destinations.push({ to: '/agencies', title: t('home.agencies.title'), body: t('home.agencies.body') });
  }
  if (hasAnyPermission(user, ...PERMISSIONS.manageUsers)) {
    destinations.push({ to: '/users', title: t('home.users.title'), body: t('home.users.body') });
  }
  if (hasAnyPermission(user, ...PERMISSIONS.readAudit)) {
    destinations.push({ to: '/audit', title: t('home.audit.title'), body: t('home.audit.body') });
  }
  destinations.push({ to: '/profile', title: t('home.profile.title'), body: t('home.profile.body') });

  return (
    <Page title={t('home.greeting', { name: user.displayName })} documentTitle={t('nav.home')} lead={t('home.lead')}>
      <section className="card summary" aria-labelledby="home-account-heading">
        <h2 id="home-account-heading">{t('home.account')}</h2>
        <dl className="details">
          <div>
            <dt>{t('fields.agency')}</dt>
            <dd data-testid="home-agency">
              {user.agency.name} <span className="muted">({agencyTypeLabel(t, user.agency.type)})</span>
            </dd>
          </div>
          <div>
            <dt>{t('fields.roles')}</dt>
            <dd>
              <ul className="tag-list" data-testid="home-roles">
                {user.roles.map((role) => (
                  <li key={role} className="tag">
                    {roleLabel(t, role)}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
          <div>
            <dt>{t('fields.email')}</dt>
            <dd>{user.email}</dd>
          </div>
        </dl>
      </section>
      <section aria-labelledby="home-destinations-heading">
        <h2 id="home-destinations-heading">{t('home.whatYouCanDo')}</h2>
        <ul className="destinations">
          {destinations.map((destination) => (
            <li key={destination.to} className="destination">
              <Link to={destination.to} className="destination-link">
                {destination.title}
              </Link>
              <p>{destination.body}</p>
              {destination.extra}
            </li>
          ))}
        </ul>
      </section>
    </Page>
  );
}
