import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { User } from '../../api/types.ts';
import { FormAlert } from '../../components/form/FormAlert.tsx';
import { SelectField } from '../../components/form/SelectField.tsx';
import { SubmitButton } from '../../components/form/SubmitButton.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { fromApiError, type FormErrors } from '../../components/form/formErrors.ts';
import { useAgencies } from '../agencies/agenciesApi.ts';
import { useSignedInUser } from '../auth/session.ts';
import type { TipAbilities } from './tipAbilities.ts';
import { useTriageTip } from './tipsApi.ts';
import type { TipDetail, TriageChange } from './tipTypes.ts';

const FIELDS = ['body.assignedAgencyId', 'body.assignedUserId'];
// Roles whose holders work tips (the server checks each assignment again).
const TIP_WORKER_ROLES = ['coordinator', 'investigator', 'prosecutor', 'victim_advocate', 'child_welfare_worker'];

function usePeopleOf(agencyId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['users', 'list', { agencyId, q: '' }],
    queryFn: async () => (await api.get<{ users: User[] }>('/api/users', { query: { agencyId } })).users,
    enabled: enabled && Boolean(agencyId),
    select: (users) => users.filter((user) => user.status === 'active' && user.roles.some((role) => TIP_WORKER_ROLES.includes(role))),
  });
}

/** Which agency works the tip, and who there. Only coordinators move a tip between agencies. */
export function TipAssignment({ tip, can }: { tip: TipDetail; can: TipAbilities }) {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const triage = useTriageTip(tip.id);
  const agencies = useAgencies();
  const [edits, setEdits] = useState<{ agencyId?: string; userId?: string }>({});
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const agencyId = edits.agencyId ?? tip.assignedAgency?.id ?? '';
  const userId = edits.userId ?? tip.assignedUser?.id ?? '';
  const people = usePeopleOf(agencyId, can.listPeople);

  const save = (change: TriageChange, done: string) => {
    if (triage.isPending) return;
    setStatus(null);
    setErrors(null);
    triage.mutate(change, {
      onSuccess: () => {
        setEdits({});
        setStatus(done);
      },
      onError: (error) => setErrors(fromApiError(t, error, FIELDS)),
    });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const change: TriageChange = {};
    if (agencyId !== (tip.assignedAgency?.id ?? '')) change.assignedAgencyId = agencyId || null;
    if (userId !== (tip.assignedUser?.id ?? '') || change.assignedAgencyId !== undefined) change.assignedUserId = userId || null;
    if (Object.keys(change).length === 0) return setStatus(t('common.noChanges'));
    save(change, t('tips.assign.saved'));
  };

  const activeAgencies = (agencies.data ?? []).filter((agency) => agency.isActive || agency.id === agencyId);
  const editable = can.assignAgency || can.listPeople;
  const offerSelf = !can.listPeople && tip.assignedAgency?.id === me.agency.id && tip.assignedUser?.id !== me.id;
  return (
    <section className="card" aria-labelledby="tip-assign-heading">
      <h2 id="tip-assign-heading">{t('tips.assign.title')}</h2>
      <StatusMessage message={status} takeFocus={!editable} />
      <form className="form" noValidate onSubmit={submit}>
        <FormAlert errors={errors} />
        {can.assignAgency ? (
          <SelectField
            path="body.assignedAgencyId"
            label={t('tips.fields.assignedAgency')}
            value={agencyId}
            onValueChange={(value) => setEdits({ agencyId: value, userId: '' })}
            options={[{ value: '', label: t('tips.notAssigned') }, ...activeAgencies.map((agency) => ({ value: agency.id, label: agency.name }))]}
            error={errors?.fields['body.assignedAgencyId']}
          />
        ) : (
          <p>
            <strong>{t('tips.fields.assignedAgency')}:</strong> {tip.assignedAgency?.name ?? t('tips.notAssigned')}
          </p>
        )}
        {can.listPeople && agencyId && (
          <SelectField
            path="body.assignedUserId"
            label={t('tips.fields.assignedPerson')}
            hint={t('tips.assign.personHint')}
            value={userId}
            onValueChange={(value) => setEdits((old) => ({ ...old, userId: value }))}
            options={[{ value: '', label: t('tips.assign.nobody') }, ...(people.data ?? []).map((person) => ({ value: person.id, label: person.displayName }))]}
            error={errors?.fields['body.assignedUserId']}
          />
        )}
        {!can.listPeople && tip.assignedUser && (
          <p>
            <strong>{t('tips.fields.assignedPerson')}:</strong> {tip.assignedUser.name}
          </p>
        )}
        {editable && (
          <SubmitButton busy={triage.isPending} busyLabel={t('common.saving')}>
            {t('tips.assign.save')}
          </SubmitButton>
        )}
      </form>
      {offerSelf && (
        <button type="button" className="button button-secondary" onClick={() => save({ assignedUserId: me.id }, t('tips.assign.toMeDone'))}>
          {t('tips.assign.toMe')}
        </button>
      )}
    </section>
  );
}
