import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format.ts';
import type { ActivationLink } from '../../api/types.ts';

const OUTCOME_KEY = { used: 'users.linkUsed', replaced: 'users.linkReplaced', refused_signed_in_as_other: 'users.linkRefused' } as const;

/** Who issued each of a person's activation links and how it ended: a link refused because someone else opened it stands out. */
export function ActivationLinkHistory({ links }: { links: ActivationLink[] }) {
  const { t } = useTranslation();
  if (links.length === 0) return null;
  return (
    <section className="card" aria-labelledby="link-history-heading">
      <h2 id="link-history-heading">{t('users.linkHistory')}</h2>
      <table>
        <caption className="visually-hidden">{t('users.linkHistoryCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('users.linkIssued')}</th>
            <th scope="col">{t('users.linkIssuedBy')}</th>
            <th scope="col">{t('users.linkOutcome')}</th>
          </tr>
        </thead>
        <tbody>
          {links.map((link) => (
            <tr key={link.issuedAt}>
              <td>{formatDateTime(link.issuedAt)}</td>
              <td>{link.issuedByName ?? t('users.linkOperator')}</td>
              <td data-testid="link-outcome">
                {link.outcome === 'refused_signed_in_as_other' ? <strong>{t(OUTCOME_KEY[link.outcome])}</strong> : link.outcome ? t(OUTCOME_KEY[link.outcome]) : t('users.linkOpen')}
                {link.usedAt ? ` · ${formatDateTime(link.usedAt)}` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
