import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { CheckboxGroup } from '../../../components/form/CheckboxGroup.tsx';
import { FormAlert } from '../../../components/form/FormAlert.tsx';
import { SelectField } from '../../../components/form/SelectField.tsx';
import { SubmitButton } from '../../../components/form/SubmitButton.tsx';
import { TextField } from '../../../components/form/TextField.tsx';
import { StatusMessage } from '../../../components/StatusMessage.tsx';
import { fromApiError, fromFieldProblems, type FormErrors } from '../../../components/form/formErrors.ts';
import { DeconflictionNotice } from '../../deconfliction/DeconflictionNotice.tsx';
import { hitsKey } from '../../deconfliction/deconflictionApi.ts';
import { caseRoleLabel, codeOptions, entityKindLabel, suspectRoleLabel } from '../caseLabels.ts';
import { useAddEntity } from '../caseContentApi.ts';
import { ENTITY_KINDS, PERSON_ROLES, SUSPECT_ROLES, type CaseEntity, type DeconflictionNotice as Notice, type EntityKind } from '../caseTypes.ts';
import { EntityFields } from './EntityFields.tsx';
import { draftProblems, EMPTY_DRAFT, entityPath, KIND_FIELDS, toEntityInput, type EntityDraft } from './entityDraft.ts';

const OTHER_FIELDS = ['body.entityId', 'body.role', 'body.suspectRoles', 'body.note'];

/**
 * Adds a person, organization, place, phone, email, vehicle, account or payment handle to the case. The answer
 * says at once whether another agency holds the same target; that warning stays on screen until the next add.
 */
export function AddEntityForm({ caseId, entities }: { caseId: string; entities: CaseEntity[] }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const add = useAddEntity(caseId);
  const [kind, setKind] = useState<EntityKind>('person');
  const [draft, setDraft] = useState<EntityDraft>(EMPTY_DRAFT);
  const [role, setRole] = useState('other');
  const [suspectRoles, setSuspectRoles] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [notices, setNotices] = useState<Notice[]>([]);
  // A person already in the case can be added again with another role (a minor victim who is also a suspect).
  const [existing, setExisting] = useState('');
  const isPerson = kind === 'person';
  const people = [...new Map(entities.filter((item) => item.entity.kind === 'person').map((item) => [item.entity.id, item.entity])).values()];
  const reusing = isPerson && Boolean(existing);

  const chooseKind = (next: string) => {
    setKind(next as EntityKind);
    setDraft(EMPTY_DRAFT);
    setErrors(null);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (add.isPending) return;
    setStatus(null);
    const problems = reusing ? null : fromFieldProblems(t, draftProblems(t, kind, draft));
    setErrors(problems);
    if (problems) return;
    const input = {
      ...(reusing ? { entityId: existing } : { entity: toEntityInput(kind, draft) }),
      role: isPerson ? role : 'involved',
      suspectRoles: isPerson && role === 'suspect' ? suspectRoles : [],
      note: note.trim() || undefined,
    };
    add.mutate(input, {
      onSuccess: (added) => {
        setNotices(added.deconfliction);
        // The case's hit panel shows the new hit at once instead of at its next poll.
        if (added.deconfliction.length) void client.invalidateQueries({ queryKey: hitsKey });
        setDraft(EMPTY_DRAFT);
        setExisting('');
        setNote('');
        setSuspectRoles([]);
        setStatus(t('cases.entityForm.added', { label: added.entity.label }));
      },
      onError: (error) => {
        setNotices([]);
        setErrors(fromApiError(t, error, [...KIND_FIELDS[kind].map(entityPath), ...OTHER_FIELDS]));
      },
    });
  };

  return (
    <form className="form entry-form" noValidate onSubmit={submit} aria-labelledby="add-entity-heading">
      <h3 id="add-entity-heading">{t('cases.entityForm.title')}</h3>
      <FormAlert errors={errors} />
      {notices.map((notice) => (
        <DeconflictionNotice key={notice.hitId} urgent agencyName={notice.otherAgency.name} contact={notice.pointOfContact} matchedKinds={[notice.matchedKind]} />
      ))}
      <StatusMessage message={status} />
      <SelectField path="entity.kind" label={t('cases.entityForm.kind')} value={kind} onValueChange={chooseKind} options={codeOptions(t, ENTITY_KINDS, entityKindLabel)} />
      {isPerson && people.length > 0 && (
        <SelectField
          path="entity.existing"
          label={t('cases.entityForm.which')}
          hint={t('cases.entityForm.whichHint')}
          value={existing}
          onValueChange={setExisting}
          options={[{ value: '', label: t('cases.entityForm.newPerson') }, ...people.map((person) => ({ value: person.id, label: person.label }))]}
          error={errors?.fields['body.entityId']}
        />
      )}
      {!reusing && <EntityFields kind={kind} draft={draft} onChange={(field, value) => setDraft((old) => ({ ...old, [field]: value }))} errors={errors?.fields} />}
      {isPerson && (
        <SelectField path="entity.role" label={t('cases.entityForm.role')} hint={t('cases.entityForm.roleHint')} value={role} onValueChange={setRole} options={codeOptions(t, PERSON_ROLES, caseRoleLabel)} error={errors?.fields['body.role']} />
      )}
      {isPerson && role === 'suspect' && (
        <CheckboxGroup
          path="entity.suspectRoles"
          legend={t('cases.entityForm.suspectRoles')}
          hint={t('cases.entityForm.suspectRolesHint')}
          options={codeOptions(t, SUSPECT_ROLES, suspectRoleLabel)}
          selected={suspectRoles}
          onSelectedChange={setSuspectRoles}
          error={errors?.fields['body.suspectRoles']}
        />
      )}
      <TextField path="entity.note" label={t('cases.entityForm.note')} optional value={note} onValueChange={setNote} error={errors?.fields['body.note']} />
      <SubmitButton busy={add.isPending} busyLabel={t('common.saving')}>
        {t('cases.entityForm.submit')}
      </SubmitButton>
    </form>
  );
}
