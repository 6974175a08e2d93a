import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { FormAlert } from '../../components/form/FormAlert.tsx';
import { SelectField } from '../../components/form/SelectField.tsx';
import { SubmitButton } from '../../components/form/SubmitButton.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { describeError, fromApiError, fromFieldProblems, type FormErrors } from '../../components/form/formErrors.ts';
import { useAssignPerson, useUnassignPerson } from './casesApi.ts';
import type { Assignment, Case } from './caseTypes.ts';

interface CaseWorker {
  id: string;
  name: string;
  agencyName: string;
  assignment: Assignment['role'] | null;
}

/** The people the server would accept on the case: the lead agency's and edit partners' case workers. */
function useCaseWorkers(caseId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['cases', caseId, 'people'],
    queryFn: async ({ signal }) => (await api.get<{ people: CaseWorker[] }>(`/api/cases/${encodeURIComponent(caseId)}/people`, { signal })).people,
    enabled,
  });
}

/** Who works the case: one lead and members. The lead agency's investigators and prosecutors change it. */
export function AssignmentsSection({ kase, canManage }: { kase: Case; canManage: boolean }) {
  const { t } = useTranslation();
  const assign = useAssignPerson(kase.id);
  const unassign = useUnassignPerson(kase.id);
  const people = useCaseWorkers(kase.id, canManage);
  const [userId, setUserId] = useState('');
  const [role, setRole] = useState<'lead' | 'member'>('member');
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const assignments = kase.detail?.assignments ?? [];
  const roleLabel = (r: Assignment['role']) => t(`cases.assignments.roles.${r}`);
  const isAssigned = (id: string) => assignments.some((a) => a.userId === id);

  const save = (input: { userId: string; role: 'lead' | 'member' }, name: string) => {
    if (assign.isPending) return;
    setStatus(null);
    assign.mutate(input, {
      onSuccess: () => {
        setUserId('');
        setStatus(t('cases.assignments.assigned', { name, role: roleLabel(input.role) }));
      },
      onError: (error) => setErrors(fromApiError(t, error, ['body.userId', 'body.role'])),
    });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = fromFieldProblems(t, { 'body.userId': userId ? undefined : t('cases.assignments.choosePerson') });
    setErrors(problems);
    if (!problems) save({ userId, role }, people.data?.find((person) => person.id === userId)?.name ?? '');
  };

  const remove = (assignment: Assignment) => {
    if (unassign.isPending) return;
    setStatus(null);
    unassign.mutate(assignment.userId, { onSuccess: () => setStatus(t('cases.assignments.removed', { name: assignment.name })), onError: (error) => setStatus(describeError(t, error)) });
  };

  const available = (people.data ?? []).filter((person) => !isAssigned(person.id) || role === 'lead');
  return (
    <section className="card" aria-labelledby="case-assignments-heading">
      <h2 id="case-assignments-heading">{t('cases.assignments.title')}</h2>
      <StatusMessage message={status} />
      {assignments.length === 0 ? (
        <p className="muted">{t('cases.assignments.none')}</p>
      ) : (
        <ul className="plain-list assignment-list">
          {assignments.map((assignment) => (
            <li key={assignment.userId} className="assignment-item">
              <div className="entity-head">
                <strong>{assignment.name}</strong>
                <span className={assignment.role === 'lead' ? 'badge badge-info' : 'badge'}>{roleLabel(assignment.role)}</span>
              </div>
              <p className="small muted">{assignment.email}</p>
              {canManage && (
                <div className="button-row">
                  {assignment.role !== 'lead' && (
                    <button type="button" className="button button-secondary button-small" onClick={() => save({ userId: assignment.userId, role: 'lead' }, assignment.name)}>
                      {t('cases.assignments.makeLead', { name: assignment.name })}
                    </button>
                  )}
                  <button type="button" className="button button-secondary button-small" onClick={() => remove(assignment)}>
                    {t('cases.assignments.remove', { name: assignment.name })}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {canManage && (
        <form className="form entry-form" noValidate onSubmit={submit} aria-labelledby="add-assignment-heading">
          <h3 id="add-assignment-heading">{t('cases.assignments.add')}</h3>
          <FormAlert errors={errors} />
          <div className="field-row">
            <SelectField
              path="assignment.user"
              label={t('cases.assignments.person')}
              value={userId}
              onValueChange={setUserId}
              options={[{ value: '', label: t('cases.assignments.choosePerson') }, ...available.map((person) => ({ value: person.id, label: person.agencyName === kase.leadAgency.name ? person.name : `${person.name} (${person.agencyName})` }))]}
              error={errors?.fields['body.userId']}
            />
            <SelectField path="assignment.role" label={t('cases.assignments.role')} value={role} onValueChange={(value) => setRole(value as 'lead' | 'member')} options={[{ value: 'member', label: roleLabel('member') }, { value: 'lead', label: roleLabel('lead') }]} />
          </div>
          <SubmitButton busy={assign.isPending} busyLabel={t('common.saving')}>
            {t('cases.assignments.submit')}
          </SubmitButton>
        </form>
      )}
    </section>
  );
}
