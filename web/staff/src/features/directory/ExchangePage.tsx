import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { Page } from '../../components/Page.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { RadioGroup } from '../../components/form/RadioGroup.tsx';
import { describeError } from '../../components/form/formErrors.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import { DirectoryNav } from './DirectoryNav.tsx';
import { exportUrl, useImportFile } from './directoryApi.ts';
import type { ImportResult } from './directoryTypes.ts';

/** `rows.12.postal_code` → row 12, field postal_code; `rows.6` → the row as a whole. */
function rowProblem(path: string): { row: string; field: string } {
  const match = /^rows\.(\d+)(?:\.(.*))?$/.exec(path);
  return match ? { row: match[1]!, field: match[2] ?? '' } : { row: '', field: path };
}

/**
 * Import a directory file (Open Referral HSDS or CSV), all or nothing: a file with any bad row is answered with
 * every problem by row and field, and nothing is written. Export the directory in either format.
 */
export function ExchangePage() {
  const { t } = useTranslation();
  const importFile = useImportFile();
  const [format, setFormat] = useState<'hsds' | 'csv'>('csv');
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [missingFile, setMissingFile] = useState(false);
  const problems = failure instanceof ApiError && failure.code === 'import_rejected' ? failure.fields : [];
  // The server writes its row messages in English; a Spanish page marks them so they are read as English.
  const serverLanguage = currentLanguage() === 'en' ? undefined : 'en';

  const send = async (dryRun: boolean, event?: FormEvent) => {
    event?.preventDefault();
    setMissingFile(!file);
    if (!file || importFile.isPending) return;
    setResult(null);
    setFailure(null);
    const text = await file.text();
    importFile.mutate({ format, text, dryRun }, { onSuccess: setResult, onError: setFailure });
  };

  const summary = result
    ? result.dryRun
      ? t('directory.exchange.checked', { rows: result.rows, created: result.created, updated: result.updated })
      : t('directory.exchange.imported', { rows: result.rows, created: result.created, updated: result.updated })
    : null;

  return (
    <Page title={t('directory.exchange.title')} lead={t('directory.exchange.lead')}>
      <DirectoryNav />
      <section className="card" aria-labelledby="import-heading">
        <h2 id="import-heading">{t('directory.exchange.importTitle')}</h2>
        <p className="hint">{t('directory.exchange.importExplain')}</p>
        <form className="form" noValidate onSubmit={(event) => void send(false, event)}>
          <RadioGroup path="import.format" legend={t('directory.exchange.format')} value={format} onValueChange={(v) => setFormat(v as 'hsds' | 'csv')} options={[{ value: 'csv', label: t('directory.exchange.csv') }, { value: 'hsds', label: t('directory.exchange.hsds') }]} />
          <div className={missingFile ? 'field field-invalid' : 'field'}>
            <label htmlFor="import-file">{t('directory.exchange.file')}</label>
            <p id="import-file-hint" className="hint">
              {format === 'csv' ? t('directory.exchange.csvHint') : t('directory.exchange.hsdsHint')}
            </p>
            {missingFile && (
              <p id="import-file-error" className="field-error">
                {t('directory.exchange.chooseFile')}
              </p>
            )}
            <input
              id="import-file"
              name="file"
              type="file"
              className="input"
              accept={format === 'csv' ? '.csv,text/csv' : '.json,application/json'}
              aria-describedby={missingFile ? 'import-file-hint import-file-error' : 'import-file-hint'}
              onChange={(event) => {
                setFile(event.target.files?.[0] ?? null);
                setMissingFile(false);
              }}
            />
          </div>
          <div className="button-row">
            <button type="button" className="button button-secondary" onClick={() => void send(true)} aria-disabled={importFile.isPending || undefined}>
              {t('directory.exchange.check')}
            </button>
            <button type="submit" className="button button-primary" aria-disabled={importFile.isPending || undefined}>
              {importFile.isPending ? t('common.working') : t('directory.exchange.import')}
            </button>
          </div>
        </form>
        <StatusMessage message={summary} takeFocus />
        {failure !== null && (
          <div className="form-alert" role="alert" tabIndex={-1}>
            {problems.length ? t('directory.exchange.rejected', { count: problems.length, file: file?.name ?? '' }) : describeError(t, failure)}
          </div>
        )}
        {problems.length > 0 && (
          <ScrollRegion label={t('directory.exchange.problemsTitle')}>
            <table className="table table-compact import-problems">
              <caption>{t('directory.exchange.problemsTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('directory.exchange.row')}</th>
                  <th scope="col">{t('directory.exchange.field')}</th>
                  <th scope="col">{t('directory.exchange.problem')}</th>
                </tr>
              </thead>
              <tbody>
                {problems.map((p, i) => {
                  const { row, field } = rowProblem(p.path);
                  return (
                    <tr key={i}>
                      <th scope="row">{row}</th>
                      <td>
                        <code>{field || t('directory.exchange.wholeRow')}</code>
                      </td>
                      <td lang={serverLanguage}>{p.message}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </section>
      <section className="card" aria-labelledby="export-heading">
        <h2 id="export-heading">{t('directory.exchange.exportTitle')}</h2>
        <p className="hint">{t('directory.exchange.exportExplain')}</p>
        <div className="button-row">
          <a className="button button-secondary" href={exportUrl('csv')} download>
            {t('directory.exchange.exportCsv')}
          </a>
          <a className="button button-secondary" href={exportUrl('hsds')} download>
            {t('directory.exchange.exportHsds')}
          </a>
        </div>
      </section>
    </Page>
  );
}
