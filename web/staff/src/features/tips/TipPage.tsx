import { useLocation, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page.tsx';
import { Loading, LoadError } from '../../components/Loading.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { ApiError } from '../../api/client.ts';
import { NotFoundPage } from '../layout/NotFoundPage.tsx';
import { useSignedInUser } from '../auth/session.ts';
import { ReporterContactPanel } from './ReporterContactPanel.tsx';
import { TipFlags } from './TipFlags.tsx';
import { TipAssignment } from './TipAssignment.tsx';
import { TipClock } from './TipClock.tsx';
import { TipConversation } from './TipConversation.tsx';
import { TipFiles } from './TipFiles.tsx';
import { TipMerge } from './TipMerge.tsx';
import { TipNotes } from './TipNotes.tsx';
import { TipOpenCase } from './TipOpenCase.tsx';
import { TipReport } from './TipReport.tsx';
import { TipTriageForm } from './TipTriageForm.tsx';
import { MergedNotice, RelatedTips } from './RelatedTips.tsx';
import { tipAbilities } from './tipAbilities.ts';
import { useTip } from './tipsApi.ts';

export function TipPage() {
  const { tipId = '' } = useParams();
  // Another tip is another page: nothing typed or half-done on one tip may carry over to the next.
  return <TipView key={tipId} tipId={tipId} />;
}

function TipView({ tipId }: { tipId: string }) {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const tip = useTip(tipId);
  const mergedFrom = (useLocation().state as { mergedFrom?: number } | null)?.mergedFrom;

  // A tip outside one's scope does not exist, as far as the server says; the page says the same.
  if (tip.error instanceof ApiError && tip.error.status === 404) return <NotFoundPage />;
  const data = tip.data;
  const can = data ? tipAbilities(me, data) : null;

  return (
    <Page back={{ to: '/tips', label: t('tips.backToQueue') }} title={data ? t('tips.number', { number: data.number }) : t('tips.tip')}>
      {tip.isPending && <Loading />}
      {tip.isError && <LoadError error={tip.error} />}
      {data && can && (
        <>
          <div className="tip-header">
            <TipFlags tip={data} status={data.status} />
          </div>
          <StatusMessage message={mergedFrom ? t('tips.merge.done', { source: t('tips.number', { number: mergedFrom }) }) : null} />
          <MergedNotice tip={data} />
          <div className="tip-layout">
            <div className="tip-main">
              <TipReport tip={data} />
              <TipFiles tip={data} />
              <RelatedTips tip={data} />
              <TipConversation tip={data} canWrite={can.manage && can.open} />
              <TipNotes tip={data} canWrite={can.manage} />
            </div>
            <div className="tip-side">
              <TipClock tip={data} />
              <TipOpenCase tip={data} canOpen={can.openCase} />
              <ReporterContactPanel tip={data} canReveal={can.revealContact} />
              {can.manage && can.open && <TipTriageForm tip={data} />}
              {can.manage && can.open && <TipAssignment tip={data} can={can} />}
              {can.manage && can.open && <TipMerge tip={data} />}
            </div>
          </div>
        </>
      )}
    </Page>
  );
}
