import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/form/TextField.tsx';

export const CODE_PATH = 'body.code';

/** Six digits from the authenticator app; spaces are allowed and ignored. */
export function normalizeCode(code: string): string {
  return code.replace(/\s+/g, '');
}

export function isWellFormedCode(code: string): boolean {
  return /^\d{6}$/.test(normalizeCode(code));
}

export function TotpCodeField({ value, onValueChange, error }: { value: string; onValueChange: (value: string) => void; error?: string | undefined }) {
  const { t } = useTranslation();
  return (
    <TextField
      path={CODE_PATH}
      label={t('auth.code.label')}
      hint={t('auth.code.hint')}
      inputMode="numeric"
      autoComplete="one-time-code"
      spellCheck={false}
      maxLength={9}
      className="input-code"
      value={value}
      onValueChange={onValueChange}
      error={error}
    />
  );
}
