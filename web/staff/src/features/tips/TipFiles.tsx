import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format.ts';
import { formatBytes } from './tipLabels.ts';
import type { TipDetail } from './tipTypes.ts';

const EXTENSIONS: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'application/pdf': 'pdf' };

/**
 * Files the reporter sent, with their hidden metadata already removed by the server. They are downloaded,
 * never shown inside Haven, so a hostile file cannot run in the staff app.
 */
export function TipFiles({ tip }: { tip: TipDetail }) {
  const { t } = useTranslation();
  if (tip.attachments.length === 0) return null;
  return (
    <section className="card" aria-labelledby="tip-files-heading">
      <h2 id="tip-files-heading">{t('tips.files.title')}</h2>
      <p className="hint">{t('tips.files.hint')}</p>
      <ul className="plain-list file-list">
        {tip.attachments.map((file, index) => {
          const extension = EXTENSIONS[file.contentType] ?? 'bin';
          return (
            <li key={file.id}>
              <a href={`/api/tips/${tip.id}/attachments/${file.id}`} download={`tip-${tip.number}-${index + 1}.${extension}`}>
                {t('tips.files.download', { n: index + 1, type: extension.toUpperCase(), size: formatBytes(file.byteSize) })}
              </a>
              <div className="muted small">
                {file.messageId ? t('tips.files.fromMessage', { when: formatDateTime(file.createdAt) }) : t('tips.files.fromReport')}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
