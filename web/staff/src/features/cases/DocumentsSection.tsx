import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DocumentUploadForm, documentExtension, documentFileName } from '../../components/form/DocumentUploadForm.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { formatDateTime } from '../../components/format.ts';
import { formatBytes } from '../tips/tipLabels.ts';
import { documentUrl, useAddDocument } from './caseContentApi.ts';
import type { CaseDocument } from './caseTypes.ts';

/**
 * The case's files. The server strips their hidden metadata (GPS, author) before keeping them, and serves them
 * as sandboxed downloads, so a hostile file never runs inside Haven.
 */
export function DocumentsSection({ caseId, documents, canEdit }: { caseId: string; documents: CaseDocument[]; canEdit: boolean }) {
  const { t } = useTranslation();
  const add = useAddDocument(caseId);
  const [status, setStatus] = useState<string | null>(null);

  return (
    <section className="card" aria-labelledby="case-documents-heading">
      <h2 id="case-documents-heading">{t('cases.documents.title')}</h2>
      <p className="hint">{t('cases.documents.hint')}</p>
      <StatusMessage message={status} />
      {documents.length === 0 ? (
        <p className="muted">{t('cases.documents.none')}</p>
      ) : (
        <ul className="plain-list file-list">
          {documents.map((document) => (
            <li key={document.id}>
              <a href={documentUrl(caseId, document.id)} download={documentFileName(document.title, document.contentType)}>
                {t('cases.documents.download', { title: document.title, type: documentExtension(document.contentType).toUpperCase(), size: formatBytes(document.byteSize) })}
              </a>
              <div className="muted small">
                {document.source === 'tip'
                  ? t('cases.documents.fromTip', { when: formatDateTime(document.createdAt) })
                  : t('cases.documents.uploaded', { name: document.uploadedBy ?? t('cases.unknownPerson'), when: formatDateTime(document.createdAt) })}
              </div>
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <DocumentUploadForm
          idPrefix="case-document"
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
