import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Copies text to the clipboard and says whether that worked. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const { t } = useTranslation();
  const [result, setResult] = useState<'copied' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setResult('copied');
    } catch {
      setResult('failed');
    }
  };
  return (
    <>
      <button type="button" className="button button-secondary" onClick={() => void copy()}>
        {label}
      </button>
      <span role="status" className="copy-status">
        {result === 'copied' ? t('common.copied') : result === 'failed' ? t('common.copyFailed') : ''}
      </span>
    </>
  );
}
