import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/form/FormAlert.tsx';
import { SubmitButton } from '../../components/form/SubmitButton.tsx';
import { TextField } from '../../components/form/TextField.tsx';
import { fromApiError, fromFieldProblems, type FormErrors } from '../../components/form/formErrors.ts';
import { findTipId, useMergeTip } from './tipsApi.ts';
import type { TipDetail } from './tipTypes.ts';

const PATH = 'merge.intoTip';

/** Marks this tip as a duplicate of another, after saying plainly what will happen and asking again. */
export function TipMerge({ tip }: { tip: TipDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const merge = useMergeTip(tip.id);
  const [reference, setReference] = useState('');
  const [target, setTarget] = useState<{ id: string; label: string } | null>(null);
  const [finding, setFinding] = useState(false);
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const question = useRef<HTMLParagraphElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  // The Find button is gone once a tip is found; the question takes its place and the focus.
  useEffect(() => {
    if (target) question.current?.focus();
  }, [target]);

  const find = async (event: FormEvent) => {
    event.preventDefault();
    if (finding) return;
    setErrors(null);
    setFinding(true);
    try {
      const found = await findTipId(reference);
      const problem = !found ? t('tips.merge.notFound') : found.id === tip.id ? t('tips.merge.itself') : undefined;
      setErrors(fromFieldProblems(t, { [PATH]: problem }));
      if (found && !problem) setTarget({ id: found.id, label: found.number !== null ? t('tips.number', { number: found.number }) : found.id });
    } catch (error) {
      setErrors(fromApiError(t, error, []));
    } finally {
      setFinding(false);
    }
  };

  const confirm = () => {
    if (!target || merge.isPending) return;
    merge.mutate(target.id, {
      onSuccess: (survivor) => navigate(`/tips/${survivor.id}`, { state: { mergedFrom: tip.number } }),
      onError: (error) => {
        setTarget(null);
        setErrors(fromApiError(t, error, []));
      },
    });
  };

  return (
    <section className="card" aria-labelledby="tip-merge-heading">
      <h2 id="tip-merge-heading" ref={heading} tabIndex={-1}>{t('tips.merge.title')}</h2>
      {target ? (
        <div className="confirm" role="group" aria-labelledby="tip-merge-confirm">
          <p id="tip-merge-confirm" className="notice notice-warning" tabIndex={-1} ref={question}>
            {t('tips.merge.confirm', { source: t('tips.number', { number: tip.number }), target: target.label })}
          </p>
          <div className="button-row">
            <button type="button" className="button button-danger" onClick={confirm} aria-disabled={merge.isPending || undefined}>
              {merge.isPending ? t('common.working') : t('tips.merge.confirmButton', { target: target.label })}
            </button>
            <button type="button" className="button button-secondary" onClick={() => {
                setTarget(null);
                heading.current?.focus();
              }}
            >
              {t('tips.merge.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <form className="form" noValidate onSubmit={(event) => void find(event)}>
          <FormAlert errors={errors} />
          <p className="hint">{t('tips.merge.explain')}</p>
          <TextField path={PATH} label={t('tips.merge.reference')} hint={t('tips.merge.referenceHint')} spellCheck={false} autoComplete="off" value={reference} onValueChange={setReference} error={errors?.fields[PATH]} />
          <SubmitButton busy={finding} busyLabel={t('common.working')} variant="secondary">
            {t('tips.merge.find')}
          </SubmitButton>
        </form>
      )}
    </section>
  );
}
