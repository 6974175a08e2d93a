import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page.tsx';
import { Loading, LoadError } from '../../components/Loading.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { CheckboxField } from '../../components/form/CheckboxField.tsx';
import { TextAreaField } from '../../components/form/TextAreaField.tsx';
import { describeError } from '../../components/form/formErrors.ts';
import { formatDateTime } from '../../components/format.ts';
import { hasAnyPermission, useSignedInUser } from '../auth/session.ts';
import { DirectoryNav } from './DirectoryNav.tsx';
import { DIRECTORY_PERMISSIONS } from './directoryAbilities.ts';
import { inquiryStatusLabel, languageName, neededLabel, serviceTypeLabel } from './directoryLabels.ts';
import { useAnswerInquiry, useInquiries, useWithdrawInquiry } from './directoryApi.ts';
import type { Inquiry } from './directoryTypes.ts';

const STATUS_BADGE: Record<Inquiry['status'], string> = { open: 'badge-info', accepted: 'badge-ok', declined: 'badge-off', withdrawn: 'badge-off' };

/** Inquiries a provider's staff answer (inbox) and those a referrer's agency sent (sent). */
export function InquiriesPage() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const [params, setParams] = useSearchParams();
  const canAnswer = hasAnyPermission(me, ...DIRECTORY_PERMISSIONS.respond);
  const canSend = hasAnyPermission(me, ...DIRECTORY_PERMISSIONS.refer);
  const box: 'inbox' | 'sent' = params.get('box') === 'sent' || !canAnswer ? 'sent' : 'inbox';
  const inquiries = useInquiries(box, box === 'inbox' ? canAnswer : canSend);
  const [status, setStatus] = useState<string | null>(null);

  return (
    <Page title={t('directory.inquiries.title')} lead={box === 'inbox' ? t('directory.inquiries.leadInbox', { agency: me.agency.name }) : t('directory.inquiries.leadSent', { agency: me.agency.name })}>
      <DirectoryNav />
      {canAnswer && canSend && (
        <div className="button-row box-switch" role="group" aria-label={t('directory.inquiries.boxes')}>
          {(['inbox', 'sent'] as const).map((b) => (
            <button key={b} type="button" className={`button button-small ${box === b ? 'button-primary' : 'button-secondary'}`} aria-pressed={box === b} onClick={() => setParams(b === 'sent' ? { box: 'sent' } : {})}>
              {t(`directory.inquiries.box.${b}`)}
            </button>
          ))}
        </div>
      )}
      <StatusMessage message={status} takeFocus />
      {!canAnswer && !canSend && <p className="empty">{t('directory.inquiries.notForYou')}</p>}
      {inquiries.isPending && (canAnswer || canSend) && <Loading />}
      {inquiries.isError && <LoadError error={inquiries.error} />}
      {inquiries.data && inquiries.data.length === 0 && <p className="empty">{box === 'inbox' ? t('directory.inquiries.noneInbox') : t('directory.inquiries.noneSent')}</p>}
      {inquiries.data && inquiries.data.length > 0 && (
        <ol className="result-list">
          {inquiries.data.map((inquiry) => (
            <li key={inquiry.id}>
              <InquiryCard inquiry={inquiry} box={box} onDone={setStatus} />
            </li>
          ))}
        </ol>
      )}
    </Page>
  );
}

