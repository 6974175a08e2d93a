import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyButton } from './CopyButton.tsx';

/** A read-only value with a copy button, for links shown once. */
export function CopyField({ label, value, hint, testId }: { label: string; value: string; hint?: string; testId?: string }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field copy-field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      <div className="copy-row">
        <input
          id={id}
          className="input input-mono"
          readOnly
          value={value}
          data-testid={testId}
          aria-describedby={hint ? `${id}-hint` : undefined}
          onFocus={(event) => event.target.select()}
        />
        <CopyButton text={value} label={t('common.copy')} />
      </div>
    </div>
  );
}
