import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/form/TextField.tsx';

export const CURRENT_PASSWORD_PATH = 'body.currentPassword';

/** Sensitive changes to one's own account ask for the password again. */
export function CurrentPasswordField({ idSuffix, value, onValueChange, error }: { idSuffix: string; value: string; onValueChange: (value: string) => void; error?: string | undefined }) {
  const { t } = useTranslation();
  return (
    <TextField
      path={`${CURRENT_PASSWORD_PATH}.${idSuffix}`}
      label={t('profile.currentPassword')}
      type="password"
      autoComplete="current-password"
      value={value}
      onValueChange={onValueChange}
      error={error}
    />
  );
}
