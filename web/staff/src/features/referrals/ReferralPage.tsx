import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Fact } from '../survivors/Fact.tsx';
import { ApiError } from '../../api/client.ts';
import { Page } from '../../components/Page.tsx';
import { Loading, LoadError } from '../../components/Loading.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { FormAlert } from '../../components/form/FormAlert.tsx';
import { SubmitButton } from '../../components/form/SubmitButton.tsx';
import { TextField } from '../../components/form/TextField.tsx';
import { describeError, fromApiError, fromFieldProblems, type FormErrors } from '../../components/form/formErrors.ts';
import { formatDateTime } from '../../components/format.ts';
import { useSignedInUser } from '../auth/session.ts';
import { NotFoundPage } from '../layout/NotFoundPage.tsx';
import { NeedsPlanSection } from '../survivors/NeedsPlanSection.tsx';
import { ContactSection, IdentitySection, NarrativeSection } from '../survivors/RecordParts.tsx';
import { ScreeningSection } from '../survivors/ScreeningSection.tsx';
import { ServicesSection } from '../survivors/ServicesSection.tsx';
import { SharedLine } from '../survivors/SurvivorPage.tsx';
import { survivorNumber } from '../survivors/survivorLabels.ts';
import { referralBadge, referralServiceLabel, referralStatusLabel } from './referralLabels.ts';
import { useReferral, useReferralStep, type ReferralDetail } from './referralsApi.ts';
import '../survivors/survivors.css';

type Answer = 'decline' | 'complete';

/**
 * Accepting takes one click: the API keeps no note with an acceptance, so logistics go by the provider's own
 * channels. Declining needs a reason, so the referrer can look elsewhere.
 */
function AcceptButton({ referral, onDone }: { referral: ReferralDetail; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const step = useReferralStep();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="entry-form">
      {error && <p className="form-alert" role="alert">{error}</p>}
      <button type="button" className="button button-primary" aria-disabled={step.isPending || undefined} onClick={() => !step.isPending && step.mutate({ id: referral.id, step: 'accept' }, { onSuccess: () => onDone(t('referrals.answer.acceptDone')), onError: (e) => setError(describeError(t, e)) })}>
        {t('referrals.answer.accept')}
      </button>
    </div>
  );
}

/** An answer that needs words: decline (with a reason), complete (with the outcome). */
function AnswerForm({ referral, answer, onDone }: { referral: ReferralDetail; answer: Answer; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const step = useReferralStep();
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const field = answer === 'decline' ? 'body.reason' : 'body.outcome';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (step.isPending) return;
    const problems = fromFieldProblems(t, { [field]: text.trim().length >= 3 ? undefined : t(`referrals.answer.${answer}Required`) });
    setErrors(problems);
    if (problems) return;
    const body: Record<string, string> = answer === 'decline' ? { reason: text.trim() } : { outcome: text.trim() };
    step.mutate({ id: referral.id, step: answer, body }, { onSuccess: () => { setText(''); onDone(t(`referrals.answer.${answer}Done`)); }, onError: (e) => setErrors(fromApiError(t, e, [field])) });
  };

  return (
    <form className="form entry-form" noValidate onSubmit={submit} aria-labelledby={`answer-${answer}-heading`}>
      <h3 id={`answer-${answer}-heading`}>{t(`referrals.answer.${answer}Title`)}</h3>
      <FormAlert errors={errors} />
      <TextField path={`${answer}.${field}`} label={t(`referrals.answer.${answer}Label`)} value={text} onValueChange={setText} error={errors?.fields[field]} />
      <SubmitButton busy={step.isPending} busyLabel={t('common.saving')} variant={answer === 'decline' ? 'secondary' : 'primary'}>
        {t(`referrals.answer.${answer}`)}
      </SubmitButton>
    </form>
  );
}

export function ReferralPage() {
  const { referralId = '' } = useParams();
  const { t } = useTranslation();
  const me = useSignedInUser();
  const query = useReferral(referralId);
  const [status, setStatus] = useState<string | null>(null);
  if (query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 400)) return <NotFoundPage />;
  const referral = query.data;
  const receiving = referral?.toAgency?.id === me.agency.id;
  const survivor = referral?.survivor ?? null;

  return (
    <Page back={{ to: '/referrals', label: t('referrals.backToInbox') }} title={referral ? t('referrals.page.title', { service: referralServiceLabel(t, referral.serviceType) }) : t('referrals.page.loading')} lead={referral && <span className={referralBadge(referral.status)}>{referralStatusLabel(t, referral.status)}</span>}>
      {query.isPending && <Loading />}
      {query.isError && <LoadError error={query.error} />}
      {referral && (
        <>
          <StatusMessage message={status} takeFocus />
          <section className="card" aria-labelledby="referral-facts-heading">
            <h2 id="referral-facts-heading">{t('referrals.page.facts')}</h2>
            <dl className="details">
              <Fact term={t('referrals.page.from')}>{referral.fromAgency.name}</Fact>
              <Fact term={t('referrals.page.provider')}>{referral.provider?.name ?? t('referrals.noProvider')}</Fact>
              <Fact term={t('referrals.page.sentAt')}>{formatDateTime(referral.sentAt) || '—'}</Fact>
              {referral.note && (
                <>
                  <Fact term={t('referrals.page.note')} className="narrative">{referral.note}</Fact>
                </>
              )}
              {referral.declineReason && (
                <>
                  <Fact term={t('referrals.page.declineReason')}>{referral.declineReason}</Fact>
                </>
              )}
              {referral.outcome && (
                <>
                  <Fact term={t('referrals.page.outcome')}>{referral.outcome}</Fact>
                </>
              )}
            </dl>
            {referral.fromAgency.id === me.agency.id && (
              <p>
                <Link to={`/survivors/${referral.survivorId}`}>{t('referrals.page.openRecord')}</Link>
              </p>
            )}
          </section>
          {receiving && referral.status === 'sent' && (
            <section className="card" aria-labelledby="referral-answer-heading">
              <h2 id="referral-answer-heading">{t('referrals.answer.title')}</h2>
              <AcceptButton referral={referral} onDone={setStatus} />
              <AnswerForm referral={referral} answer="decline" onDone={setStatus} />
            </section>
          )}
          {receiving && referral.status === 'accepted' && (
            <section className="card" aria-labelledby="referral-answer-heading">
              <h2 id="referral-answer-heading">{t('referrals.answer.title')}</h2>
              <AnswerForm referral={referral} answer="complete" onDone={setStatus} />
            </section>
          )}
          {receiving && (
            <section className="card" aria-labelledby="referral-survivor-heading" data-testid="shared-record">
              <h2 id="referral-survivor-heading">{survivor ? t('referrals.page.sharedRecord', { number: survivorNumber(t, survivor.number) }) : t('referrals.page.nothingShared')}</h2>
              {survivor ? (
                <div className="survivor-main">
                  <SharedLine survivor={survivor} />
                  <IdentitySection survivor={survivor} />
                  <ContactSection survivor={survivor} />
                  {survivor.screenings && <ScreeningSection survivor={survivor} canEdit={false} />}
                  {survivor.needs && survivor.goals && <NeedsPlanSection survivor={survivor} canEdit={false} />}
                  {survivor.services && <ServicesSection survivor={survivor} canEdit={false} />}
                  <NarrativeSection survivor={survivor} />
                </div>
              ) : (
                <p>{t('referrals.page.nothingSharedBody')}</p>
              )}
            </section>
          )}
        </>
      )}
    </Page>
  );
}
