import { useTranslation } from 'react-i18next';
import { CheckboxField } from '../../components/form/CheckboxField.tsx';
import { fieldId } from '../../components/form/formErrors.ts';
import { dayLabel } from './safePlaceLabels.ts';
import { WEEKDAYS, type Period, type Weekday, type WeeklyHours } from './safePlacesApi.ts';

const MAX_PERIODS = 4;

/**
 * The week's opening hours: around the clock, or per day up to four periods. A period that closes at or
 * before it opens (22:00 to 02:00) runs past midnight into the next day.
 */
export function HoursEditor({ hours, onChange, error }: { hours: WeeklyHours; onChange: (hours: WeeklyHours) => void; error?: string | undefined }) {
  const { t } = useTranslation();
  const setDay = (day: Weekday, periods: Period[]) => onChange({ ...hours, days: { ...hours.days, [day]: periods } });
  const errorId = `${fieldId('body.hours')}-error`;

  return (
    <fieldset className="form-section hours-editor" aria-describedby={error ? errorId : undefined}>
      <legend>{t('safePlaces.form.hours')}</legend>
      <p className="hint">{t('safePlaces.form.hoursHint')}</p>
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
      <CheckboxField path="body.hours.alwaysOpen" label={t('safePlaces.form.alwaysOpen')} checked={hours.alwaysOpen} onCheckedChange={(alwaysOpen) => onChange({ ...hours, alwaysOpen })} />
      {!hours.alwaysOpen && (
        <div className="hours-days">
          {WEEKDAYS.map((day) => {
            const periods = hours.days[day];
            return (
              <div key={day} className="hours-day" role="group" aria-labelledby={`hours-${day}`}>
                <span id={`hours-${day}`} className="hours-day-name">
                  {dayLabel(t, day)}
                </span>
                {periods.length === 0 && <span className="muted hours-closed">{t('safePlaces.closedDay')}</span>}
                {periods.map((period, index) => {
                  const update = (patch: Partial<Period>) => setDay(day, periods.map((p, i) => (i === index ? { ...p, ...patch } : p)));
                  const n = index + 1;
                  return (
                    <div key={index} className="hours-period">
                      <label>
                        <span className="visually-hidden">{t('safePlaces.form.opensLabel', { day: dayLabel(t, day), n })}</span>
                        <input type="time" className="input input-time" required value={period.opens} onChange={(event) => update({ opens: event.target.value })} />
                      </label>
                      <span aria-hidden="true">–</span>
                      <label>
                        <span className="visually-hidden">{t('safePlaces.form.closesLabel', { day: dayLabel(t, day), n })}</span>
                        <input type="time" className="input input-time" required value={period.closes} onChange={(event) => update({ closes: event.target.value })} />
                      </label>
                      <button type="button" className="button button-secondary button-small" onClick={() => setDay(day, periods.filter((_, i) => i !== index))}>
                        {t('safePlaces.form.removePeriod')}
                        <span className="visually-hidden"> {t('safePlaces.form.periodOf', { day: dayLabel(t, day), n })}</span>
                      </button>
                    </div>
                  );
                })}
                {periods.length < MAX_PERIODS && (
                  <button type="button" className="button button-secondary button-small" onClick={() => setDay(day, [...periods, { opens: '09:00', closes: '17:00' }])}>
                    {t('safePlaces.form.addPeriod')}
                    <span className="visually-hidden"> {dayLabel(t, day)}</span>
                  </button>
                )}
              </div>
            );
          })}
        </div>
      )}
    </fieldset>
  );
}
