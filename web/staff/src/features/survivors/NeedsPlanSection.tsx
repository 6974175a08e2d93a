import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/form/FormAlert.tsx';
import { SelectField } from '../../components/form/SelectField.tsx';
import { SubmitButton } from '../../components/form/SubmitButton.tsx';
import { TextField } from '../../components/form/TextField.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { describeError, fromApiError, fromFieldProblems, type FormErrors } from '../../components/form/formErrors.ts';
import { formatDate } from '../../components/format.ts';
import { goalStatusLabel, needDomainLabel, needStatusLabel, priorityLabel } from './survivorLabels.ts';
import { useSurvivorWork } from './survivorsApi.ts';
import { NEED_DOMAINS, type Survivor } from './survivorTypes.ts';

const PRIORITIES = ['urgent', 'high', 'medium', 'low'];
const NEED_STATUSES = ['open', 'in_progress', 'met', 'declined'];
const dateOnly = (d: string) => formatDate(`${d}T12:00:00`);

/** The needs assessment and the service plan's goals with their dates. Their free text is not sealed. */
export function NeedsPlanSection({ survivor, canEdit }: { survivor: Survivor; canEdit: boolean }) {
  const { t } = useTranslation();
  const domains = NEED_DOMAINS.map((d) => ({ value: d, label: needDomainLabel(t, d) }));
  const addNeed = useSurvivorWork<{ domain: string; detail?: string; priority: string }>(survivor.id, 'post', () => '/needs');
  const updateNeed = useSurvivorWork<{ needId: string; status: string }>(survivor.id, 'patch', (i) => `/needs/${i.needId}`, (i) => ({ status: i.status }));
  const addGoal = useSurvivorWork<{ domain: string; description: string; targetDate?: string }>(survivor.id, 'post', () => '/goals');
  const updateGoal = useSurvivorWork<{ goalId: string; status: string }>(survivor.id, 'patch', (i) => `/goals/${i.goalId}`, (i) => ({ status: i.status }));
  const [need, setNeed] = useState({ domain: '', detail: '', priority: 'medium' });
  const [goal, setGoal] = useState({ domain: '', description: '', targetDate: '' });
  const [needErrors, setNeedErrors] = useState<FormErrors | null>(null);
  const [goalErrors, setGoalErrors] = useState<FormErrors | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  const submitNeed = (event: FormEvent) => {
    event.preventDefault();
    if (addNeed.isPending) return;
    const problems = fromFieldProblems(t, { 'body.domain': need.domain ? undefined : t('survivors.needs.domainRequired') });
    setNeedErrors(problems);
    if (problems) return;
    addNeed.mutate(
      { domain: need.domain, detail: need.detail.trim() || undefined, priority: need.priority },
      { onSuccess: () => { setStatus(t('survivors.needs.added', { need: needDomainLabel(t, need.domain) })); setNeed({ domain: '', detail: '', priority: 'medium' }); }, onError: (e) => setNeedErrors(fromApiError(t, e, ['body.domain', 'body.detail', 'body.priority'])) },
    );
  };

  const submitGoal = (event: FormEvent) => {
    event.preventDefault();
    if (addGoal.isPending) return;
    const problems = fromFieldProblems(t, {
      'body.domain': goal.domain ? undefined : t('survivors.needs.domainRequired'),
      'body.description': goal.description.trim().length >= 3 ? undefined : t('survivors.plan.descriptionRequired'),
    });
    setGoalErrors(problems);
    if (problems) return;
    addGoal.mutate(
      { domain: goal.domain, description: goal.description.trim(), targetDate: goal.targetDate || undefined },
      { onSuccess: () => { setStatus(t('survivors.plan.added')); setGoal({ domain: '', description: '', targetDate: '' }); }, onError: (e) => setGoalErrors(fromApiError(t, e, ['body.domain', 'body.description', 'body.targetDate'])) },
    );
  };

  return (
    <section className="card" aria-labelledby="survivor-needs-heading">
      <h2 id="survivor-needs-heading">{t('survivors.needs.title')}</h2>
      <StatusMessage message={status} />
      {(survivor.needs ?? []).length === 0 ? (
        <p className="muted">{t('survivors.needs.none')}</p>
      ) : (
        <ul className="plain-list">
          {(survivor.needs ?? []).map((n) => (
            <li key={n.id} className="record-item">
              <div className="record-head">
                <strong>{needDomainLabel(t, n.domain)}</strong>
                <span className="badge badge-info">{priorityLabel(t, n.priority)}</span>
                <span className="badge badge-off">{needStatusLabel(t, n.status)}</span>
              </div>
              {n.detail && <p className="small narrative">{n.detail}</p>}
              {canEdit && (
                <SelectField
                  path={`need.${n.id}.status`}
                  label={t('survivors.needs.statusOf', { need: needDomainLabel(t, n.domain) })}
                  value={n.status}
                  options={NEED_STATUSES.map((s) => ({ value: s, label: needStatusLabel(t, s) }))}
                  onValueChange={(next) => updateNeed.mutate({ needId: n.id, status: next }, { onError: (e) => setStatus(describeError(t, e)) })}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <form className="form entry-form" noValidate onSubmit={submitNeed} aria-labelledby="add-need-heading">
          <h3 id="add-need-heading">{t('survivors.needs.add')}</h3>
          <p className="hint">{t('survivors.noNamesHint')}</p>
          <FormAlert errors={needErrors} />
          <div className="field-row">
            <SelectField path="need.domain" label={t('survivors.needs.domain')} value={need.domain} onValueChange={(v) => setNeed((o) => ({ ...o, domain: v }))} options={[{ value: '', label: t('survivors.choose') }, ...domains]} error={needErrors?.fields['body.domain']} />
            <SelectField path="need.priority" label={t('survivors.needs.priority')} value={need.priority} onValueChange={(v) => setNeed((o) => ({ ...o, priority: v }))} options={PRIORITIES.map((p) => ({ value: p, label: priorityLabel(t, p) }))} />
          </div>
          <TextField path="need.detail" label={t('survivors.needs.detail')} optional value={need.detail} onValueChange={(v) => setNeed((o) => ({ ...o, detail: v }))} error={needErrors?.fields['body.detail']} />
          <SubmitButton busy={addNeed.isPending} busyLabel={t('common.saving')}>
            {t('survivors.needs.submit')}
          </SubmitButton>
        </form>
      )}

      <h3 id="survivor-plan-heading">{t('survivors.plan.title')}</h3>
      {(survivor.goals ?? []).length === 0 ? (
        <p className="muted">{t('survivors.plan.none')}</p>
      ) : (
        <ul className="plain-list" aria-labelledby="survivor-plan-heading">
          {(survivor.goals ?? []).map((g) => (
            <li key={g.id} className="record-item">
              <div className="record-head">
                <strong>{g.description}</strong>
                <span className={g.status === 'achieved' ? 'badge badge-ok' : 'badge badge-info'}>{goalStatusLabel(t, g.status)}</span>
              </div>
              <p className="small muted">
                {[needDomainLabel(t, g.domain), g.targetDate ? t('survivors.plan.target', { date: dateOnly(g.targetDate) }) : null, g.achievedOn ? t('survivors.plan.achievedOn', { date: dateOnly(g.achievedOn) }) : null].filter(Boolean).join(' · ')}
              </p>
              {canEdit && g.status === 'open' && (
                <button type="button" className="button button-secondary button-small" onClick={() => updateGoal.mutate({ goalId: g.id, status: 'achieved' }, { onError: (e) => setStatus(describeError(t, e)) })}>
                  {t('survivors.plan.markAchieved', { goal: g.description })}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <form className="form entry-form" noValidate onSubmit={submitGoal} aria-labelledby="add-goal-heading">
          <h3 id="add-goal-heading">{t('survivors.plan.add')}</h3>
          <FormAlert errors={goalErrors} />
          <div className="field-row">
            <SelectField path="goal.domain" label={t('survivors.needs.domain')} value={goal.domain} onValueChange={(v) => setGoal((o) => ({ ...o, domain: v }))} options={[{ value: '', label: t('survivors.choose') }, ...domains]} error={goalErrors?.fields['body.domain']} />
            <TextField path="goal.targetDate" label={t('survivors.plan.targetDate')} type="date" optional className="input-short" value={goal.targetDate} onValueChange={(v) => setGoal((o) => ({ ...o, targetDate: v }))} error={goalErrors?.fields['body.targetDate']} />
          </div>
          <TextField path="goal.description" label={t('survivors.plan.description')} hint={t('survivors.noNamesHint')} value={goal.description} onValueChange={(v) => setGoal((o) => ({ ...o, description: v }))} error={goalErrors?.fields['body.description']} />
          <SubmitButton busy={addGoal.isPending} busyLabel={t('common.saving')}>
            {t('survivors.plan.submit')}
          </SubmitButton>
        </form>
      )}
    </section>
  );
}
