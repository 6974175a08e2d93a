import { useTranslation } from 'react-i18next';
import type { Survivor } from './survivorTypes.ts';

/** The record's page is long on a phone: links straight to each section the viewer has. */
export function SurvivorJumpLinks({ survivor }: { survivor: Survivor }) {
  const { t } = useTranslation();
  const links = [
    survivor.screenings && { id: 'survivor-screening-heading', label: t('survivors.screening.title') },
    survivor.needs && { id: 'survivor-needs-heading', label: t('survivors.needs.title') },
    survivor.services && { id: 'survivor-services-heading', label: t('survivors.services.title') },
    survivor.tasks && { id: 'survivor-tasks-heading', label: t('survivors.tasks.title') },
    survivor.consents && { id: 'survivor-consents-heading', label: t('consents.title') },
    survivor.referrals && { id: 'survivor-referrals-heading', label: t('referrals.title') },
  ].filter((link): link is { id: string; label: string } => Boolean(link));
  if (links.length < 2) return null;
  return (
    <nav className="section-nav" aria-label={t('survivors.onThisPage')}>
      <ul>
        {links.map((link) => (
          <li key={link.id}>
            <a className="section-nav-link" href={`#${link.id}`}>
              {link.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
