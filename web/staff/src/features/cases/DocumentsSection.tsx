import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/form/FormAlert.tsx';
import { SubmitButton } from '../../components/form/SubmitButton.tsx';
import { TextField } from '../../components/form/TextField.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { fromApiError, fromFieldProblems, type FormErrors } from '../../components/form/formErrors.ts';
import { formatDateTime } from '../../components/format.ts';
import { formatBytes } from '../tips/tipLabels.ts';
import { documentUrl, useAddDocument } from './caseContentApi.ts';
import type { CaseDocument } from './caseTypes.ts';
import { fileToBase64 } from './fileToBase64.ts';

const ACCEPTED = 'image/jpeg,image/png,image/webp,application/pdf';
const MAX_BYTES = 10 * 1024 * 1024;
const EXTENSIONS: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'application/pdf': 'pdf' };
const FILE_PATH = 'body.contentBase64';

/**
 * The case's files. The server strips their hidden metadata (GPS, author) before keeping them, and serves them
 * as sandboxed downloads, so a hostile file never runs inside Haven.
 */
export function DocumentsSection({ caseId, documents, canEdit }: { caseId: string; documents: CaseDocument[]; canEdit: boolean }) {
  const { t } = useTranslation();
  const add = useAddDocument(caseId);
  const fileInput = useRef<HTMLInputElement>(null);
  const [title, setTitle] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [reading, setReading] = useState(false);
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const fileError = errors?.fields[FILE_PATH];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (add.isPending || reading) return;
    setStatus(null);
    const problems = fromFieldProblems(t, {
      'body.title': title.trim() ? undefined : t('cases.documents.titleRequired'),
      [FILE_PATH]: !file ? t('cases.documents.chooseFile') : file.size > MAX_BYTES ? t('cases.documents.tooLarge') : undefined,
    });
    setErrors(problems);
    if (problems || !file) return;
    setReading(true);
    let contentBase64: string;
    try {
      contentBase64 = await fileToBase64(file);
    } catch {
      setErrors({ message: t('cases.documents.unreadable'), fields: { [FILE_PATH]: t('cases.documents.unreadable') } });
      return;
    } finally {
      setReading(false);
    }
    add.mutate(
      { title: title.trim(), contentBase64 },
      {
        onSuccess: (document) => {
          setTitle('');
          setFile(null);
          if (fileInput.current) fileInput.current.value = '';
          setStatus(t('cases.documents.added', { title: document.title }));
        },
        onError: (error) => setErrors(fromApiError(t, error, ['body.title', FILE_PATH])),
      },
    );
  };

  return (
    <section className="card" aria-labelledby="case-documents-heading">
      <h2 id="case-documents-heading">{t('cases.documents.title')}</h2>
      <p className="hint">{t('cases.documents.hint')}</p>
      <StatusMessage message={status} />
      {documents.length === 0 ? (
        <p className="muted">{t('cases.documents.none')}</p>
      ) : (
        <ul className="plain-list file-list">
          {documents.map((document) => {
            const extension = EXTENSIONS[document.contentType] ?? 'bin';
            return (
              <li key={document.id}>
                <a href={documentUrl(caseId, document.id)} download={`${document.title.replace(/[^\p{L}\p{N} ._-]+/gu, '_')}.${extension}`}>
                  {t('cases.documents.download', { title: document.title, type: extension.toUpperCase(), size: formatBytes(document.byteSize) })}
                </a>
                <div className="muted small">
                  {document.source === 'tip'
                    ? t('cases.documents.fromTip', { when: formatDateTime(document.createdAt) })
                    : t('cases.documents.uploaded', { name: document.uploadedBy ?? t('cases.unknownPerson'), when: formatDateTime(document.createdAt) })}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {canEdit && (
        <form className="form entry-form" noValidate onSubmit={(event) => void submit(event)} aria-labelledby="add-document-heading">
          <h3 id="add-document-heading">{t('cases.documents.add')}</h3>
          <FormAlert errors={errors} />
          <TextField path="document.title" label={t('cases.documents.documentTitle')} value={title} onValueChange={setTitle} error={errors?.fields['body.title']} />
          <div className={fileError ? 'field field-invalid' : 'field'}>
            <label htmlFor="case-document-file">{t('cases.documents.file')}</label>
            <p id="case-document-file-hint" className="hint">
              {t('cases.documents.fileHint')}
            </p>
            {fileError && (
              <p id="case-document-file-error" className="field-error">
                {fileError}
              </p>
            )}
            <input
              ref={fileInput}
              id="case-document-file"
              name="file"
              type="file"
              className="input"
              accept={ACCEPTED}
              aria-invalid={fileError ? true : undefined}
              aria-describedby={fileError ? 'case-document-file-hint case-document-file-error' : 'case-document-file-hint'}
              onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            />
          </div>
          <SubmitButton busy={add.isPending || reading} busyLabel={t('common.saving')}>
            {t('cases.documents.submit')}
          </SubmitButton>
        </form>
      )}
    </section>
  );
}
