import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../components/form/formErrors.ts';
import { useSurvivorWork } from './survivorsApi.ts';
import type { Survivor } from './survivorTypes.ts';

/** Closes a record when services end (retention rules count from then), or opens it again. */
export function RecordStatusButton({ survivor }: { survivor: Survivor }) {
  const { t } = useTranslation();
  const update = useSurvivorWork<{ status: 'open' | 'closed' }>(survivor.id, 'patch', () => '');
  const [error, setError] = useState<string | null>(null);
  const open = survivor.facts?.status !== 'closed';
  return (
    <>
      <button type="button" className="button button-secondary" aria-disabled={update.isPending || undefined} onClick={() => !update.isPending && update.mutate({ status: open ? 'closed' : 'open' }, { onSuccess: () => setError(null), onError: (e) => setError(describeError(t, e)) })}>
        {open ? t('survivors.closeRecord') : t('survivors.reopenRecord')}
      </button>
      {error && (
        <p className="form-alert" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
