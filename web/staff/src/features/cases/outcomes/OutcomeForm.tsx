import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client.ts';
import { FormAlert } from '../../../components/form/FormAlert.tsx';
import { SelectField } from '../../../components/form/SelectField.tsx';
import { SubmitButton } from '../../../components/form/SubmitButton.tsx';
import { TextAreaField } from '../../../components/form/TextAreaField.tsx';
import { TextField } from '../../../components/form/TextField.tsx';
import { StatusMessage } from '../../../components/StatusMessage.tsx';
import { fromApiError, fromFieldProblems, type FormErrors } from '../../../components/form/formErrors.ts';
import { codeOptions, jurisdictionLevelLabel, offenseLabel, outcomeTypeLabel } from '../caseLabels.ts';
import { checkSafeHarbor, useRecordOutcome } from '../caseContentApi.ts';
import { JURISDICTION_LEVELS, OFFENSE_CATEGORIES, OUTCOME_TYPES, type CaseEntity, type OutcomeType, type SafeHarborCheck } from '../caseTypes.ts';
import { EMPTY_OUTCOME, hasCourt, hasDisposition, needsOffense, outcomeProblems, toOutcomeInput, type OutcomeDraft } from './outcomeDraft.ts';
import { SafeHarborRefusal } from './SafeHarborRefusal.tsx';

const FIELDS = [
  'body.entityId', 'body.type', 'body.occurredOn', 'body.conductOn', 'body.offenseCategory', 'body.statute', 'body.jurisdictionLevel', 'body.description', 'body.disposition', 'body.court', 'body.docketNumber',
  'body.sentence.incarcerationMonths', 'body.sentence.probationMonths', 'body.sentence.fineAmount', 'body.sentence.restitutionAmount',
];

interface Refusal {
  check: SafeHarborCheck | null;
  message: string;
  action: 'arrest' | 'charge';
}

