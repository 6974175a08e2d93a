import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/form/FormAlert.tsx';
import { SelectField } from '../../components/form/SelectField.tsx';
import { SubmitButton } from '../../components/form/SubmitButton.tsx';
import { TextAreaField } from '../../components/form/TextAreaField.tsx';
import { TextField } from '../../components/form/TextField.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { fromApiError, fromFieldProblems, type FormErrors } from '../../components/form/formErrors.ts';
import { caseStatusLabel, codeOptions } from './caseLabels.ts';
import { useUpdateCase } from './casesApi.ts';
import { CASE_STATUSES, type Case, type CasePatch, type CaseStatus } from './caseTypes.ts';

const FIELDS = ['body.status', 'body.closedReason', 'body.referredTo'];

/** The lead agency moves the case along; closing or referring it needs a reason, and a referral says to whom. */
export function CaseStatusForm({ kase }: { kase: Case }) {
  const { t } = useTranslation();
  const update = useUpdateCase(kase.id);
  const [status, setStatus] = useState<CaseStatus>(kase.status);
  const [reason, setReason] = useState('');
  const [referredTo, setReferredTo] = useState('');
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const ending = status === 'closed' || status === 'referred';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (update.isPending) return;
    setDone(null);
    if (status === kase.status) {
      setDone(t('common.noChanges'));
      return;
    }
    const problems = fromFieldProblems(t, {
      'body.closedReason': ending && reason.trim().length < 3 ? t('cases.statusForm.reasonRequired') : undefined,
      'body.referredTo': status === 'referred' && referredTo.trim().length < 2 ? t('cases.statusForm.referredToRequired') : undefined,
    });
    setErrors(problems);
    if (problems) return;
    const patch: CasePatch = { status };
    if (ending) patch.closedReason = reason.trim();
    if (status === 'referred') patch.referredTo = referredTo.trim();
    update.mutate(patch, {
      onSuccess: () => {
        setReason('');
        setReferredTo('');
        setDone(t('cases.statusForm.saved', { status: caseStatusLabel(t, status) }));
      },
      onError: (error) => setErrors(fromApiError(t, error, FIELDS)),
    });
  };

  return (
    <form className="form status-form" noValidate onSubmit={submit}>
      <h2 id="case-status-heading">{t('cases.statusForm.title')}</h2>
      <FormAlert errors={errors} />
      <StatusMessage message={done} />
      <SelectField path="case.status" label={t('cases.statusForm.status')} value={status} onValueChange={(value) => setStatus(value as CaseStatus)} options={codeOptions(t, CASE_STATUSES, caseStatusLabel)} error={errors?.fields['body.status']} />
      {ending && (
        <TextAreaField path="case.closedReason" label={status === 'closed' ? t('cases.statusForm.closedReason') : t('cases.statusForm.referredReason')} rows={2} value={reason} onValueChange={setReason} error={errors?.fields['body.closedReason']} />
      )}
      {status === 'referred' && <TextField path="case.referredTo" label={t('cases.statusForm.referredTo')} value={referredTo} onValueChange={setReferredTo} error={errors?.fields['body.referredTo']} />}
      <SubmitButton busy={update.isPending} busyLabel={t('common.saving')}>
        {t('cases.statusForm.submit')}
      </SubmitButton>
    </form>
  );
}
