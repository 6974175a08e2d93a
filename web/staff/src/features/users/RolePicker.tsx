import { useTranslation } from 'react-i18next';
import type { Meta } from '../../api/types.ts';
import { CheckboxGroup } from '../../components/form/CheckboxGroup.tsx';
import { roleDescription, roleLabel } from '../../components/labels.ts';
import { rolesForAgencyType } from '../meta/useMeta.ts';

export const ROLES_PATH = 'body.roles';

/** Roles as checkboxes, offering only those the agency's kind may hold. */
export function RolePicker({ meta, agencyType, selected, onSelectedChange, error }: {
  meta: Meta;
  agencyType: string | undefined;
  selected: string[];
  onSelectedChange: (roles: string[]) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const roles = rolesForAgencyType(meta, agencyType);
  if (!agencyType) {
    return (
      <fieldset className="field checkbox-group">
        <legend>{t('users.roles')}</legend>
        <p className="hint">{t('users.chooseAgencyFirst')}</p>
      </fieldset>
    );
  }
  return (
    <CheckboxGroup
      path={ROLES_PATH}
      legend={t('users.roles')}
      hint={t('users.rolesHint')}
      options={roles.map((role) => ({ value: role, label: roleLabel(t, role), hint: roleDescription(t, role) || undefined }))}
      selected={selected.filter((role) => roles.includes(role))}
      onSelectedChange={onSelectedChange}
      error={error}
    />
  );
}
