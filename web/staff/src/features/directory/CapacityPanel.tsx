import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { describeError } from '../../components/form/formErrors.ts';
import { formatDateTime } from '../../components/format.ts';
import { capacityText, serviceTypeLabel, updatedAgo } from './directoryLabels.ts';
import { capacityUnit, type Capacity, type ProviderDetail, type ServiceType } from './directoryTypes.ts';
import { useCapacityHistory, useUpdateCapacity } from './directoryApi.ts';

/**
 * Beds and slots free now. The provider's own staff change a count in two clicks (− or +, then Save), or
 * confirm it unchanged so it stops showing as stale; everyone else reads the counts and their age.
 */
export function CapacityPanel({ provider }: { provider: ProviderDetail }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<string | null>(null);
  const [showHistory, setShowHistory] = useState(false);
  const history = useCapacityHistory(provider.id, showHistory);
  const byType = new Map(provider.capacity.map((c) => [c.serviceType, c]));
  const canUpdate = provider.abilities.updateCapacity;
  // Services with a count first; the others only for those who can add one.
  const types = provider.serviceTypes.filter((s) => byType.has(s) || canUpdate);

  return (
    <section className="card" aria-labelledby="capacity-heading">
      <h2 id="capacity-heading">{t('directory.capacity.title')}</h2>
      <StatusMessage message={status} />
      {canUpdate && <p className="hint">{t('directory.capacity.howTo')}</p>}
      {types.length === 0 ? (
        <p className="muted">{t('directory.capacity.unknown')}</p>
      ) : (
        <ul className="capacity-rows">
          {types.map((serviceType) =>
            canUpdate ? (
              <li key={serviceType}>
                <CapacityEditor providerId={provider.id} serviceType={serviceType} current={byType.get(serviceType) ?? null} onSaved={setStatus} />
              </li>
            ) : (
              <li key={serviceType} className="capacity-row">
                <CapacityLine capacity={byType.get(serviceType)!} />
              </li>
            ),
          )}
        </ul>
      )}
      <button type="button" className="button button-secondary button-small" aria-expanded={showHistory} onClick={() => setShowHistory(!showHistory)}>
        {showHistory ? t('directory.capacity.hideHistory') : t('directory.capacity.showHistory')}
      </button>
      {showHistory && history.data && (
        <table className="table table-compact capacity-history">
          <caption>{t('directory.capacity.historyCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('directory.capacity.when')}</th>
              <th scope="col">{t('directory.fields.service')}</th>
              <th scope="col">{t('directory.capacity.freeColumn')}</th>
              <th scope="col">{t('directory.capacity.source')}</th>
            </tr>
          </thead>
          <tbody>
            {history.data.map((h, i) => (
              <tr key={i}>
                <td>{formatDateTime(h.changedAt)}</td>
                <td>{serviceTypeLabel(t, h.serviceType)}</td>
                <td>{h.total === null ? h.available : `${h.available} / ${h.total}`}</td>
                <td>{t(`directory.capacity.sources.${h.source}`, { defaultValue: h.source })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function CapacityLine({ capacity }: { capacity: Capacity }) {
  const { t } = useTranslation();
  return (
    <p className="capacity-line">
      <strong>{serviceTypeLabel(t, capacity.serviceType)}:</strong> <span className={`badge ${capacity.stale ? 'badge-warn' : capacity.available > 0 ? 'badge-ok' : 'badge-off'}`}>{capacityText(t, capacity)}</span>{' '}
      <span className="small">{capacity.stale ? t('directory.capacity.stale', { ago: updatedAgo(t, capacity.updatedAt) }) : updatedAgo(t, capacity.updatedAt)}</span>
    </p>
  );
}

function CapacityEditor({ providerId, serviceType, current, onSaved }: { providerId: string; serviceType: ServiceType; current: Capacity | null; onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const update = useUpdateCapacity(providerId);
  const [available, setAvailable] = useState(current?.available ?? 0);
  const [total, setTotal] = useState<string>(current?.total === null || current?.total === undefined ? '' : String(current.total));
  const [error, setError] = useState<string | null>(null);
  const label = serviceTypeLabel(t, serviceType);
  const unit = capacityUnit(serviceType);
  const id = `capacity-${serviceType}`;
  const totalNumber = total.trim() === '' ? null : Number(total);
  const changed = !current || current.available !== available || current.total !== totalNumber;

  const save = (event: FormEvent) => {
    event.preventDefault();
    if (update.isPending) return;
    if (totalNumber !== null && (!Number.isInteger(totalNumber) || totalNumber < 0)) return setError(t('directory.capacity.totalInvalid'));
    if (totalNumber !== null && available > totalNumber) return setError(t('directory.capacity.moreThanTotal', { total: totalNumber }));
    setError(null);
    update.mutate(
      { serviceType, available, total: totalNumber },
      {
        onSuccess: () => onSaved(changed ? t('directory.capacity.saved', { service: label, count: available, unit: t(`directory.capacity.unit.${unit}`, { count: available }) }) : t('directory.capacity.confirmed', { service: label })),
        onError: (failure) => setError(describeError(t, failure)),
      },
    );
  };

  return (
    <form className="capacity-editor" onSubmit={save} aria-labelledby={`${id}-legend`} noValidate>
      <p id={`${id}-legend`} className="capacity-editor-title">
        <strong>{label}</strong>{' '}
        {current ? (
          <span className={current.stale ? 'small stale-text' : 'small muted'}>{current.stale ? t('directory.capacity.stale', { ago: updatedAgo(t, current.updatedAt) }) : updatedAgo(t, current.updatedAt)}</span>
        ) : (
          <span className="small muted">{t('directory.capacity.noneYet')}</span>
        )}
      </p>
      <div className="capacity-controls">
        <div className="stepper">
          <button type="button" className="button button-secondary stepper-button" onClick={() => setAvailable(Math.max(0, available - 1))} aria-label={t('directory.capacity.oneLess', { service: label })}>
            −
          </button>
          <label htmlFor={`${id}-available`} className="visually-hidden">
            {t('directory.capacity.freeLabel', { service: label })}
          </label>
          <input
            id={`${id}-available`}
            className="input stepper-input"
            type="number"
            inputMode="numeric"
            min={0}
            value={available}
            onChange={(event) => setAvailable(Math.max(0, Math.floor(Number(event.target.value) || 0)))}
            aria-describedby={error ? `${id}-error` : undefined}
            aria-invalid={error ? true : undefined}
          />
          <button type="button" className="button button-secondary stepper-button" onClick={() => setAvailable(available + 1)} aria-label={t('directory.capacity.oneMore', { service: label })}>
            +
          </button>
        </div>
        <span className="capacity-total-group">
          <span className="capacity-unit">{t('directory.capacity.freeOfWord')}</span>
          <label htmlFor={`${id}-total`} className="visually-hidden">
            {t('directory.capacity.totalLabel', { service: label })}
          </label>
          <input id={`${id}-total`} className="input capacity-total" type="number" inputMode="numeric" min={0} value={total} placeholder="–" onChange={(event) => setTotal(event.target.value)} />
          <span className="capacity-unit">{t('directory.capacity.inAll', { unit: t(`directory.capacity.unit.${unit}`, { count: 2 }) })}</span>
        </span>
        <button type="submit" className="button button-primary" aria-disabled={update.isPending || undefined}>
          {update.isPending ? t('common.saving') : changed ? t('directory.capacity.save', { service: label }) : t('directory.capacity.confirm', { service: label })}
        </button>
      </div>
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