/** Records an arrest, charge, prosecution, adjudication or sentence for one of the case's suspects. */
export function OutcomeForm({ caseId, suspects, canOverride }: { caseId: string; suspects: CaseEntity[]; canOverride: boolean }) {
  const { t } = useTranslation();
  const record = useRecordOutcome(caseId);
  const [draft, setDraft] = useState<OutcomeDraft>(EMPTY_OUTCOME);
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const set = (key: keyof OutcomeDraft) => (value: string) => setDraft((old) => ({ ...old, [key]: value }));
  const chosen = suspects.find((item) => item.id === draft.suspect);

  // A refusal under Safe Harbor is explained with the guard's own reasons, asked for right away.
  const explainRefusal = async (error: ApiError) => {
    const action = draft.type === 'charge' ? 'charge' : 'arrest';
    let check: SafeHarborCheck | null = null;
    try {
      if (chosen) check = await checkSafeHarbor(caseId, chosen.id, draft.conductOn || draft.occurredOn);
    } catch {
      check = null;
    }
    setRefusal({ check, message: error.message, action });
  };

  const send = (override: string | null) => {
    if (record.isPending || !chosen) return;
    record.mutate(toOutcomeInput(draft, chosen.entity.id, override), {
      onSuccess: (outcome) => {
        setDraft(EMPTY_OUTCOME);
        setRefusal(null);
        setStatus(t('cases.outcomes.recorded', { type: outcomeTypeLabel(t, outcome.type), person: outcome.personLabel }));
      },
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'safe_harbor') void explainRefusal(error);
        else setErrors(fromApiError(t, error, FIELDS));
      },
    });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setStatus(null);
    setRefusal(null);
    const problems = fromFieldProblems(t, outcomeProblems(t, draft));
    setErrors(problems);
    if (!problems) send(null);
  };

  const type = draft.type;
  const none = { value: '', label: t('cases.entityForm.notGiven') };
  return (
    <>
      <form className="form entry-form" noValidate onSubmit={submit} aria-labelledby="add-outcome-heading">
        <h3 id="add-outcome-heading">{t('cases.outcomes.add')}</h3>
        <FormAlert errors={errors} />
        <StatusMessage message={status} />
        <div className="field-row">
          <SelectField
            path="outcome.suspect"
            label={t('cases.outcomes.suspect')}
            value={draft.suspect}
            onValueChange={set('suspect')}
            options={[{ value: '', label: t('cases.outcomes.chooseSuspect') }, ...suspects.map((item) => ({ value: item.id, label: item.entity.label }))]}
            error={errors?.fields['body.entityId']}
          />
          <SelectField path="outcome.type" label={t('cases.outcomes.type')} value={type} onValueChange={(value) => setDraft((old) => ({ ...old, type: value as OutcomeType }))} options={codeOptions(t, OUTCOME_TYPES, outcomeTypeLabel)} error={errors?.fields['body.type']} />
        </div>
        <div className="field-row field-row-top">
          <TextField path="outcome.occurredOn" label={t('cases.outcomes.occurredOn')} type="date" value={draft.occurredOn} onValueChange={set('occurredOn')} error={errors?.fields['body.occurredOn']} />
          <TextField path="outcome.conductOn" label={t('cases.outcomes.conductOn')} hint={t('cases.outcomes.conductOnHint')} type="date" optional value={draft.conductOn} onValueChange={set('conductOn')} error={errors?.fields['body.conductOn']} />
        </div>
        <div className="field-row">
          <SelectField
            path="outcome.offenseCategory"
            label={t('cases.outcomes.offense')}
            value={draft.offenseCategory}
            onValueChange={set('offenseCategory')}
            options={[needsOffense(type) ? { value: '', label: t('cases.outcomes.chooseOffense') } : none, ...codeOptions(t, OFFENSE_CATEGORIES, offenseLabel)]}
            error={errors?.fields['body.offenseCategory']}
          />
          <TextField path="outcome.statute" label={t('cases.outcomes.statute')} optional value={draft.statute} onValueChange={set('statute')} error={errors?.fields['body.statute']} />
          <SelectField path="outcome.jurisdictionLevel" label={t('cases.outcomes.jurisdictionLevel')} value={draft.jurisdictionLevel} onValueChange={set('jurisdictionLevel')} options={[none, ...codeOptions(t, JURISDICTION_LEVELS, jurisdictionLevelLabel)]} />
        </div>
        {hasDisposition(type) && (
          <TextField path="outcome.disposition" label={t('cases.outcomes.disposition')} hint={t(`cases.outcomes.dispositionHint.${type}`)} optional value={draft.disposition} onValueChange={set('disposition')} error={errors?.fields['body.disposition']} />
        )}
        {hasCourt(type) && (
          <div className="field-row">
            <TextField path="outcome.court" label={t('cases.outcomes.court')} optional value={draft.court} onValueChange={set('court')} error={errors?.fields['body.court']} />
            <TextField path="outcome.docketNumber" label={t('cases.outcomes.docketNumber')} optional value={draft.docketNumber} onValueChange={set('docketNumber')} error={errors?.fields['body.docketNumber']} />
          </div>
        )}
        {type === 'sentence' && (
          <div className="field-row">
            {(['incarcerationMonths', 'probationMonths', 'fineAmount', 'restitutionAmount'] as const).map((field) => (
              <TextField key={field} path={`outcome.${field}`} label={t(`cases.outcomes.sentence.${field}`)} optional inputMode="decimal" className="input-short" value={draft[field]} onValueChange={set(field)} error={errors?.fields[`body.sentence.${field}`]} />
            ))}
          </div>
        )}
        <TextAreaField path="outcome.description" label={t('cases.outcomes.description')} optional rows={2} value={draft.description} onValueChange={set('description')} error={errors?.fields['body.description']} />
        <SubmitButton busy={record.isPending && !refusal} busyLabel={t('common.saving')}>
          {t('cases.outcomes.submit')}
        </SubmitButton>
      </form>
      {refusal && (
        <SafeHarborRefusal check={refusal.check} serverMessage={refusal.message} action={refusal.action} canOverride={canOverride} busy={record.isPending} onOverride={(reason) => send(reason)} />
      )}
    </>
  );
}
