import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/form/FormAlert.tsx';
import { SubmitButton } from '../../components/form/SubmitButton.tsx';
import { TextField } from '../../components/form/TextField.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { fromApiError, fromFieldProblems, type FormErrors } from '../../components/form/formErrors.ts';
import { formatDate } from '../../components/format.ts';
import { fileToBase64 } from '../cases/fileToBase64.ts';
import { formatBytes } from '../tips/tipLabels.ts';
import { survivorPath, useSurvivorWork } from './survivorsApi.ts';
import type { Survivor } from './survivorTypes.ts';

const ACCEPTED = 'image/jpeg,image/png,image/webp,application/pdf';
const MAX_BYTES = 10 * 1024 * 1024;
const EXTENSIONS: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'application/pdf': 'pdf' };
const FILE_PATH = 'body.contentBase64';

/**
 * The record's documents: hidden metadata removed, then sealed on the server; each is a sandboxed download for
 * the owning agency only. The wording of the form is the case documents' own.
 */
export function SurvivorDocuments({ survivor, canEdit }: { survivor: Survivor; canEdit: boolean }) {
  const { t } = useTranslation();
  const add = useSurvivorWork<{ title: string; contentBase64: string }>(survivor.id, 'post', () => '/documents');
  const fileInput = useRef<HTMLInputElement>(null);
  const [title, setTitle] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [reading, setReading] = useState(false);
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const fileError = errors?.fields[FILE_PATH];
  const documents = survivor.documents ?? [];

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
    const added = title.trim();
    add.mutate(
      { title: added, contentBase64 },
      {
        onSuccess: () => {
          setTitle('');
          setFile(null);
          if (fileInput.current) fileInput.current.value = '';
          setStatus(t('cases.documents.added', { title: added }));
        },
        onError: (error) => setErrors(fromApiError(t, error, ['body.title', FILE_PATH])),
      },
    );
  };

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
            const extension = EXTENSIONS[d.contentType] ?? 'bin';
            return (
              <li key={d.id} className="record-item">
                <a href={`${survivorPath(survivor.id)}/documents/${d.id}`} download={`${d.title.replace(/[^\p{L}\p{N} ._-]+/gu, '_')}.${extension}`}>
                  {t('cases.documents.download', { title: d.title, type: extension.toUpperCase(), size: formatBytes(d.byteSize) })}
                </a>{' '}
                <span className="small muted">{formatDate(d.createdAt)}</span>
              </li>
            );
          })}
        </ul>
      )}
      {canEdit && (
        <form className="form entry-form" noValidate onSubmit={(event) => void submit(event)} aria-labelledby="add-survivor-document-heading">
          <h3 id="add-survivor-document-heading">{t('cases.documents.add')}</h3>
          <FormAlert errors={errors} />
          <TextField path="survivorDocument.title" label={t('cases.documents.documentTitle')} value={title} onValueChange={setTitle} error={errors?.fields['body.title']} />
          <div className={fileError ? 'field field-invalid' : 'field'}>
            <label htmlFor="survivor-document-file">{t('cases.documents.file')}</label>
            <p id="survivor-document-file-hint" className="hint">
              {t('cases.documents.fileHint')}
            </p>
            {fileError && (
              <p id="survivor-document-file-error" className="field-error">
                {fileError}
              </p>
            )}
            <input
              ref={fileInput}
              id="survivor-document-file"
              name="file"
              type="file"
              className="input"
              accept={ACCEPTED}
              aria-invalid={fileError ? true : undefined}
              aria-describedby={fileError ? 'survivor-document-file-hint survivor-document-file-error' : 'survivor-document-file-hint'}
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
