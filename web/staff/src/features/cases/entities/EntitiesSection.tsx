import { useTranslation } from 'react-i18next';
import type { CaseEntity } from '../caseTypes.ts';
import { AddEntityForm } from './AddEntityForm.tsx';
import { EntityList } from './EntityList.tsx';

/** The people, places, phones and accounts of the case, and the form that adds them. */
export function EntitiesSection({ caseId, entities, canEdit }: { caseId: string; entities: CaseEntity[]; canEdit: boolean }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="case-entities-heading">
      <h2 id="case-entities-heading">{t('cases.entities.title')}</h2>
      <p className="hint">{t('cases.entities.hint')}</p>
      <EntityList caseId={caseId} entities={entities} canEdit={canEdit} />
      {canEdit && <AddEntityForm caseId={caseId} entities={entities} />}
    </section>
  );
}
