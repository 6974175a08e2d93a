import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from './FormAlert.tsx';
import { SubmitButton } from './SubmitButton.tsx';
import { TextField } from './TextField.tsx';
import { fromApiError, fromFieldProblems, type FormErrors } from './formErrors.ts';
import { fileToBase64 } from './fileToBase64.ts';

const ACCEPTED = 'image/jpeg,image/png,image/webp,application/pdf';
const MAX_BYTES = 10 * 1024 * 1024;
const EXTENSIONS: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'application/pdf': 'pdf' };
const FILE_PATH = 'body.contentBase64';

/** The file extension a stored document is downloaded with, from its checked content type. */
export const documentExtension = (contentType: string): string => EXTENSIONS[contentType] ?? 'bin';

/** A download name from a document's title: letters, digits, spaces, dots, dashes and underscores only. */
export const documentFileName = (title: string, contentType: string): string => `${title.replace(/[^\p{L}\p{N} ._-]+/gu, '_')}.${documentExtension(contentType)}`;

export interface DocumentUpload {
  title: string;
  contentBase64: string;
}

/**
 * A title and one file (JPEG, PNG, WebP or PDF up to 10 MB), read in the browser and sent as base64; the server
 * checks the type by content and strips hidden metadata. Used wherever staff attach documents.
 */
export function DocumentUploadForm({
  idPrefix,
  busy,
  send,
  onAdded,
}: {
  idPrefix: string;
  busy: boolean;
  send: (input: DocumentUpload, callbacks: { onSuccess: () => void; onError: (error: unknown) => void }) => void;
  onAdded: (title: string) => void;
}) {
  const { t } = useTranslation();
  const fileInput = useRef<HTMLInputElement>(null);
  const [title, setTitle] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [reading, setReading] = useState(false);
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const fileError = errors?.fields[FILE_PATH];
  const fileId = `${idPrefix}-file`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || reading) return;
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
    send(
      { title: added, contentBase64 },
      {
        onSuccess: () => {
          setTitle('');
          setFile(null);
          if (fileInput.current) fileInput.current.value = '';
          onAdded(added);
        },
        onError: (error) => setErrors(fromApiError(t, error, ['body.title', FILE_PATH])),
      },
    );
  };

  return (
    <form className="form entry-form" noValidate onSubmit={(event) => void submit(event)} aria-labelledby={`${idPrefix}-heading`}>
      <h3 id={`${idPrefix}-heading`}>{t('cases.documents.add')}</h3>
      <FormAlert errors={errors} />
      <TextField path={`${idPrefix}.title`} label={t('cases.documents.documentTitle')} value={title} onValueChange={setTitle} error={errors?.fields['body.title']} />
      <div className={fileError ? 'field field-invalid' : 'field'}>
        <label htmlFor={fileId}>{t('cases.documents.file')}</label>
        <p id={`${fileId}-hint`} className="hint">
          {t('cases.documents.fileHint')}
        </p>
        {fileError && (
          <p id={`${fileId}-error`} className="field-error">
            {fileError}
          </p>
        )}
        <input
          ref={fileInput}
          id={fileId}
          name="file"
          type="file"
          className="input"
          accept={ACCEPTED}
          aria-invalid={fileError ? true : undefined}
          aria-describedby={fileError ? `${fileId}-hint ${fileId}-error` : `${fileId}-hint`}
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
        />
      </div>
      <SubmitButton busy={busy || reading} busyLabel={t('common.saving')}>
        {t('cases.documents.submit')}
      </SubmitButton>
    </form>
  );
}
