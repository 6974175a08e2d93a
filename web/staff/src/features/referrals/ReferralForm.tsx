import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/form/FormAlert.tsx';
import { SelectField } from '../../components/form/SelectField.tsx';
import { SubmitButton } from '../../components/form/SubmitButton.tsx';
import { TextField } from '../../components/form/TextField.tsx';
import { fromApiError, fromFieldProblems, type FormErrors } from '../../components/form/formErrors.ts';
import { SERVICE_TYPES } from '../../../../../common/directory/vocabulary.ts';
import { useProviders } from '../directory/directoryApi.ts';
import { referralServiceLabel } from './referralLabels.ts';
import { useStartReferral } from './referralsApi.ts';

/** Starts a draft referral to a directory provider offering the service; it goes out only when sent. */
export function ReferralForm({ survivorId, onStarted }: { survivorId: string; onStarted: (message: string) => void }) {
  const { t } = useTranslation();
  const start = useStartReferral(survivorId);
  const [serviceType, setServiceType] = useState('');
  const [providerId, setProviderId] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const providers = useProviders({ q: '', serviceType, status: 'active', mine: '' });
  const offering = serviceType ? (providers.data ?? []).filter((p) => p.serviceTypes.some((s) => s === serviceType)) : [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (start.isPending) return;
    const problems = fromFieldProblems(t, {
      'body.serviceType': serviceType ? undefined : t('referrals.form.serviceRequired'),
      'body.providerId': providerId ? undefined : t('referrals.form.providerRequired'),
    });
    setErrors(problems);
    if (problems) return;
    start.mutate(
      { providerId, serviceType, note: note.trim() || undefined },
      {
        onSuccess: (referral) => {
          onStarted(t('referrals.drafted', { provider: referral.provider?.name ?? '' }));
          setProviderId('');
          setNote('');
        },
        onError: (e) => setErrors(fromApiError(t, e, ['body.serviceType', 'body.providerId', 'body.note'])),
      },
    );
  };

  return (
    <form className="form entry-form" noValidate onSubmit={submit} aria-labelledby="referral-form-heading">
      <h3 id="referral-form-heading">{t('referrals.form.title')}</h3>
      <p className="hint">{t('referrals.form.hint')}</p>
      <FormAlert errors={errors} />
      <SelectField path="body.serviceType" label={t('referrals.form.service')} value={serviceType} onValueChange={(v) => { setServiceType(v); setProviderId(''); }} options={[{ value: '', label: t('survivors.choose') }, ...SERVICE_TYPES.map((s) => ({ value: s, label: referralServiceLabel(t, s) }))]} error={errors?.fields['body.serviceType']} />
      <SelectField
        path="body.providerId"
        label={t('referrals.form.provider')}
        hint={serviceType && providers.data && offering.length === 0 ? t('referrals.form.noProviders') : undefined}
        value={providerId}
        onValueChange={setProviderId}
        disabled={!serviceType}
        options={[{ value: '', label: t('survivors.choose') }, ...offering.map((p) => ({ value: p.id, label: p.linkedAgency ? p.name : t('referrals.form.notLinked', { name: p.name }) }))]}
        error={errors?.fields['body.providerId']}
      />
      <TextField path="body.note" label={t('referrals.form.note')} hint={t('referrals.form.noteHint')} optional value={note} onValueChange={setNote} error={errors?.fields['body.note']} />
      <SubmitButton busy={start.isPending} busyLabel={t('common.saving')}>
        {t('referrals.form.submit')}
      </SubmitButton>
    </form>
  );
}
