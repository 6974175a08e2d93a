import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/form/FormAlert.tsx';
import { RadioGroup } from '../../components/form/RadioGroup.tsx';
import { SelectField } from '../../components/form/SelectField.tsx';
import { SubmitButton } from '../../components/form/SubmitButton.tsx';
import { TextAreaField } from '../../components/form/TextAreaField.tsx';
import { TextField } from '../../components/form/TextField.tsx';
import { fromApiError, fromFieldProblems, type FormErrors } from '../../components/form/formErrors.ts';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { neededLabel, serviceTypeLabel } from './directoryLabels.ts';
import { useSendInquiry } from './directoryApi.ts';
import type { Inquiry, ProviderDetail } from './directoryTypes.ts';

const FIELDS = ['body.serviceType', 'body.peopleCount', 'body.age', 'body.language', 'body.needed', 'body.note'];

/**
 * "Can you take this person?": a referral inquiry to the agency that runs the service. It asks only what a
 * place needs (how many, an age, a language, how soon); the person's name and details stay out of it.
 */
export function InquiryForm({ provider, initialService, initialAge, initialLanguage }: { provider: ProviderDetail; initialService: string | null; initialAge?: string | null; initialLanguage?: string | null }) {
  const { t } = useTranslation();
  const send = useSendInquiry(provider.id);
  const heading = useRef<HTMLHeadingElement>(null);
  const [serviceType, setServiceType] = useState(initialService && provider.serviceTypes.includes(initialService as never) ? initialService : (provider.serviceTypes[0] ?? ''));
  const [peopleCount, setPeopleCount] = useState('1');
  const [age, setAge] = useState(initialAge && /^\d{1,3}$/.test(initialAge) ? initialAge : '');
  const [language, setLanguage] = useState(initialLanguage ?? '');
  const [needed, setNeeded] = useState<'today' | 'this_week' | 'flexible'>('today');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const [sent, setSent] = useState<Inquiry | null>(null);

  // Arriving from a search result's "Start a referral inquiry", the form is where the person wants to be.
  useEffect(() => {
    if (initialService && window.location.hash === '#inquiry') heading.current?.scrollIntoView();
  }, [initialService]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (send.isPending) return;
    const count = Number(peopleCount);
    const years = age.trim() === '' ? null : Number(age);
    const problems = fromFieldProblems(t, {
      'body.peopleCount': Number.isInteger(count) && count >= 1 && count <= 20 ? undefined : t('directory.inquiry.peopleInvalid'),
      'body.age': years === null || (Number.isInteger(years) && years >= 0 && years <= 120) ? undefined : t('directory.inquiry.ageInvalid'),
    });
    setErrors(problems);
    if (problems) return;
    send.mutate(
      { serviceType, peopleCount: count, age: years, language: language.trim() || null, needed, note: note.trim() || null },
      { onSuccess: (inquiry) => setSent(inquiry), onError: (error) => setErrors(fromApiError(t, error, FIELDS)) },
    );
  };

  return (
    <section className="card" id="inquiry" aria-labelledby="inquiry-heading">
      <h2 id="inquiry-heading" ref={heading} tabIndex={-1}>
        {t('directory.inquiry.title')}
      </h2>
      <StatusMessage message={sent ? t('directory.inquiry.sent', { number: sent.number, agency: sent.toAgency.name }) : null} takeFocus />
      {sent ? (
        <p>
          <Link to="/directory/inquiries?box=sent">{t('directory.inquiry.follow')}</Link>
        </p>
      ) : (
        <form className="form" noValidate onSubmit={submit}>
          <p className="hint">{t('directory.inquiry.explain')}</p>
          <FormAlert errors={errors} />
          <SelectField path="body.serviceType" label={t('directory.fields.service')} value={serviceType} onValueChange={setServiceType} options={provider.serviceTypes.map((s) => ({ value: s, label: serviceTypeLabel(t, s) }))} error={errors?.fields['body.serviceType']} />
          <div className="field-row">
            <TextField path="body.peopleCount" label={t('directory.inquiry.people')} type="number" inputMode="numeric" min={1} max={20} className="input-short" value={peopleCount} onValueChange={setPeopleCount} error={errors?.fields['body.peopleCount']} />
            <TextField path="body.age" label={t('directory.inquiry.age')} type="number" inputMode="numeric" min={0} max={120} className="input-short" optional value={age} onValueChange={setAge} error={errors?.fields['body.age']} />
            <TextField path="body.language" label={t('directory.inquiry.language')} hint={t('directory.inquiry.languageHint')} optional autoComplete="off" spellCheck={false} className="input-short" value={language} onValueChange={setLanguage} error={errors?.fields['body.language']} />
          </div>
          <RadioGroup path="body.needed" legend={t('directory.inquiry.needed')} value={needed} onValueChange={(v) => setNeeded(v as typeof needed)} options={(['today', 'this_week', 'flexible'] as const).map((v) => ({ value: v, label: neededLabel(t, v) }))} />
          <TextAreaField path="body.note" label={t('directory.inquiry.note')} hint={t('directory.inquiry.noteHint')} optional rows={3} maxLength={500} value={note} onValueChange={setNote} error={errors?.fields['body.note']} />
          <div className="button-row">
            <SubmitButton busy={send.isPending} busyLabel={t('common.working')}>
              {t('directory.inquiry.send')}
            </SubmitButton>
          </div>
        </form>
      )}
    </section>
  );
}
