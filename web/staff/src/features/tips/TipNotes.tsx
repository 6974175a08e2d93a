import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format.ts';
import { TextEntryForm } from './TextEntryForm.tsx';
import { useAddNote } from './tipsApi.ts';
import type { TipDetail } from './tipTypes.ts';

/** Notes among staff. Marked at every turn, because a note sent to the reporter by mistake could endanger them. */
export function TipNotes({ tip, canWrite }: { tip: TipDetail; canWrite: boolean }) {
  const { t } = useTranslation();
  const add = useAddNote(tip.id);
  return (
    <section className="card card-internal" aria-labelledby="tip-notes-heading">
      <h2 id="tip-notes-heading">{t('tips.notes.title')}</h2>
      <p className="internal-label">{t('tips.notes.internal')}</p>
      {tip.notes.length === 0 ? (
        <p className="muted">{t('tips.notes.none')}</p>
      ) : (
        <ol className="thread" aria-label={t('tips.notes.title')}>
          {tip.notes.map((note) => (
            <li key={note.id} className="thread-item thread-note">
              <p className="thread-meta">
                <strong>{note.author}</strong> · <time dateTime={note.createdAt}>{formatDateTime(note.createdAt)}</time>
              </p>
              <p className="thread-body">{note.body}</p>
            </li>
          ))}
        </ol>
      )}
      {canWrite && (
        <TextEntryForm
          name="note"
          label={t('tips.notes.label')}
          hint={t('tips.notes.internal')}
          submitLabel={t('tips.notes.add')}
          doneMessage={t('tips.notes.added')}
          busy={add.isPending}
          send={(body, callbacks) => add.mutate(body, callbacks)}
        />
      )}
    </section>
  );
}
