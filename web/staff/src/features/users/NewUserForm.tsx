import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agency, Meta, User } from '../../api/types.ts';
import { FormAlert } from '../../components/form/FormAlert.tsx';
import { SelectField } from '../../components/form/SelectField.tsx';
import { SubmitButton } from '../../components/form/SubmitButton.tsx';
import { TextField } from '../../components/form/TextField.tsx';
import { fromApiError, fromFieldProblems, type FormErrors } from '../../components/form/formErrors.ts';
import { rolesForAgencyType } from '../meta/useMeta.ts';
import { ROLES_PATH, RolePicker } from './RolePicker.tsx';
import { useCreateUser } from './usersApi.ts';

const FIELDS = ['body.agencyId', 'body.email', 'body.displayName', ROLES_PATH];

interface NewUserFormProps {
  meta: Meta;
  agencies: Agency[];
  /** Set when the administrator may only add people to their own agency. */
  fixedAgencyId: string | undefined;
  onCreated: (created: { user: User; activationUrl: string }) => void;
}

export function NewUserForm({ meta, agencies, fixedAgencyId, onCreated }: NewUserFormProps) {
  const { t } = useTranslation();
  const create = useCreateUser();
  const [agencyId, setAgencyId] = useState(fixedAgencyId ?? '');
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [roles, setRoles] = useState<string[]>([]);
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const agency = agencies.find((candidate) => candidate.id === agencyId);
  const allowedRoles = rolesForAgencyType(meta, agency?.type);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (create.isPending) return;
    const chosenRoles = roles.filter((role) => allowedRoles.includes(role));
    const problems = fromFieldProblems(t, {
      'body.agencyId': agencyId ? undefined : t('users.agencyRequired'),
      'body.email': /^\S+@\S+\.\S+$/.test(email.trim()) ? undefined : t('fields.emailInvalid'),
      'body.displayName': displayName.trim() ? undefined : t('fields.displayNameRequired'),
      [ROLES_PATH]: chosenRoles.length > 0 ? undefined : t('users.rolesRequired'),
    });
    setErrors(problems);
    if (problems) return;
    create.mutate(
      { agencyId, email: email.trim(), displayName: displayName.trim(), roles: chosenRoles },
      { onSuccess: onCreated, onError: (error) => setErrors(fromApiError(t, error, FIELDS)) },
    );
  };

  return (
    <form className="card form" noValidate onSubmit={submit}>
      <FormAlert errors={errors} />
      {fixedAgencyId ? (
        <p>
          <strong>{t('fields.agency')}:</strong> {agency?.name}
        </p>
      ) : (
        <SelectField
          required
          path="body.agencyId"
          label={t('fields.agency')}
          value={agencyId}
          onValueChange={setAgencyId}
          options={[{ value: '', label: t('users.chooseAgency') }, ...agencies.map((a) => ({ value: a.id, label: a.name }))]}
          error={errors?.fields['body.agencyId']}
        />
      )}
      <TextField path="body.displayName" label={t('fields.displayName')} autoComplete="off" value={displayName} onValueChange={setDisplayName} error={errors?.fields['body.displayName']} />
      <TextField
        path="body.email"
        label={t('fields.email')}
        hint={t('users.emailHint')}
        type="email"
        autoComplete="off"
        spellCheck={false}
        value={email}
        onValueChange={setEmail}
        error={errors?.fields['body.email']}
      />
      <RolePicker meta={meta} agencyType={agency?.type} selected={roles} onSelectedChange={setRoles} error={errors?.fields[ROLES_PATH]} />
      <SubmitButton busy={create.isPending} busyLabel={t('users.creating')}>
        {t('users.create')}
      </SubmitButton>
    </form>
  );
}
