import { useTranslation } from 'react-i18next';
import type { User } from '../../api/types.ts';
import { CopyField } from '../../components/CopyField.tsx';

/** The activation link, shown once: the administrator passes it to the person by a trusted channel. */
export function ActivationLinkPanel({ user, activationUrl }: { user: Pick<User, 'displayName' | 'email'>; activationUrl: string }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="activation-link-heading">
      <h2 id="activation-link-heading">{t('users.activation.title')}</h2>
      <p>{t('users.activation.explain', { name: user.displayName, email: user.email })}</p>
      <p className="notice notice-warning">{t('users.activation.onlyOnce')}</p>
      <CopyField label={t('users.activation.linkLabel')} value={activationUrl} testId="activation-url" />
    </section>
  );
}
