import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/form/SelectField.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { describeError } from '../../components/form/formErrors.ts';
import { accessInSentence, accessLabel, codeOptions } from '../cases/caseLabels.ts';
import { PARTNER_LEVELS, type PartnerLevel } from '../cases/caseTypes.ts';
import { useAgreeToShare, useDeclineToShare } from './deconflictionApi.ts';
import type { Hit, HitAnswer as Answer } from './deconflictionTypes.ts';

function answerText(t: ReturnType<typeof useTranslation>['t'], who: 'mine' | 'theirs', answer: Answer, agency: string): string {
  if (!answer) return who === 'mine' ? t('deconfliction.answers.mineNone') : t('deconfliction.answers.theirsNone', { agency });
  if (answer.answer === 'declined') return who === 'mine' ? t('deconfliction.answers.mineDeclined') : t('deconfliction.answers.theirsDeclined', { agency });
  const level = answer.level ? accessInSentence(t, answer.level) : '';
  return who === 'mine' ? t('deconfliction.answers.mineAgreed', { level }) : t('deconfliction.answers.theirsAgreed', { agency, level });
}

/** Where each side stands on sharing. */
export function HitAnswers({ hit }: { hit: Hit }) {
  const { t } = useTranslation();
  if (!hit.mine || !hit.other) return null;
  return (
    <ul className="plain-list small hit-answers">
      <li>{answerText(t, 'mine', hit.mine.answer, hit.other.agency.name)}</li>
      <li>{answerText(t, 'theirs', hit.other.answer, hit.other.agency.name)}</li>
    </ul>
  );
}

/**
 * Agree to share one's own case with the other agency at a level, or decline. When both sides agree, each
 * case is shared with the other agency at the level its own side chose.
 */
export function HitAnswerControls({ hit }: { hit: Hit }) {
  const { t } = useTranslation();
  const agree = useAgreeToShare();
  const decline = useDeclineToShare();
  const [level, setLevel] = useState<PartnerLevel>(hit.mine?.answer?.level ?? 'read');
  const [status, setStatus] = useState<string | null>(null);
  if (!hit.mine || !hit.other || hit.status === 'shared') return null;
  const agency = hit.other.agency.name;
  const busy = agree.isPending || decline.isPending;

  const onAgree = () => {
    if (busy) return;
    setStatus(null);
    agree.mutate(
      { hitId: hit.id, level },
      { onSuccess: (next) => setStatus(next.status === 'shared' ? t('deconfliction.answers.nowShared', { agency }) : t('deconfliction.answers.agreedWaiting', { agency })), onError: (error) => setStatus(describeError(t, error)) },
    );
  };
  const onDecline = () => {
    if (busy) return;
    setStatus(null);
    decline.mutate(hit.id, { onSuccess: () => setStatus(t('deconfliction.answers.declinedDone')), onError: (error) => setStatus(describeError(t, error)) });
  };

  return (
    <div className="hit-controls">
      <StatusMessage message={status} />
      <div className="button-row">
        <SelectField path={`hit.${hit.id}.level`} label={t('deconfliction.answers.level', { case: hit.mine.case.title })} hint={t('deconfliction.answers.levelHint')} value={level} onValueChange={(value) => setLevel(value as PartnerLevel)} options={codeOptions(t, PARTNER_LEVELS, accessLabel)} />
        <button type="button" className="button button-primary" onClick={onAgree} aria-disabled={busy || undefined}>
          {t('deconfliction.answers.agree', { agency })}
        </button>
        {hit.mine.answer?.answer !== 'declined' && (
          <button type="button" className="button button-secondary" onClick={onDecline} aria-disabled={busy || undefined}>
            {t('deconfliction.answers.decline')}
          </button>
        )}
      </div>
    </div>
  );
}
