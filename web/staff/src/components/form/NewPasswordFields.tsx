import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { TextField } from './TextField.tsx';

export const PASSWORD_MIN = 12;
export const CONFIRM_PATH = 'confirmPassword';

/** Checks what can be checked before sending; the server still judges how common a password is. */
export function newPasswordProblems(t: TFunction, path: string, password: string, confirmation: string): Record<string, string | undefined> {
  return {
    [path]: !password
      ? t('password.required')
      : password.length < PASSWORD_MIN
        ? t('password.tooShort', { count: PASSWORD_MIN })
        : undefined,
    [CONFIRM_PATH]: password && confirmation !== password ? t('password.mismatch') : undefined,
  };
}

interface NewPasswordFieldsProps {
  /** The API path of the new password, such as `body.password` or `body.newPassword`. */
  path: string;
  password: string;
  confirmation: string;
  onPasswordChange: (value: string) => void;
  onConfirmationChange: (value: string) => void;
  errors: Record<string, string> | undefined;
}

export function NewPasswordFields({ path, password, confirmation, onPasswordChange, onConfirmationChange, errors }: NewPasswordFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        path={path}
        label={t('password.new')}
        hint={t('password.hint', { count: PASSWORD_MIN })}
        type="password"
        autoComplete="new-password"
        value={password}
        onValueChange={onPasswordChange}
        error={errors?.[path]}
      />
      <TextField
        path={CONFIRM_PATH}
        label={t('password.confirm')}
        type="password"
        autoComplete="new-password"
        value={confirmation}
        onValueChange={onConfirmationChange}
        error={errors?.[CONFIRM_PATH]}
      />
    </>
  );
}
