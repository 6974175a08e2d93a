import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/form/FormAlert.tsx';
import { RadioGroup } from '../../components/form/RadioGroup.tsx';
import { SubmitButton } from '../../components/form/SubmitButton.tsx';
import { TextAreaField } from '../../components/form/TextAreaField.tsx';
import { TextField } from '../../components/form/TextField.tsx';
import { Page } from '../../components/Page.tsx';
import { fromApiError, fromFieldProblems, type FormErrors } from '../../components/form/formErrors.ts';
import { useSignedInUser } from '../auth/session.ts';
import { codeOptions, traffickingLabel } from './caseLabels.ts';
import { useCreateCase } from './casesApi.ts';
import { TRAFFICKING_TYPES, type TraffickingType } from './caseTypes.ts';
import './cases.css';

const FIELDS = ['body.title', 'body.traffickingType', 'body.summary', 'body.jurisdictions'];

/** Opens a case led by the person's agency, with them as its lead. */
export function NewCasePage() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const navigate = useNavigate();
  const create = useCreateCase();
  const [title, setTitle] = useState('');
  const [traffickingType, setTraffickingType] = useState<TraffickingType | ''>('');
  const [summary, setSummary] = useState('');
  const [jurisdictions, setJurisdictions] = useState('');
  const [errors, setErrors] = useState<FormErrors | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (create.isPending) return;
    const problems = fromFieldProblems(t, {
      'body.title': title.trim().length >= 3 ? undefined : t('cases.newCase.titleRequired'),
      'body.traffickingType': traffickingType ? undefined : t('cases.newCase.typeRequired'),
    });
    setErrors(problems);
    if (problems || !traffickingType) return;
    create.mutate(
      { title: title.trim(), traffickingType, summary: summary.trim() || undefined, jurisdictions: jurisdictions.split(',').map((j) => j.trim()).filter(Boolean) },
      { onSuccess: (created) => navigate(`/cases/${created.id}`), onError: (error) => setErrors(fromApiError(t, error, FIELDS)) },
    );
  };

  return (
    <Page back={{ to: '/cases', label: t('cases.backToList') }} title={t('cases.newCase.title')} lead={t('cases.newCase.lead', { agency: me.agency.name })} width="narrow">
      <form className="form card" noValidate onSubmit={submit}>
        <FormAlert errors={errors} />
        <TextField path="body.title" label={t('cases.newCase.caseTitle')} hint={t('cases.newCase.titleHint')} value={title} onValueChange={setTitle} error={errors?.fields['body.title']} />
        <RadioGroup path="body.traffickingType" legend={t('cases.fields.traffickingType')} options={codeOptions(t, TRAFFICKING_TYPES, traffickingLabel)} value={traffickingType} onValueChange={(value) => setTraffickingType(value as TraffickingType)} error={errors?.fields['body.traffickingType']} />
        <TextAreaField path="body.summary" label={t('cases.fields.summary')} hint={t('cases.newCase.summaryHint')} optional rows={5} value={summary} onValueChange={setSummary} error={errors?.fields['body.summary']} />
        <TextField path="body.jurisdictions" label={t('cases.fields.jurisdictions')} hint={t('cases.newCase.jurisdictionsHint')} optional value={jurisdictions} onValueChange={setJurisdictions} error={errors?.fields['body.jurisdictions']} />
        <SubmitButton busy={create.isPending} busyLabel={t('common.saving')}>
          {t('cases.newCase.submit')}
        </SubmitButton>
      </form>
    </Page>
  );
}
