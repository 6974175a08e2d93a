import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format.ts';
import { TextEntryForm } from '../tips/TextEntryForm.tsx';
import { useAddCaseNote } from './caseContentApi.ts';
import type { Note } from './caseTypes.ts';

/** The investigators' running notes, newest last, as a thread. */
export function NotesSection({ caseId, notes, canEdit }: { caseId: string; notes: Note[]; canEdit: boolean }) {
  const { t } = useTranslation();
  const add = useAddCaseNote(caseId);
  return (
    <section className="card" aria-labelledby="case-notes-heading">
      <h2 id="case-notes-heading">{t('cases.notes.title')}</h2>
      {notes.length === 0 ? (
        <p className="muted">{t('cases.notes.none')}</p>
      ) : (
        <ol className="thread" aria-label={t('cases.notes.title')}>
          {notes.map((note) => (
            <li key={note.id} className="thread-item thread-note">
              <p className="thread-meta">
                <strong>{note.author}</strong> · <time dateTime={note.createdAt}>{formatDateTime(note.createdAt)}</time>
              </p>
              <p className="thread-body">{note.body}</p>
            </li>
          ))}
        </ol>
      )}
      {canEdit && (
        <TextEntryForm
          name="caseNote"
          label={t('cases.notes.label')}
          submitLabel={t('cases.notes.add')}
          doneMessage={t('cases.notes.added')}
          busy={add.isPending}
          send={(body, callbacks) => add.mutate(body, callbacks)}
        />
      )}
    </section>
  );
}
