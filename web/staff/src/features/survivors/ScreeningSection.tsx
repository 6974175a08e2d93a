import { useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/form/FormAlert.tsx';
import { SubmitButton } from '../../components/form/SubmitButton.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { fromApiError, type FormErrors } from '../../components/form/formErrors.ts';
import { formatDateTime } from '../../components/format.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import { screeningDomainLabel } from './survivorLabels.ts';
import { useScreeningQuestions, useSurvivorWork } from './survivorsApi.ts';
import type { Screening, ScreeningQuestions, Survivor } from './survivorTypes.ts';

const ANSWERS = ['yes', 'no', 'unsure'] as const;

// The server words its reasons in English (server/modules/survivors/screening.ts); the page says them in its own language.
const REASONS: Record<string, string> = {
  'A person under 18 was involved in commercial sex: no force, fraud or coercion needs to be shown.': 'minorSex',
  'Commercial sex together with force, fraud or coercion.': 'sexMeans',
  'Labor or services together with force, fraud or coercion.': 'laborMeans',
  'No indicator was reported.': 'noneReported',
};
const SEVERAL = /^Several indicators together \(score (\d+), threshold (\d+)\)\.$/;
const NO_PAIR = /^Indicators present \(score (\d+)\) but no exploitation together with force, fraud or coercion\.$/;

function reasonText(t: TFunction, reason: string): string {
  const key = REASONS[reason];
  if (key) return t(`survivors.screening.reasonTexts.${key}`);
  const several = SEVERAL.exec(reason);
  if (several) return t('survivors.screening.reasonTexts.several', { score: several[1], threshold: several[2] });
  const noPair = NO_PAIR.exec(reason);
  return noPair ? t('survivors.screening.reasonTexts.noPair', { score: noPair[1] }) : reason;
}

/** The latest screening's result, spelled out: what was present, the score, and why it reads as it does. */
function ScreeningResult({ screening, questions }: { screening: Screening; questions: ScreeningQuestions | undefined }) {
  const { t } = useTranslation();
  const language = currentLanguage() === 'es' ? 'es' : 'en';
  const questionText = (id: string) => questions?.questions.find((q) => q.id === id)?.text[language] ?? id;
  return (
    <div className="screening-result" data-testid="screening-result">
      <h3>{t('survivors.screening.resultTitle', { date: formatDateTime(screening.screenedAt) })}</h3>
      <p>
        <span className={screening.potentialVictim ? 'badge badge-warn' : 'badge badge-off'}>{screening.potentialVictim ? t('survivors.screening.potentialVictim') : t('survivors.screening.notIndicated')}</span>{' '}
        {t('survivors.screening.score', { score: screening.score })}
      </p>
      {screening.reasons.length > 0 && (
        <>
          <h4 className="small-heading">{t('survivors.screening.reasons')}</h4>
          <ul>
            {screening.reasons.map((reason) => (
              <li key={reason}>{reasonText(t, reason)}</li>
            ))}
          </ul>
        </>
      )}
      <h4 className="small-heading">{t('survivors.screening.indicators', { count: screening.indicators.length })}</h4>
      {screening.indicators.length === 0 ? (
        <p className="muted">{t('survivors.screening.noIndicators')}</p>
      ) : (
        <ul>
          {screening.indicators.map((indicator) => (
            <li key={indicator.id}>
              {questionText(indicator.id)} <span className="small muted">({screeningDomainLabel(t, indicator.domain)})</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The trauma-informed questionnaire: every question may be left unanswered, and the person may stop at any time. */
export function ScreeningSection({ survivor, canEdit }: { survivor: Survivor; canEdit: boolean }) {
  const { t } = useTranslation();
  const questions = useScreeningQuestions();
  const screen = useSurvivorWork<Record<string, string>>(survivor.id, 'post', () => '/screenings', (answers) => ({ answers }));
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [open, setOpen] = useState(false);
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const language = currentLanguage() === 'es' ? 'es' : 'en';
  const latest = survivor.screenings?.[0];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (screen.isPending) return;
    setErrors(null);
    screen.mutate(answers, {
      onSuccess: () => {
        setAnswers({});
        setOpen(false);
        setStatus(t('survivors.screening.saved'));
      },
      onError: (error) => setErrors(fromApiError(t, error, [])),
    });
  };

  return (
    <section className="card" aria-labelledby="survivor-screening-heading">
      <h2 id="survivor-screening-heading">{t('survivors.screening.title')}</h2>
      <StatusMessage message={status} />
      {latest ? <ScreeningResult screening={latest} questions={questions.data} /> : <p className="muted">{t('survivors.screening.none')}</p>}
      {canEdit && !open && (
        <button type="button" className="button button-secondary" onClick={() => { setOpen(true); setStatus(null); }}>
          {latest ? t('survivors.screening.again') : t('survivors.screening.start')}
        </button>
      )}
      {canEdit && open && questions.data && (
        <form className="form entry-form" noValidate onSubmit={submit} aria-labelledby="screening-form-heading">
          <h3 id="screening-form-heading">{t('survivors.screening.formTitle')}</h3>
          <p className="notice">{questions.data.intro[language]}</p>
          <FormAlert errors={errors} />
          {questions.data.questions.map((question) => (
            <fieldset key={question.id} className="screening-question">
              <legend>{question.text[language]}</legend>
              <div className="inline-options">
                {ANSWERS.map((answer) => (
                  <div className="checkbox" key={answer}>
                    <input type="radio" id={`screening-${question.id}-${answer}`} name={`screening-${question.id}`} checked={answers[question.id] === answer} onChange={() => setAnswers((old) => ({ ...old, [question.id]: answer }))} />
                    <label htmlFor={`screening-${question.id}-${answer}`}>{t(`survivors.screening.answers.${answer}`)}</label>
                  </div>
                ))}
                {answers[question.id] && (
                  <button type="button" className="button button-secondary button-small" onClick={() => setAnswers(({ [question.id]: _skipped, ...rest }) => rest)}>
                    {t('survivors.screening.skip')}
                  </button>
                )}
              </div>
            </fieldset>
          ))}
          <div className="button-row">
            <SubmitButton busy={screen.isPending} busyLabel={t('common.saving')}>
              {t('survivors.screening.submit')}
            </SubmitButton>
            <button type="button" className="button button-secondary" onClick={() => setOpen(false)}>
              {t('survivors.screening.stop')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
