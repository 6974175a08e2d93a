import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { CheckboxGroup } from '../../components/form/CheckboxGroup.tsx';
import { FormAlert } from '../../components/form/FormAlert.tsx';
import { SubmitButton } from '../../components/form/SubmitButton.tsx';
import { TextField } from '../../components/form/TextField.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { fromApiError, fromFieldProblems, type FormErrors } from '../../components/form/formErrors.ts';
import { survivorNumber } from './survivorLabels.ts';
import { survivorPath, survivorsKey, useSurvivorChanged } from './survivorsApi.ts';
import type { Survivor } from './survivorTypes.ts';

const PARTS = ['record', 'narrative', 'contact', 'documents', 'screenings'] as const;

/** A supervisor deletes the record or some of its parts for good, after typing the record's number to confirm. */
export function PurgeSection({ survivor }: { survivor: Survivor }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const changed = useSurvivorChanged(survivor.id);
  const purge = useMutation({ mutationFn: (parts: string[]) => api.post<{ purged: string[] }>(`${survivorPath(survivor.id)}/purge`, { parts }) });
  const [parts, setParts] = useState<string[]>([]);
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const number = String(survivor.number);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (purge.isPending) return;
    const problems = fromFieldProblems(t, {
      'body.parts': parts.length ? undefined : t('survivors.purge.partsRequired'),
      'purge.confirm': confirm.trim() === number ? undefined : t('survivors.purge.confirmRequired', { number }),
    });
    setErrors(problems);
    if (problems) return;
    purge.mutate(parts, {
      onSuccess: ({ purged }) => {
        if (purged.includes('record')) {
          client.removeQueries({ queryKey: [...survivorsKey, 'one', survivor.id] });
          void client.invalidateQueries({ queryKey: [...survivorsKey, 'list'] });
          navigate('/survivors');
          return;
        }
        setParts([]);
        setConfirm('');
        setStatus(t('survivors.purge.done'));
        changed();
      },
      onError: (e) => setErrors(fromApiError(t, e, ['body.parts'])),
    });
  };

  return (
    <section className="card" aria-labelledby="survivor-purge-heading">
      <h2 id="survivor-purge-heading">{t('survivors.purge.title')}</h2>
      <StatusMessage message={status} />
      <form className="form" noValidate onSubmit={submit} aria-labelledby="survivor-purge-heading">
        <p className="hint">{t('survivors.purge.hint')}</p>
        <FormAlert errors={errors} />
        <CheckboxGroup path="purge.parts" legend={t('survivors.purge.parts')} options={PARTS.map((p) => ({ value: p, label: t(`survivors.purge.partNames.${p}`) }))} selected={parts} onSelectedChange={setParts} error={errors?.fields['body.parts']} />
        <TextField path="purge.confirm" label={t('survivors.purge.confirm', { record: survivorNumber(t, survivor.number) })} inputMode="numeric" className="input-short" value={confirm} onValueChange={setConfirm} error={errors?.fields['purge.confirm']} />
        <SubmitButton busy={purge.isPending} busyLabel={t('common.working')} variant="danger">
          {t('survivors.purge.submit')}
        </SubmitButton>
      </form>
    </section>
  );
}
