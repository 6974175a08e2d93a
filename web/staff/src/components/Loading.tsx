import { useTranslation } from 'react-i18next';
import { describeError } from './form/formErrors.ts';

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {label ?? t('common.loading')}
    </p>
  );
}

export function LoadError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return (
    <div className="form-alert" role="alert">
      {describeError(t, error)}
    </div>
  );
}
