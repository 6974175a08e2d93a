import { useTranslation } from 'react-i18next';
import { NoteThread } from '../../components/NoteThread.tsx';
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
      <NoteThread notes={notes} label={t('cases.notes.title')} emptyText={t('cases.notes.none')} />
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
