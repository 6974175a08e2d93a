import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/Loading.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useRevealContact } from './tipsApi.ts';
import type { TipDetail } from './tipTypes.ts';

/**
 * The reporter's contact details stay hidden until someone allowed to contact reporters asks for them on
 * purpose; each look is written to the audit trail, and the page says so before and after.
 */
export function ReporterContactPanel({ tip, canReveal }: { tip: TipDetail; canReveal: boolean }) {
  const { t } = useTranslation();
  const reveal = useRevealContact(tip.id);
  const revealed = reveal.isSuccess;
  const contact = reveal.data ?? null;
  const anonymous = !tip.hasContact || (revealed && contact === null);

  return (
    <section className="card" aria-labelledby="tip-contact-heading">
      <h2 id="tip-contact-heading">{t('tips.contact.title')}</h2>
      <StatusMessage message={revealed ? t('tips.contact.recorded') : null} takeFocus />
      {anonymous ? (
        <p data-testid="reporter-anonymous">{t('tips.contact.anonymous')}</p>
      ) : !canReveal ? (
        <p>{t('tips.contact.notForYou')}</p>
      ) : revealed && contact ? (
        <dl className="details details-stacked" data-testid="reporter-contact">
          {(
            [
              ['name', contact.name],
              ['phone', contact.phone],
              ['email', contact.email],
              ['safeTimes', contact.safeTimes],
            ] as const
          ).map(([key, value]) => (
            <div key={key}>
              <dt>{t(`tips.contact.${key}`)}</dt>
              <dd>{value || <span className="muted">{t('tips.contact.notGiven')}</span>}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <>
          <p className="hint">{t('tips.contact.explain')}</p>
          <button type="button" className="button button-secondary" onClick={() => !reveal.isPending && reveal.mutate()} aria-disabled={reveal.isPending || undefined}>
            {reveal.isPending ? t('common.loading') : t('tips.contact.show')}
          </button>
        </>
      )}
      {reveal.isError && <LoadError error={reveal.error} />}
    </section>
  );
}
