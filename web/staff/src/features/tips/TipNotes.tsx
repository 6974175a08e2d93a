import { useTranslation } from 'react-i18next';
import { NoteThread } from '../../components/NoteThread.tsx';
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
      <NoteThread notes={tip.notes} label={t('tips.notes.title')} emptyText={t('tips.notes.none')} />
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
