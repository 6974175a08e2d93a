import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../components/format.ts';
import { channelLabel, concernLabel, heardViaLabel } from './tipLabels.ts';
import type { TipDetail } from './tipTypes.ts';

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Lines({ items }: { items: string[] }) {
  return (
    <ul className="plain-list">
      {items.map((item, index) => (
        <li key={`${index}-${item}`}>{item}</li>
      ))}
    </ul>
  );
}

/** What the reporter told the task force, as they told it. Empty answers are left out. */
export function TipReport({ tip }: { tip: TipDetail }) {
  const { t } = useTranslation();
  const where = [tip.locationAddress, [tip.city, tip.zip].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  const when = [tip.occurredOn ? formatDate(`${tip.occurredOn}T12:00:00`) : '', tip.occurredText ?? ''].filter(Boolean).join(' · ');
  return (
    <section className="card" aria-labelledby="tip-report-heading">
      <h2 id="tip-report-heading">{t('tips.report.title')}</h2>
      <dl className="details tip-facts">
        <Item label={t('tips.fields.concern')}>{concernLabel(t, tip.concernType)}</Item>
        <Item label={t('tips.fields.channel')}>{channelLabel(t, tip.channel)}</Item>
        <Item label={t('tips.report.danger')}>{tip.immediateDanger ? t('tips.report.yes') : t('tips.report.noOrUnknown')}</Item>
        <Item label={t('tips.report.minor')}>{tip.minorInvolved ? t('tips.report.yes') : t('tips.report.noOrUnknown')}</Item>
        <Item label={t('tips.report.language')}>{t(`language.names.${tip.language}`, { defaultValue: tip.language })}</Item>
        {(tip.heardVia || tip.campaignCode) && (
          <Item label={t('tips.report.heardVia')}>
            {[tip.heardVia ? heardViaLabel(t, tip.heardVia) : '', tip.campaignCode ? t('tips.report.campaign', { code: tip.campaignCode }) : ''].filter(Boolean).join(' · ')}
          </Item>
        )}
      </dl>
      <h3>{t('tips.report.narrative')}</h3>
      {tip.narrative ? <p className="narrative">{tip.narrative}</p> : <p className="muted">{t('tips.report.noNarrative')}</p>}
      <dl className="details">
        <Item label={t('tips.report.where')}>{where || <span className="muted">{t('tips.unknown')}</span>}</Item>
        {tip.businessName && <Item label={t('tips.report.business')}>{tip.businessName}</Item>}
        <Item label={t('tips.report.when')}>{when || <span className="muted">{t('tips.unknown')}</span>}</Item>
        {tip.people.length > 0 && (
          <Item label={t('tips.report.people')}>
            <Lines items={tip.people.map((p) => (p.approxAge !== null ? t('tips.report.person', { description: p.description || t('tips.report.noDescription'), age: p.approxAge }) : p.description))} />
          </Item>
        )}
        {tip.vehicles.length > 0 && (
          <Item label={t('tips.report.vehicles')}>
            <Lines items={tip.vehicles.map((v) => [[v.plate, v.state].filter(Boolean).join(' '), v.description].filter(Boolean).join(' — '))} />
          </Item>
        )}
        {tip.phones.length > 0 && (
          <Item label={t('tips.report.phones')}>
            <Lines items={tip.phones} />
          </Item>
        )}
        {tip.emails.length > 0 && (
          <Item label={t('tips.report.emails')}>
            <Lines items={tip.emails} />
          </Item>
        )}
        {tip.online.length > 0 && (
          <Item label={t('tips.report.online')}>
            <Lines items={tip.online.map((o) => (o.platform ? `${o.value} (${o.platform})` : o.value))} />
          </Item>
        )}
      </dl>
      {tip.identifiers.length > 0 && (
        <>
          <h3>{t('tips.report.identifiers')}</h3>
          <p className="hint">{t('tips.report.identifiersHint')}</p>
          <ul className="tag-list identifier-list">
            {tip.identifiers.map((identifier) => (
              <li key={`${identifier.kind}:${identifier.value}`} className="tag">
                <span className="muted">{t(`tips.identifier.${identifier.kind}`, { defaultValue: identifier.kind })}:</span> <code>{identifier.value}</code>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
