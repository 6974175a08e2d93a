import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../components/form/SelectField.tsx';
import { TextAreaField } from '../../../components/form/TextAreaField.tsx';
import { TextField } from '../../../components/form/TextField.tsx';
import { codeOptions, industryLabel, orgTypeLabel, paymentServiceLabel, placeKindLabel, sexLabel } from '../caseLabels.ts';
import { INDUSTRIES, ORG_TYPES, PAYMENT_SERVICES, PLACE_KINDS, SEXES, type EntityKind } from '../caseTypes.ts';
import { entityPath, KIND_FIELDS, type EntityDraft } from './entityDraft.ts';

type Field = keyof EntityDraft;

/** Fields every kind must have; the rest are marked optional. */
const REQUIRED: Partial<Record<EntityKind, Field[]>> = {
  organization: ['name'],
  location: ['address'],
  phone: ['number'],
  email: ['address'],
  vehicle: ['plate'],
  payment_handle: ['handle'],
};

/** Which catalog key labels a field, when it differs from `cases.entityFields.<field>` for this kind. */
function labelKey(kind: EntityKind, field: Field): string {
  if (kind === 'email' && field === 'address') return 'cases.entityFields.emailAddress';
  if (kind === 'vehicle' && field === 'state') return 'cases.entityFields.plateState';
  return `cases.entityFields.${field}`;
}

/** Fields that come with a hint, under `cases.entityHints.<kind>.<field>`. */
const HINTS: Partial<Record<EntityKind, Field[]>> = {
  person: ['name', 'aliases', 'birthDate', 'estimatedAge'],
  location: ['state'],
  phone: ['number'],
  vehicle: ['plate', 'state'],
  online_account: ['platform', 'handle'],
  payment_handle: ['handle'],
};

function hintFor(t: TFunction, kind: EntityKind, field: Field): string | undefined {
  return HINTS[kind]?.includes(field) ? t(`cases.entityHints.${kind}.${field}`) : undefined;
}

function selectOptions(t: TFunction, field: Field): { value: string; label: string }[] | null {
  const none = { value: '', label: t('cases.entityForm.notGiven') };
  if (field === 'sex') return [none, ...codeOptions(t, SEXES, sexLabel)];
  if (field === 'orgType') return codeOptions(t, ORG_TYPES, orgTypeLabel);
  if (field === 'industry') return [none, ...codeOptions(t, INDUSTRIES, industryLabel)];
  if (field === 'placeKind') return codeOptions(t, PLACE_KINDS, placeKindLabel);
  if (field === 'service') return codeOptions(t, PAYMENT_SERVICES, paymentServiceLabel);
  if (field === 'accountType') return [{ value: 'account', label: t('cases.entityForm.account') }, { value: 'ad', label: t('cases.entityForm.ad') }];
  return null;
}

const INPUT_TYPES: Partial<Record<Field, { type: string; inputMode?: 'numeric' | 'tel' | 'email' | 'url'; short?: boolean }>> = {
  birthDate: { type: 'date', short: true },
  estimatedAge: { type: 'text', inputMode: 'numeric', short: true },
  year: { type: 'text', inputMode: 'numeric', short: true },
  number: { type: 'tel', inputMode: 'tel' },
  state: { type: 'text', short: true },
  zip: { type: 'text', inputMode: 'numeric', short: true },
  url: { type: 'text', inputMode: 'url' },
};

interface EntityFieldsProps {
  kind: EntityKind;
  draft: EntityDraft;
  onChange: (field: Field, value: string) => void;
  errors: Record<string, string> | undefined;
}

/** The fields of one kind of entity, each named by the path the server uses in its errors. */
export function EntityFields({ kind, draft, onChange, errors }: EntityFieldsProps) {
  const { t } = useTranslation();
  const required = REQUIRED[kind] ?? [];
  return (
    <div className="field-row entity-fields">
      {KIND_FIELDS[kind].map((field) => {
        const path = entityPath(field);
        const common = { path, label: t(labelKey(kind, field)), hint: hintFor(t, kind, field), error: errors?.[path] };
        const options = selectOptions(t, field);
        if (options) return <SelectField key={field} {...common} value={draft[field]} onValueChange={(value) => onChange(field, value)} options={options} />;
        if (field === 'description') {
          return <TextAreaField key={field} {...common} optional rows={2} value={draft[field]} onValueChange={(value) => onChange(field, value)} />;
        }
        const input = INPUT_TYPES[field] ?? { type: 'text' };
        return (
          <TextField
            key={field}
            {...common}
            type={input.type}
            inputMode={input.inputMode}
            className={input.short ? 'input-short' : undefined}
            optional={!required.includes(field)}
            autoComplete="off"
            spellCheck={false}
            value={draft[field]}
            onValueChange={(value) => onChange(field, value)}
          />
        );
      })}
    </div>
  );
}
