import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/form/FormAlert.tsx';
import { SelectField } from '../../components/form/SelectField.tsx';
import { SubmitButton } from '../../components/form/SubmitButton.tsx';
import { TextField } from '../../components/form/TextField.tsx';
import { Loading, LoadError } from '../../components/Loading.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { describeError, fromApiError, fromFieldProblems, type FormErrors } from '../../components/form/formErrors.ts';
import { codeOptions, entityKindLabel, linkTypeLabel } from './caseLabels.ts';
import { useAddLink, useCaseGraph, useRemoveLink } from './caseContentApi.ts';
import { LINK_TYPES, type CaseEntity } from './caseTypes.ts';

const FIELDS = ['body.fromEntityId', 'body.toEntityId', 'body.type', 'body.note'];

/** Each entity once, even when it has two roles in the case. */
function distinctEntities(entities: CaseEntity[]) {
  const seen = new Map<string, CaseEntity['entity']>();
  for (const item of entities) seen.set(item.entity.id, item.entity);
  return [...seen.values()];
}

/** Typed links between the case's entities ("uses", "works at", "recruited"…), which the link chart draws. */
export function LinksSection({ caseId, entities, canEdit }: { caseId: string; entities: CaseEntity[]; canEdit: boolean }) {
  const { t } = useTranslation();
  const graph = useCaseGraph(caseId, []);
  const addLink = useAddLink(caseId);
  const removeLink = useRemoveLink(caseId);
  const [draft, setDraft] = useState({ fromEntityId: '', type: 'uses', toEntityId: '', note: '' });
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const choices = distinctEntities(entities);
  const labelOf = (id: string) => graph.data?.nodes.find((node) => node.id === id)?.label ?? choices.find((e) => e.id === id)?.label ?? '';
  const options = [{ value: '', label: t('cases.links.choose') }, ...choices.map((e) => ({ value: e.id, label: `${e.label} (${entityKindLabel(t, e.kind)})` }))];
  const set = (key: keyof typeof draft) => (value: string) => setDraft((old) => ({ ...old, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (addLink.isPending) return;
    setStatus(null);
    const problems = fromFieldProblems(t, {
      'body.fromEntityId': draft.fromEntityId ? undefined : t('cases.links.chooseEntity'),
      'body.toEntityId': !draft.toEntityId ? t('cases.links.chooseEntity') : draft.toEntityId === draft.fromEntityId ? t('cases.links.notItself') : undefined,
    });
    setErrors(problems);
    if (problems) return;
    addLink.mutate(
      { fromEntityId: draft.fromEntityId, toEntityId: draft.toEntityId, type: draft.type, note: draft.note.trim() || undefined },
      {
        onSuccess: () => {
          setStatus(t('cases.links.added', { from: labelOf(draft.fromEntityId), type: linkTypeLabel(t, draft.type), to: labelOf(draft.toEntityId) }));
          setDraft({ fromEntityId: '', type: draft.type, toEntityId: '', note: '' });
        },
        onError: (error) => setErrors(fromApiError(t, error, FIELDS)),
      },
    );
  };

  const remove = (linkId: string, text: string) => {
    if (removeLink.isPending) return;
    setStatus(null);
    removeLink.mutate(linkId, { onSuccess: () => setStatus(t('cases.links.removed', { link: text })), onError: (error) => setStatus(describeError(t, error)) });
  };

  const edges = (graph.data?.edges ?? []).filter((edge) => choices.some((e) => e.id === edge.from) && choices.some((e) => e.id === edge.to));
  return (
    <section className="card" aria-labelledby="case-links-heading">
      <h2 id="case-links-heading">{t('cases.links.title')}</h2>
      <StatusMessage message={status} />
      {graph.isPending && <Loading />}
      {graph.isError && <LoadError error={graph.error} />}
      {graph.data && edges.length === 0 && <p className="muted">{t('cases.links.none')}</p>}
      {edges.length > 0 && (
        <ul className="plain-list link-list">
          {edges.map((edge) => {
            const text = t('cases.links.sentence', { from: labelOf(edge.from), type: linkTypeLabel(t, edge.type), to: labelOf(edge.to) });
            return (
              <li key={edge.id} className="link-item">
                <span>
                  {text}
                  {edge.note && <span className="muted small"> · {edge.note}</span>}
                </span>
                {canEdit && (
                  <button type="button" className="button button-secondary button-small" onClick={() => remove(edge.id, text)}>
                    {t('cases.links.remove', { link: text })}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {canEdit && choices.length >= 2 && (
        <form className="form entry-form" noValidate onSubmit={submit} aria-labelledby="add-link-heading">
          <h3 id="add-link-heading">{t('cases.links.add')}</h3>
          <FormAlert errors={errors} />
          <div className="field-row">
            <SelectField path="link.from" label={t('cases.links.from')} value={draft.fromEntityId} onValueChange={set('fromEntityId')} options={options} error={errors?.fields['body.fromEntityId']} />
            <SelectField path="link.type" label={t('cases.links.type')} value={draft.type} onValueChange={set('type')} options={codeOptions(t, LINK_TYPES, linkTypeLabel)} error={errors?.fields['body.type']} />
            <SelectField path="link.to" label={t('cases.links.to')} value={draft.toEntityId} onValueChange={set('toEntityId')} options={options} error={errors?.fields['body.toEntityId']} />
          </div>
          <TextField path="link.note" label={t('cases.links.note')} optional value={draft.note} onValueChange={set('note')} />
          <SubmitButton busy={addLink.isPending} busyLabel={t('common.saving')}>
            {t('cases.links.submit')}
          </SubmitButton>
        </form>
      )}
      {canEdit && choices.length < 2 && <p className="hint">{t('cases.links.needTwo')}</p>}
    </section>
  );
}
