import { formatDateTime } from './format.ts';

export interface ThreadNote {
  id: string;
  author: string;
  createdAt: string;
  body: string;
}

/** Staff notes as a thread, oldest first: who wrote each and when. */
export function NoteThread({ notes, label, emptyText }: { notes: readonly ThreadNote[]; label: string; emptyText: string }) {
  if (notes.length === 0) return <p className="muted">{emptyText}</p>;
  return (
    <ol className="thread" aria-label={label}>
      {notes.map((note) => (
        <li key={note.id} className="thread-item thread-note">
          <p className="thread-meta">
            <strong>{note.author}</strong> · <time dateTime={note.createdAt}>{formatDateTime(note.createdAt)}</time>
          </p>
          <p className="thread-body">{note.body}</p>
        </li>
      ))}
    </ol>
  );
}