function InquiryCard({ inquiry, box, onDone }: { inquiry: Inquiry; box: 'inbox' | 'sent'; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const headingId = `inquiry-${inquiry.id}`;
  const unit = t(`directory.capacity.unit.${inquiry.unit}`, { count: inquiry.peopleCount });
  return (
    <article className="card inquiry-card" aria-labelledby={headingId}>
      <div className="provider-card-head">
        <h2 id={headingId} className="provider-name">
          {t('directory.inquiries.heading', { number: inquiry.number, service: serviceTypeLabel(t, inquiry.serviceType) })}
        </h2>
        <span className={`badge ${STATUS_BADGE[inquiry.status]}`}>{inquiryStatusLabel(t, inquiry.status)}</span>
      </div>
      <dl className="details details-compact">
        <div>
          <dt>{box === 'inbox' ? t('directory.inquiries.from') : t('directory.inquiries.to')}</dt>
          <dd>
            {box === 'inbox' ? (
              `${inquiry.fromUser}, ${inquiry.fromAgency.name}`
            ) : (
              <>
                <Link to={`/directory/providers/${inquiry.provider.id}`}>{inquiry.provider.name}</Link> ({inquiry.toAgency.name})
              </>
            )}
          </dd>
        </div>
        {box === 'inbox' && (
          <div>
            <dt>{t('directory.inquiries.for')}</dt>
            <dd>
              <Link to={`/directory/providers/${inquiry.provider.id}`}>{inquiry.provider.name}</Link>
            </dd>
          </div>
        )}
        <div>
          <dt>{t('directory.inquiries.asks')}</dt>
          <dd>
            {t('directory.inquiries.people', { count: inquiry.peopleCount, unit })}
            {inquiry.age !== null && `, ${t('directory.inquiries.age', { age: inquiry.age })}`}
            {inquiry.language && `, ${languageName(inquiry.language)}`} · {neededLabel(t, inquiry.needed)}
          </dd>
        </div>
        <div>
          <dt>{t('directory.inquiries.sentAt')}</dt>
          <dd>{formatDateTime(inquiry.createdAt)}</dd>
        </div>
        {inquiry.note && (
          <div>
            <dt>{t('directory.inquiry.note')}</dt>
            <dd className="thread-body">{inquiry.note}</dd>
          </div>
        )}
        {inquiry.answeredAt && (
          <div>
            <dt>{t('directory.inquiries.answer')}</dt>
            <dd>
              {t('directory.inquiries.answeredBy', { name: inquiry.answeredBy ?? '', time: formatDateTime(inquiry.answeredAt) })}
              {inquiry.capacityHeld && <div className="small">{t('directory.inquiries.held', { count: inquiry.peopleCount, unit })}</div>}
              {inquiry.responseNote && <div className="thread-body">{inquiry.responseNote}</div>}
            </dd>
          </div>
        )}
      </dl>
      {inquiry.abilities.answer && <AnswerForm inquiry={inquiry} unit={unit} onDone={onDone} />}
      {inquiry.abilities.withdraw && <WithdrawButton inquiry={inquiry} onDone={onDone} />}
    </article>
  );
}

function AnswerForm({ inquiry, unit, onDone }: { inquiry: Inquiry; unit: string; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const answer = useAnswerInquiry();
  const [note, setNote] = useState('');
  const [hold, setHold] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const send = (decision: 'accepted' | 'declined') => (event?: FormEvent) => {
    event?.preventDefault();
    if (answer.isPending) return;
    setError(null);
    answer.mutate(
      { id: inquiry.id, decision, note: note.trim() || null, holdCapacity: decision === 'accepted' && hold },
      { onSuccess: () => onDone(t(decision === 'accepted' ? 'directory.inquiries.acceptedDone' : 'directory.inquiries.declinedDone', { number: inquiry.number })), onError: (failure) => setError(describeError(t, failure)) },
    );
  };
  return (
    <form className="form answer-form" onSubmit={send('accepted')} noValidate>
      <TextAreaField path={`answer-${inquiry.id}.note`} label={t('directory.inquiries.answerNote')} hint={t('directory.inquiries.answerNoteHint')} optional rows={2} maxLength={500} value={note} onValueChange={setNote} />
      <CheckboxField path={`answer-${inquiry.id}.hold`} label={t('directory.inquiries.hold', { count: inquiry.peopleCount, unit })} checked={hold} onCheckedChange={setHold} />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button button-primary" aria-disabled={answer.isPending || undefined}>
          {t('directory.inquiries.accept', { number: inquiry.number })}
        </button>
        <button type="button" className="button button-secondary" onClick={() => send('declined')()} aria-disabled={answer.isPending || undefined}>
          {t('directory.inquiries.decline', { number: inquiry.number })}
        </button>
      </div>
    </form>
  );
}

function WithdrawButton({ inquiry, onDone }: { inquiry: Inquiry; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const withdraw = useWithdrawInquiry();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="button-row">
      <button
        type="button"
        className="button button-secondary button-small"
        aria-disabled={withdraw.isPending || undefined}
        onClick={() => !withdraw.isPending && withdraw.mutate(inquiry.id, { onSuccess: () => onDone(t('directory.inquiries.withdrawn', { number: inquiry.number })), onError: (failure) => setError(describeError(t, failure)) })}
      >
        {t('directory.inquiries.withdraw', { number: inquiry.number })}
      </button>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
