import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/form/SelectField.tsx';
import { Loading, LoadError } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import { hasAnyPermission, useSignedInUser } from '../auth/session.ts';
import { CASE_PERMISSIONS } from '../cases/caseAbilities.ts';
import { HitCard } from './HitCard.tsx';
import { useHits } from './deconflictionApi.ts';
import type { HitStatus } from './deconflictionTypes.ts';
import '../cases/cases.css';

const STATUSES: HitStatus[] = ['open', 'shared', 'declined'];

/** Every hit of the person's agency (every hit for coordinators), with agree-to-share and decline. */
export function DeconflictionPage() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const [params, setParams] = useSearchParams();
  const status = (STATUSES as string[]).includes(params.get('status') ?? '') ? (params.get('status') as HitStatus) : '';
  const hits = useHits({ status, poll: true });
  const canAnswer = hasAnyPermission(me, ...CASE_PERMISSIONS.answerHits);
  const seesAll = hasAnyPermission(me, 'read:deconfliction:any');

  return (
    <Page title={t('deconfliction.title')} lead={seesAll ? t('deconfliction.leadAny') : t('deconfliction.leadOwn', { agency: me.agency.name })}>
      <form className="filters" role="search" aria-label={t('deconfliction.filterLabel')} onSubmit={(event) => event.preventDefault()}>
        <SelectField
          path="hits.status"
          label={t('deconfliction.filterStatus')}
          value={status}
          onValueChange={(value) => setParams(value ? { status: value } : {})}
          options={[{ value: '', label: t('deconfliction.allStatuses') }, ...STATUSES.map((s) => ({ value: s, label: t(`deconfliction.status.${s}`) }))]}
        />
      </form>
      {hits.isPending && <Loading />}
      {hits.isError && <LoadError error={hits.error} />}
      {hits.data && hits.data.length === 0 && <p className="empty">{t('deconfliction.none')}</p>}
      {hits.data?.map((hit) => (
        <HitCard key={hit.id} hit={hit} canAnswer={canAnswer} />
      ))}
    </Page>
  );
}
