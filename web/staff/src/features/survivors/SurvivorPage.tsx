import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { Page } from '../../components/Page.tsx';
import { Loading, LoadError } from '../../components/Loading.tsx';
import { formatDate } from '../../components/format.ts';
import { useSignedInUser } from '../auth/session.ts';
import { ConsentsSection } from '../consents/ConsentsSection.tsx';
import { DisclosuresSection } from '../consents/DisclosuresSection.tsx';
import { NotFoundPage } from '../layout/NotFoundPage.tsx';
import { ReferralsSection } from '../referrals/ReferralsSection.tsx';
import { NeedsPlanSection } from './NeedsPlanSection.tsx';
import { ContactSection, IdentitySection, NarrativeSection } from './RecordParts.tsx';
import { PurgeSection } from './PurgeSection.tsx';
import { RecordStatusButton } from './RecordStatusButton.tsx';
import { SafeHarborSection } from './SafeHarborSection.tsx';
import { ScreeningSection } from './ScreeningSection.tsx';
import { ServicesSection } from './ServicesSection.tsx';
import { SurvivorDocuments } from './SurvivorDocuments.tsx';
import { SurvivorJumpLinks } from './SurvivorJumpLinks.tsx';
import { SurvivorTasksSection } from './SurvivorTasksSection.tsx';
import { survivorAbilities } from './survivorAbilities.ts';
import { categoryInSentence, recordStatusLabel, survivorNumber, survivorTitle } from './survivorLabels.ts';
import { useSurvivor } from './survivorsApi.ts';
import type { Survivor } from './survivorTypes.ts';
import './survivors.css';

export function SurvivorPage() {
  const { survivorId = '' } = useParams();
  // Another record is another page: nothing typed on one may carry over to the next.
  return <SurvivorView key={survivorId} survivorId={survivorId} />;
}

/** For another agency: exactly what is shared with it, and until when. */
export function SharedLine({ survivor }: { survivor: Survivor }) {
  const { t } = useTranslation();
  if (!survivor.shared) return null;
  const categories = survivor.shared.categories.map((c) => categoryInSentence(t, c)).join(', ');
  return <p className="notice shared-line">{survivor.shared.until ? t('survivors.sharedUntil', { agency: survivor.agency.name, date: formatDate(survivor.shared.until), categories }) : t('survivors.shared', { agency: survivor.agency.name, categories })}</p>;
}

function SurvivorView({ survivorId }: { survivorId: string }) {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const query = useSurvivor(survivorId);
  const back = { to: '/survivors', label: t('survivors.backToList') };

  // A record out of one's reach does not exist, as far as the server says; the page says the same.
  if (query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 400)) return <NotFoundPage />;
  if (query.error instanceof ApiError && query.error.status === 403) {
    return (
      <Page back={back} title={t('errors.notAllowed.title')}>
        <p>{t('errors.notAllowed.body')}</p>
      </Page>
    );
  }
  const survivor = query.data;
  const can = survivor ? survivorAbilities(me, survivor.access) : null;

  return (
    <Page back={back} title={survivor ? survivorTitle(t, survivor) : t('survivors.record')} documentTitle={survivor ? survivorNumber(t, survivor.number) : t('survivors.record')} lead={survivor?.facts && recordStatusLabel(t, survivor.facts.status)} actions={survivor && can?.manage && <RecordStatusButton survivor={survivor} />}>
      {query.isPending && <Loading />}
      {query.isError && <LoadError error={query.error} />}
      {survivor && can && (
        <>
          <SharedLine survivor={survivor} />
          <SurvivorJumpLinks survivor={survivor} />
          {survivor.access === 'own' && <p className="notice notice-warning">{t('survivors.clearTextWarning')}</p>}
          <div className="survivor-layout">
            <div className="survivor-main">
              {survivor.facts && <SafeHarborSection survivor={survivor} canOverride={can.overrideSafeHarbor} />}
              <IdentitySection survivor={survivor} />
              <ContactSection survivor={survivor} />
              {survivor.screenings && <ScreeningSection survivor={survivor} canEdit={can.manage} />}
              {survivor.needs && survivor.goals && <NeedsPlanSection survivor={survivor} canEdit={can.manage} />}
              {survivor.services && <ServicesSection survivor={survivor} canEdit={can.manage} />}
              <NarrativeSection survivor={survivor} />
            </div>
            {survivor.access === 'own' && (
              <div className="survivor-side">
                {survivor.tasks && <SurvivorTasksSection survivor={survivor} canEdit={can.manage} />}
                {survivor.consents && <ConsentsSection survivor={survivor} canManage={can.consents} />}
                {survivor.referrals && <ReferralsSection survivor={survivor} canRefer={can.refer} />}
                {survivor.documents && <SurvivorDocuments survivor={survivor} canEdit={can.manage} />}
                {survivor.disclosures && (can.consents || can.approveDisclosure) && <DisclosuresSection survivor={survivor} canRequest={can.consents} canDecide={can.approveDisclosure} />}
                {can.purge && <PurgeSection survivor={survivor} />}
              </div>
            )}
          </div>
        </>
      )}
    </Page>
  );
}
