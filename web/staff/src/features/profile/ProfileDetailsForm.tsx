import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { Session, SessionUser } from '../../api/types.ts';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { FormAlert } from '../../components/form/FormAlert.tsx';
import { SelectField } from '../../components/form/SelectField.tsx';
import { SubmitButton } from '../../components/form/SubmitButton.tsx';
import { TextField } from '../../components/form/TextField.tsx';
import { fromApiError, fromFieldProblems, type FormErrors } from '../../components/form/formErrors.ts';
import i18n, { isLanguage, LANGUAGES, rememberLanguage } from '../../i18n/i18n.ts';
import { sessionQueryKey } from '../auth/session.ts';

const FIELDS = ['body.displayName', 'body.locale'];

export function ProfileDetailsForm({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [displayName, setDisplayName] = useState(user.displayName);
  // Follows the account (which the header's language buttons also change) until the person picks here.
  const [localeChoice, setLocaleChoice] = useState<string | null>(null);
  const locale = localeChoice ?? (isLanguage(user.locale) ? user.locale : 'en');
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  const save = useMutation({
    mutationFn: (body: { displayName?: string; locale?: string }) => api.patch<SessionUser>('/api/me', body),
    onSuccess: async (saved) => {
      queryClient.setQueryData<Session | null>(sessionQueryKey, (old) => (old ? { ...old, user: { ...old.user, ...saved } } : old));
      if (isLanguage(saved.locale)) {
        rememberLanguage(saved.locale);
        await i18n.changeLanguage(saved.locale);
      }
      setLocaleChoice(null);
      setStatus(i18n.t('common.saved'));
    },
    onError: (error) => setErrors(fromApiError(t, error, FIELDS)),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    setStatus(null);
    const problems = fromFieldProblems(t, { 'body.displayName': displayName.trim() ? undefined : t('fields.displayNameRequired') });
    setErrors(problems);
    if (problems) return;
    const body: { displayName?: string; locale?: string } = {};
    if (displayName.trim() !== user.displayName) body.displayName = displayName.trim();
    if (locale !== user.locale) body.locale = locale;
    if (Object.keys(body).length === 0) return setStatus(t('common.noChanges'));
    save.mutate(body);
  };

  return (
    <section className="card" aria-labelledby="profile-details-heading">
      <h2 id="profile-details-heading">{t('profile.details')}</h2>
      <StatusMessage message={status} />
      <form className="form" noValidate onSubmit={submit}>
        <FormAlert errors={errors} />
        <TextField path="body.displayName" label={t('fields.displayName')} hint={t('profile.displayNameHint')} autoComplete="name" value={displayName} onValueChange={setDisplayName} error={errors?.fields['body.displayName']} />
        <SelectField
          path="body.locale"
          label={t('profile.language')}
          value={locale}
          onValueChange={(value) => isLanguage(value) && setLocaleChoice(value)}
          options={LANGUAGES.map((language) => ({ value: language, label: t(`language.names.${language}`) }))}
          error={errors?.fields['body.locale']}
        />
        <SubmitButton busy={save.isPending} busyLabel={t('common.saving')}>
          {t('common.saveChanges')}
        </SubmitButton>
      </form>
    </section>
  );
}
