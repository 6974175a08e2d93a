import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { Page } from '../../components/Page.tsx';
import { Loading, LoadError } from '../../components/Loading.tsx';
import { useSignedInUser } from '../auth/session.ts';
import { CaseHits } from '../deconfliction/CaseHits.tsx';
import { NotFoundPage } from '../layout/NotFoundPage.tsx';
import { AssignmentsSection } from './AssignmentsSection.tsx';
import { AccessBadge, CaseStatusBadge } from './CaseBadges.tsx';
import { CaseOverview } from './CaseOverview.tsx';
import { CaseStatusForm } from './CaseStatusForm.tsx';
import { DocumentsSection } from './DocumentsSection.tsx';
import { EntitiesSection } from './entities/EntitiesSection.tsx';
import { LinksSection } from './LinksSection.tsx';
import { NotesSection } from './NotesSection.tsx';
import { OutcomesSection } from './outcomes/OutcomesSection.tsx';
import { PartnersSection } from './PartnersSection.tsx';
import { TasksSection } from './TasksSection.tsx';
import { TimelineSection } from './TimelineSection.tsx';
import { caseAbilities } from './caseAbilities.ts';
import { caseNumber } from './caseLabels.ts';
import { useCase } from './casesApi.ts';
import './cases.css';

export function CasePage() {
  const { caseId = '' } = useParams();
  // Another case is another page: nothing typed on one case may carry over to the next.
  return <CaseView key={caseId} caseId={caseId} />;
}

function CaseView({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const query = useCase(caseId);
  const back = { to: '/cases', label: t('cases.backToList') };

  // A case out of one's reach does not exist, as far as the server says; the page says the same.
  if (query.error instanceof ApiError && query.error.status === 404) return <NotFoundPage />;
  if (query.error instanceof ApiError && query.error.status === 403) {
    return (
      <Page back={back} title={t('cases.notShared.title')}>
        <p>{t('cases.notShared.body')}</p>
      </Page>
    );
  }
  const kase = query.data;
  const can = kase ? caseAbilities(me, kase.access, kase.status) : null;
  const detail = kase?.detail;

  return (
    <Page
      back={back}
      title={kase ? `${caseNumber(t, kase.number)}: ${kase.title}` : t('cases.case')}
      documentTitle={kase ? caseNumber(t, kase.number) : t('cases.case')}
      lead={
        kase && (
          <span className="case-badges">
            <CaseStatusBadge status={kase.status} /> <AccessBadge access={kase.access} />
          </span>
        )
      }
      actions={
        kase &&
        can?.read && (
          <Link to={`/cases/${kase.id}/chart`} className="button button-secondary">
            {t('cases.chart.open')}
          </Link>
        )
      }
    >
      {query.isPending && <Loading />}
      {query.isError && <LoadError error={query.error} />}
      {kase && can && (
        <>
          {can.seeHits && can.read && <CaseHits caseId={kase.id} canAnswer={can.own} />}
          {!can.workable && can.read && <p className="notice">{t('cases.closedNotice')}</p>}
          <div className="case-layout">
            <div className="case-main">
              <CaseOverview kase={kase} />
              {detail && (
                <>
                  <EntitiesSection caseId={kase.id} entities={detail.entities} canEdit={can.edit} />
                  <LinksSection caseId={kase.id} entities={detail.entities} canEdit={can.edit} />
                  <OutcomesSection caseId={kase.id} entities={detail.entities} outcomes={detail.outcomes} canEdit={can.edit} canOverride={can.overrideSafeHarbor} />
                  <NotesSection caseId={kase.id} notes={detail.notes} canEdit={can.edit} />
                  <TimelineSection caseId={kase.id} />
                </>
              )}
            </div>
            {detail && (
              <div className="case-side">
                {can.own && (
                  <section className="card case-status" aria-labelledby="case-status-heading">
                    <CaseStatusForm kase={kase} />
                  </section>
                )}
                <TasksSection caseId={kase.id} tasks={detail.tasks} assignments={detail.assignments} canEdit={can.edit} />
                <DocumentsSection caseId={kase.id} documents={detail.documents} canEdit={can.edit} />
                <AssignmentsSection kase={kase} canManage={can.own} />
                <PartnersSection kase={kase} canManage={can.own} />
              </div>
            )}
          </div>
        </>
      )}
    </Page>
  );
}
