import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField } from '../../components/form/CheckboxField.tsx';
import { FormAlert } from '../../components/form/FormAlert.tsx';
import { SelectField } from '../../components/form/SelectField.tsx';
import { SubmitButton } from '../../components/form/SubmitButton.tsx';
import { TextAreaField } from '../../components/form/TextAreaField.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { fromApiError, fromFieldProblems, type FormErrors } from '../../components/form/formErrors.ts';
import { concernLabel, priorityLabel, statusLabel } from './tipLabels.ts';
import { useTriageTip } from './tipsApi.ts';
import { CONCERN_TYPES, PRIORITIES, type ConcernType, type Priority, type TipDetail, type TriageChange } from './tipTypes.ts';

const FIELDS = ['body.priority', 'body.concernType', 'body.minorInvolved', 'body.status', 'body.closedReason'];
const SETTABLE_STATUSES = ['under_review', 'assigned', 'closed'] as const;

interface Triage {
  priority: Priority;
  concernType: ConcernType;
  minorInvolved: boolean;
  status: string;
  closedReason: string;
}

/** Only what the person changed is sent; everything else shows the tip as the server last answered it. */
function changesOf(tip: TipDetail, draft: Triage): TriageChange {
  const change: TriageChange = {};
  if (draft.priority !== tip.priority) change.priority = draft.priority;
  if (draft.concernType !== tip.concernType) change.concernType = draft.concernType;
  if (draft.minorInvolved !== tip.minorInvolved) change.minorInvolved = draft.minorInvolved;
  const closing = draft.status === 'closed';
  if (draft.status !== tip.status || (closing && draft.closedReason.trim() !== (tip.closedReason ?? ''))) {
    change.status = draft.status as TriageChange['status'];
    if (closing) change.closedReason = draft.closedReason.trim();
  }
  return change;
}

export function TipTriageForm({ tip }: { tip: TipDetail }) {
  const { t } = useTranslation();
  const triage = useTriageTip(tip.id);
  const [edits, setEdits] = useState<Partial<Triage>>({});
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const draft: Triage = {
    priority: tip.priority,
    concernType: tip.concernType,
    minorInvolved: tip.minorInvolved,
    status: tip.status,
    closedReason: tip.closedReason ?? '',
    ...edits,
  };
  const set = <K extends keyof Triage>(key: K) => (value: Triage[K]) => setEdits((old) => ({ ...old, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (triage.isPending) return;
    setStatus(null);
    const problems = fromFieldProblems(t, { 'body.closedReason': draft.status === 'closed' && draft.closedReason.trim().length < 3 ? t('tips.triage.reasonRequired') : undefined });
    setErrors(problems);
    if (problems) return;
    const change = changesOf(tip, draft);
    if (Object.keys(change).length === 0) {
      setStatus(t('common.noChanges'));
      return;
    }
    triage.mutate(change, {
      onSuccess: () => {
        setEdits({});
        setStatus(t('common.saved'));
      },
      onError: (error) => setErrors(fromApiError(t, error, FIELDS)),
    });
  };

  const statuses: string[] = (SETTABLE_STATUSES as readonly string[]).includes(tip.status) ? [...SETTABLE_STATUSES] : [tip.status, ...SETTABLE_STATUSES];
  return (
    <section className="card" aria-labelledby="tip-triage-heading">
      <h2 id="tip-triage-heading">{t('tips.triage.title')}</h2>
      <form className="form" noValidate onSubmit={submit}>
        <FormAlert errors={errors} />
        <StatusMessage message={status} />
        <SelectField path="body.priority" label={t('tips.fields.priority')} value={draft.priority} onValueChange={(v) => set('priority')(v as Priority)} options={PRIORITIES.map((p) => ({ value: p, label: priorityLabel(t, p) }))} error={errors?.fields['body.priority']} />
        <SelectField path="body.concernType" label={t('tips.fields.concern')} value={draft.concernType} onValueChange={(v) => set('concernType')(v as ConcernType)} options={CONCERN_TYPES.map((c) => ({ value: c, label: concernLabel(t, c) }))} error={errors?.fields['body.concernType']} />
        <CheckboxField path="body.minorInvolved" label={t('tips.triage.minorInvolved')} checked={draft.minorInvolved} onCheckedChange={set('minorInvolved')} />
        <SelectField path="body.status" label={t('tips.fields.status')} value={draft.status} onValueChange={set('status')} options={statuses.map((s) => ({ value: s, label: statusLabel(t, s) }))} error={errors?.fields['body.status']} />
        {draft.status === 'closed' && (
          <TextAreaField path="body.closedReason" label={t('tips.triage.closedReason')} hint={t('tips.triage.closedReasonHint')} rows={2} value={draft.closedReason} onValueChange={set('closedReason')} error={errors?.fields['body.closedReason']} />
        )}
        <SubmitButton busy={triage.isPending} busyLabel={t('common.saving')}>
          {t('tips.triage.save')}
        </SubmitButton>
      </form>
    </section>
  );
}
