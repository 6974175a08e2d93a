import { useTranslation } from 'react-i18next';
import { formatDate } from '../../components/format.ts';
import { survivorPath } from './survivorsApi.ts';
import type { Survivor } from './survivorTypes.ts';

/** The record's documents, sealed on the server; each opens as a download for the owning agency only. */
export function SurvivorDocuments({ survivor }: { survivor: Survivor }) {
  const { t } = useTranslation();
  const documents = survivor.documents ?? [];
  return (
    <section className="card" aria-labelledby="survivor-documents-heading">
      <h2 id="survivor-documents-heading">{t('survivors.documents.title')}</h2>
      {documents.length === 0 ? (
        <p className="muted">{t('survivors.documents.none')}</p>
      ) : (
        <ul className="plain-list">
          {documents.map((d) => (
            <li key={d.id} className="record-item">
              <a href={`${survivorPath(survivor.id)}/documents/${d.id}`} download>
                {d.title}
              </a>{' '}
              <span className="small muted">{formatDate(d.createdAt)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
