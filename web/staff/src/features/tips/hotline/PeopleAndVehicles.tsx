import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/form/TextField.tsx';
import type { HotlineDraft } from './hotlineDraft.ts';

interface SectionProps {
  draft: HotlineDraft;
  onChange: (change: Partial<HotlineDraft>) => void;
  errors: Record<string, string> | undefined;
}

export function PeopleFields({ draft, onChange, errors }: SectionProps) {
  const { t } = useTranslation();
  const setPerson = (index: number, key: 'description' | 'approxAge', value: string) =>
    onChange({ people: draft.people.map((person, i) => (i === index ? { ...person, [key]: value } : person)) });
  return (
    <fieldset className="form-section">
      <legend>{t('tips.hotline.people')}</legend>
      <p className="hint">{t('tips.hotline.peopleHint')}</p>
      {draft.people.map((person, index) => (
        <div className="field-row" key={index}>
          <TextField path={`body.people.${index}.description`} label={t('tips.hotline.personDescription', { n: index + 1 })} optional value={person.description} onValueChange={(v) => setPerson(index, 'description', v)} error={errors?.[`body.people.${index}.description`]} />
          <TextField path={`body.people.${index}.approxAge`} label={t('tips.hotline.personAge', { n: index + 1 })} optional inputMode="numeric" maxLength={3} className="input-short" value={person.approxAge} onValueChange={(v) => setPerson(index, 'approxAge', v)} error={errors?.[`body.people.${index}.approxAge`]} />
        </div>
      ))}
    </fieldset>
  );
}

export function VehicleFields({ draft, onChange, errors }: SectionProps) {
  const { t } = useTranslation();
  const setVehicle = (index: number, key: 'plate' | 'state' | 'description', value: string) =>
    onChange({ vehicles: draft.vehicles.map((vehicle, i) => (i === index ? { ...vehicle, [key]: value } : vehicle)) });
  return (
    <fieldset className="form-section">
      <legend>{t('tips.hotline.vehicles')}</legend>
      {draft.vehicles.map((vehicle, index) => (
        <div className="field-row" key={index}>
          <TextField path={`body.vehicles.${index}.plate`} label={t('tips.hotline.vehiclePlate', { n: index + 1 })} optional autoComplete="off" maxLength={12} className="input-short" value={vehicle.plate} onValueChange={(v) => setVehicle(index, 'plate', v)} error={errors?.[`body.vehicles.${index}.plate`]} />
          <TextField path={`body.vehicles.${index}.state`} label={t('tips.hotline.vehicleState', { n: index + 1 })} optional maxLength={2} className="input-short" value={vehicle.state} onValueChange={(v) => setVehicle(index, 'state', v)} error={errors?.[`body.vehicles.${index}.state`]} />
          <TextField path={`body.vehicles.${index}.description`} label={t('tips.hotline.vehicleDescription', { n: index + 1 })} optional value={vehicle.description} onValueChange={(v) => setVehicle(index, 'description', v)} error={errors?.[`body.vehicles.${index}.description`]} />
        </div>
      ))}
    </fieldset>
  );
}
