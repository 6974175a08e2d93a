import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { Loading, LoadError } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import { hasAnyPermission, useSignedInUser } from '../auth/session.ts';
import { CASE_PERMISSIONS } from '../cases/caseAbilities.ts';
import { NotFoundPage } from '../layout/NotFoundPage.tsx';
import { HitCard } from './HitCard.tsx';
import { useHit } from './deconflictionApi.ts';
import '../cases/cases.css';

/** One hit, where a notification leads. */
export function HitPage() {
  const { hitId = '' } = useParams();
  const { t } = useTranslation();
  const me = useSignedInUser();
  const hit = useHit(hitId);
  if (hit.error instanceof ApiError && hit.error.status === 404) return <NotFoundPage />;
  return (
    <Page back={{ to: '/deconfliction', label: t('deconfliction.backToList') }} title={t('deconfliction.hit.pageTitle')}>
      {hit.isPending && <Loading />}
      {hit.isError && <LoadError error={hit.error} />}
      {hit.data && <HitCard hit={hit.data} canAnswer={hasAnyPermission(me, ...CASE_PERMISSIONS.answerHits)} />}
    </Page>
  );
}
