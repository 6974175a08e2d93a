import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DocumentUploadForm, documentExtension, documentFileName, type DocumentUpload } from '../../components/form/DocumentUploadForm.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { formatDate } from '../../components/format.ts';
import { formatBytes } from '../tips/tipLabels.ts';
import { survivorPath, useSurvivorWork } from './survivorsApi.ts';
import type { Survivor } from './survivorTypes.ts';

/**
 * The record's documents: hidden metadata removed, then sealed on the server; each is a sandboxed download for
 * the owning agency only. The wording of the form is the case documents' own.
 */
export function SurvivorDocuments({ survivor, canEdit }: { survivor: Survivor; canEdit: boolean }) {
  const { t } = useTranslation();
  const add = useSurvivorWork<DocumentUpload>(survivor.id, 'post', () => '/documents');
  const [status, setStatus] = useState<string | null>(null);
  const documents = survivor.documents ?? [];

  return (
    <section className="card" aria-labelledby="survivor-documents-heading">
      <h2 id="survivor-documents-heading">{t('survivors.documents.title')}</h2>
      <p className="hint">{t('survivors.documents.hint')}</p>
      <StatusMessage message={status} />
      {documents.length === 0 ? (
        <p className="muted">{t('survivors.documents.none')}</p>
      ) : (
        <ul className="plain-list file-list">
          {documents.map((d) => {
            const extension = documentExtension(d.contentType);
            return (
              <li key={d.id} className="record-item">
                <a href={`${survivorPath(survivor.id)}/documents/${d.id}`} download={documentFileName(d.title, d.contentType)}>
                  {t('cases.documents.download', { title: d.title, type: extension.toUpperCase(), size: formatBytes(d.byteSize) })}
                </a>{' '}
                <span className="small muted">{formatDate(d.createdAt)}</span>
              </li>
            );
          })}
        </ul>
      )}
      {canEdit && (
        <DocumentUploadForm
          idPrefix="survivor-document"
          busy={add.isPending}
          send={(input, callbacks) => {
            setStatus(null);
            add.mutate(input, callbacks);
          }}
          onAdded={(title) => setStatus(t('cases.documents.added', { title }))}
        />
      )}
    </section>
  );
}
