import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/form/FormAlert.tsx';
import { fromApiError, type FormErrors } from '../../components/form/formErrors.ts';
import { useOpenCaseFromTip } from '../cases/casesApi.ts';
import type { TipDetail } from './tipTypes.ts';

/**
 * The tip's case: a link to it once one was opened from the tip, else, for people who open cases, the button
 * that opens one with the tip's report, people, identifiers and files, so nothing is retyped and the two stay
 * linked.
 */
export function TipOpenCase({ tip, canOpen }: { tip: TipDetail; canOpen: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const open = useOpenCaseFromTip(tip.id);
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const linked = tip.links.find((l) => l.targetType === 'case');
  if (!linked && !canOpen) return null;

  const openCase = () => {
    if (open.isPending) return;
    setErrors(null);
    open.mutate(undefined, {
      onSuccess: (created) => navigate(`/cases/${created.id}`),
      onError: (error) => setErrors(fromApiError(t, error, [])),
    });
  };

  return (
    <section className="card" aria-labelledby="tip-case-heading">
      <h2 id="tip-case-heading">{t('tips.openCase.title')}</h2>
      {linked ? (
        <>
          <p>{t('tips.openCase.linked')}</p>
          <p>
            <Link to={`/cases/${linked.targetId}`}>{t('tips.openCase.goToCase')}</Link>
          </p>
        </>
      ) : (
        <>
          <FormAlert errors={errors} />
          <p className="hint">{t('tips.openCase.explain')}</p>
          <button type="button" className="button button-primary" onClick={openCase} aria-disabled={open.isPending || undefined}>
            {open.isPending ? t('common.working') : t('tips.openCase.button')}
          </button>
        </>
      )}
    </section>
  );
}
