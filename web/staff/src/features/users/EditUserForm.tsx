import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Meta, User } from '../../api/types.ts';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { FormAlert } from '../../components/form/FormAlert.tsx';
import { SubmitButton } from '../../components/form/SubmitButton.tsx';
import { TextField } from '../../components/form/TextField.tsx';
import { fromApiError, fromFieldProblems, type FormErrors } from '../../components/form/formErrors.ts';
import { ROLES_PATH, RolePicker } from './RolePicker.tsx';
import { useUpdateUser } from './usersApi.ts';

const FIELDS = ['body.displayName', ROLES_PATH];

function sameRoles(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((role) => b.includes(role));
}

export function EditUserForm({ user, meta, agencyType }: { user: User; meta: Meta; agencyType: string | undefined }) {
  const { t } = useTranslation();
  const update = useUpdateUser(user.id);
  const [displayName, setDisplayName] = useState(user.displayName);
  const [roles, setRoles] = useState(user.roles);
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (update.isPending) return;
    setStatus(null);
    const problems = fromFieldProblems(t, {
      'body.displayName': displayName.trim() ? undefined : t('fields.displayNameRequired'),
      [ROLES_PATH]: roles.length > 0 ? undefined : t('users.rolesRequired'),
    });
    setErrors(problems);
    if (problems) return;
    const body: { displayName?: string; roles?: string[] } = {};
    if (displayName.trim() !== user.displayName) body.displayName = displayName.trim();
    if (!sameRoles(roles, user.roles)) body.roles = roles;
    if (Object.keys(body).length === 0) return setStatus(t('common.noChanges'));
    update.mutate(body, { onSuccess: () => setStatus(t('common.saved')), onError: (error) => setErrors(fromApiError(t, error, FIELDS)) });
  };

  return (
    <section className="card" aria-labelledby="user-edit-heading">
      <h2 id="user-edit-heading">{t('users.edit')}</h2>
      <StatusMessage message={status} />
      <form className="form" noValidate onSubmit={submit}>
        <FormAlert errors={errors} />
        <TextField path="body.displayName" label={t('fields.displayName')} autoComplete="off" value={displayName} onValueChange={setDisplayName} error={errors?.fields['body.displayName']} />
        <RolePicker meta={meta} agencyType={agencyType} selected={roles} onSelectedChange={setRoles} error={errors?.fields[ROLES_PATH]} />
        <SubmitButton busy={update.isPending} busyLabel={t('common.saving')}>
          {t('common.saveChanges')}
        </SubmitButton>
      </form>
    </section>
  );
}
