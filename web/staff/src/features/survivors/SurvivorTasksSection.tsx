import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { describeError } from '../../components/form/formErrors.ts';
import { formatDateTime } from '../../components/format.ts';
import { taskStatusLabel } from './survivorLabels.ts';
import { useSurvivorWork } from './survivorsApi.ts';
import type { Survivor, SurvivorTask } from './survivorTypes.ts';

/** The record's tasks, such as the mandated report for a minor, with their deadlines. */
export function SurvivorTasksSection({ survivor, canEdit }: { survivor: Survivor; canEdit: boolean }) {
  const { t } = useTranslation();
  const update = useSurvivorWork<{ taskId: string; status: string }>(survivor.id, 'patch', (i) => `/tasks/${i.taskId}`, (i) => ({ status: i.status }));
  const [status, setStatus] = useState<string | null>(null);
  const tasks = survivor.tasks ?? [];
  const title = (task: SurvivorTask) => t(`survivors.tasks.kinds.${task.kind}`, { defaultValue: task.title });
  const overdue = (task: SurvivorTask) => task.status === 'open' && task.dueAt !== null && new Date(task.dueAt) < new Date();

  const setTaskStatus = (task: SurvivorTask, next: string) =>
    update.mutate({ taskId: task.id, status: next }, { onSuccess: () => setStatus(t('survivors.tasks.changed', { title: title(task), status: taskStatusLabel(t, next) })), onError: (e) => setStatus(describeError(t, e)) });

  return (
    <section className="card" aria-labelledby="survivor-tasks-heading">
      <h2 id="survivor-tasks-heading">{t('survivors.tasks.title')}</h2>
      <StatusMessage message={status} />
      {tasks.length === 0 ? (
        <p className="muted">{t('survivors.tasks.none')}</p>
      ) : (
        <ul className="plain-list">
          {tasks.map((task) => (
            <li key={task.id} className="record-item">
              <div className="record-head">
                <strong>{title(task)}</strong>
                <span className={task.status === 'open' ? 'badge badge-info' : 'badge badge-off'}>{taskStatusLabel(t, task.status)}</span>
                {overdue(task) && <span className="badge badge-danger">{t('survivors.tasks.overdue')}</span>}
              </div>
              {task.dueAt && <p className="small">{t('survivors.tasks.due', { date: formatDateTime(task.dueAt) })}</p>}
              {canEdit && task.status === 'open' && (
                <button type="button" className="button button-secondary button-small" onClick={() => setTaskStatus(task, 'done')}>
                  {t('survivors.tasks.markDone', { title: title(task) })}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
