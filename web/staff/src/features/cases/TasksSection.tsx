import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/form/FormAlert.tsx';
import { SelectField } from '../../components/form/SelectField.tsx';
import { SubmitButton } from '../../components/form/SubmitButton.tsx';
import { TextAreaField } from '../../components/form/TextAreaField.tsx';
import { TextField } from '../../components/form/TextField.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { describeError, fromApiError, fromFieldProblems, type FormErrors } from '../../components/form/formErrors.ts';
import { formatDate } from '../../components/format.ts';
import { taskStatusLabel } from './caseLabels.ts';
import { useAddTask, useUpdateTask } from './caseContentApi.ts';
import type { Assignment, Task } from './caseTypes.ts';

const FIELDS = ['body.title', 'body.details', 'body.ownerUserId', 'body.dueOn'];
const EMPTY = { title: '', details: '', ownerUserId: '', dueOn: '' };

const STATUS_BADGE: Record<Task['status'], string> = { open: 'badge badge-info', done: 'badge badge-ok', cancelled: 'badge badge-off' };

/** What needs doing in the case, by whom and when; open ones first. */
export function TasksSection({ caseId, tasks, assignments, canEdit }: { caseId: string; tasks: Task[]; assignments: Assignment[]; canEdit: boolean }) {
  const { t } = useTranslation();
  const addTask = useAddTask(caseId);
  const updateTask = useUpdateTask(caseId);
  const [draft, setDraft] = useState(EMPTY);
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const set = (key: keyof typeof EMPTY) => (value: string) => setDraft((old) => ({ ...old, [key]: value }));
  const ordered = [...tasks].sort((a, b) => Number(a.status !== 'open') - Number(b.status !== 'open'));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (addTask.isPending) return;
    setStatus(null);
    const problems = fromFieldProblems(t, { 'body.title': draft.title.trim().length >= 2 ? undefined : t('cases.tasks.titleRequired') });
    setErrors(problems);
    if (problems) return;
    addTask.mutate(
      { title: draft.title.trim(), details: draft.details.trim() || undefined, ownerUserId: draft.ownerUserId || undefined, dueOn: draft.dueOn || undefined },
      {
        onSuccess: (task) => {
          setDraft(EMPTY);
          setStatus(t('cases.tasks.added', { title: task.title }));
        },
        onError: (error) => setErrors(fromApiError(t, error, FIELDS)),
      },
    );
  };

  const setTaskStatus = (task: Task, next: Task['status']) => {
    if (updateTask.isPending) return;
    setStatus(null);
    updateTask.mutate(
      { taskId: task.id, status: next },
      { onSuccess: () => setStatus(t('cases.tasks.statusChanged', { title: task.title, status: taskStatusLabel(t, next) })), onError: (error) => setStatus(describeError(t, error)) },
    );
  };

  return (
    <section className="card" aria-labelledby="case-tasks-heading">
      <h2 id="case-tasks-heading">{t('cases.tasks.title')}</h2>
      <StatusMessage message={status} />
      {ordered.length === 0 ? (
        <p className="muted">{t('cases.tasks.none')}</p>
      ) : (
        <ul className="plain-list task-list">
          {ordered.map((task) => (
            <li key={task.id} className="task-item">
              <div className="entity-head">
                <strong>{task.title}</strong>
                <span className={STATUS_BADGE[task.status]}>{taskStatusLabel(t, task.status)}</span>
                {task.overdue && <span className="badge badge-danger">{t('cases.tasks.overdue')}</span>}
              </div>
              {task.details && <p className="small narrative">{task.details}</p>}
              <p className="small muted">
                {[task.owner ? t('cases.tasks.ownedBy', { name: task.owner.name }) : t('cases.tasks.noOwner'), task.dueOn ? t('cases.tasks.dueOn', { date: formatDate(task.dueOn) }) : null].filter(Boolean).join(' · ')}
              </p>
              {canEdit && (
                <button type="button" className="button button-secondary button-small" onClick={() => setTaskStatus(task, task.status === 'open' ? 'done' : 'open')}>
                  {task.status === 'open' ? t('cases.tasks.markDone', { title: task.title }) : t('cases.tasks.reopen', { title: task.title })}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <form className="form entry-form" noValidate onSubmit={submit} aria-labelledby="add-task-heading">
          <h3 id="add-task-heading">{t('cases.tasks.add')}</h3>
          <FormAlert errors={errors} />
          <TextField path="task.title" label={t('cases.tasks.taskTitle')} value={draft.title} onValueChange={set('title')} error={errors?.fields['body.title']} />
          <TextAreaField path="task.details" label={t('cases.tasks.details')} optional rows={2} value={draft.details} onValueChange={set('details')} error={errors?.fields['body.details']} />
          <div className="field-row">
            <SelectField
              path="task.owner"
              label={t('cases.tasks.owner')}
              value={draft.ownerUserId}
              onValueChange={set('ownerUserId')}
              options={[{ value: '', label: t('cases.tasks.noOwner') }, ...assignments.map((a) => ({ value: a.userId, label: a.name }))]}
              error={errors?.fields['body.ownerUserId']}
            />
            <TextField path="task.dueOn" label={t('cases.tasks.due')} type="date" optional className="input-short" value={draft.dueOn} onValueChange={set('dueOn')} error={errors?.fields['body.dueOn']} />
          </div>
          <SubmitButton busy={addTask.isPending} busyLabel={t('common.saving')}>
            {t('cases.tasks.submit')}
          </SubmitButton>
        </form>
      )}
    </section>
  );
}
