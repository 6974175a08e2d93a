import { Route, Routes } from 'react-router-dom';
import { ActivatePage } from '../features/activate/ActivatePage.tsx';
import { AgenciesPage } from '../features/agencies/AgenciesPage.tsx';
import { AgencyPage } from '../features/agencies/AgencyPage.tsx';
import { NewAgencyPage } from '../features/agencies/NewAgencyPage.tsx';
import { AuditPage } from '../features/audit/AuditPage.tsx';
import { EnrollMfaPage } from '../features/auth/EnrollMfaPage.tsx';
import { RequirePermission, RequireSignedIn } from '../features/auth/guards.tsx';
import { PERMISSIONS } from '../features/auth/session.ts';
import { SignInPage } from '../features/auth/SignInPage.tsx';
import { VerifyMfaPage } from '../features/auth/VerifyMfaPage.tsx';
import { HomePage } from '../features/home/HomePage.tsx';
import { AppLayout } from '../features/layout/AppLayout.tsx';
import { NotFoundPage } from '../features/layout/NotFoundPage.tsx';
import { ProfilePage } from '../features/profile/ProfilePage.tsx';
import { SetupPage } from '../features/setup/SetupPage.tsx';
import { NewUserPage } from '../features/users/NewUserPage.tsx';
import { UserPage } from '../features/users/UserPage.tsx';
import { UsersPage } from '../features/users/UsersPage.tsx';
import { NotificationsPage } from '../features/notifications/NotificationsPage.tsx';
import { NewTipPage } from '../features/tips/NewTipPage.tsx';
import { TipPage } from '../features/tips/TipPage.tsx';
import { TipsPage } from '../features/tips/TipsPage.tsx';
import { MapPage } from '../features/safe-places/MapPage.tsx';
import { NewSafePlacePage } from '../features/safe-places/NewSafePlacePage.tsx';
import { SafePlacePage } from '../features/safe-places/SafePlacePage.tsx';
import { SafePlacesPage } from '../features/safe-places/SafePlacesPage.tsx';

import { DIRECTORY_PERMISSIONS } from '../features/directory/directoryAbilities.ts';
import { ExchangePage } from '../features/directory/ExchangePage.tsx';
import { HubPage } from '../features/directory/HubPage.tsx';
import { HubsPage } from '../features/directory/HubsPage.tsx';
import { InquiriesPage } from '../features/directory/InquiriesPage.tsx';
import { ProviderEditorPage } from '../features/directory/ProviderEditorPage.tsx';
import { ProviderPage } from '../features/directory/ProviderPage.tsx';
import { ProvidersPage } from '../features/directory/ProvidersPage.tsx';
import { SearchPage } from '../features/directory/SearchPage.tsx';

import { CASE_PERMISSIONS } from '../features/cases/caseAbilities.ts';
import { CaseChartPage } from '../features/cases/chart/CaseChartPage.tsx';
import { CasePage } from '../features/cases/CasePage.tsx';
import { CasesPage } from '../features/cases/CasesPage.tsx';
import { NewCasePage } from '../features/cases/NewCasePage.tsx';
import { DeconflictionPage } from '../features/deconfliction/DeconflictionPage.tsx';
import { HitPage } from '../features/deconfliction/HitPage.tsx';
import { CaseSearchPage } from '../features/search/CaseSearchPage.tsx';

import { ReferralPage } from '../features/referrals/ReferralPage.tsx';
import { ReferralsInboxPage } from '../features/referrals/ReferralsInboxPage.tsx';
import { NewSurvivorPage } from '../features/survivors/NewSurvivorPage.tsx';
import { SURVIVOR_PERMISSIONS } from '../features/survivors/survivorAbilities.ts';
import { SurvivorPage } from '../features/survivors/SurvivorPage.tsx';
import { SurvivorsPage } from '../features/survivors/SurvivorsPage.tsx';

/** Every page of the staff app, under /staff/. */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route path="setup" element={<SetupPage />} />
        <Route path="activate" element={<ActivatePage />} />
        <Route path="sign-in" element={<SignInPage />} />
        <Route path="sign-in/enroll" element={<EnrollMfaPage />} />
        <Route path="sign-in/verify" element={<VerifyMfaPage />} />
        <Route element={<RequireSignedIn />}>
          <Route index element={<HomePage />} />
          <Route path="agencies" element={<RequirePermission anyOf={PERMISSIONS.manageAgencies}><AgenciesPage /></RequirePermission>} />
          <Route path="agencies/new" element={<RequirePermission anyOf={PERMISSIONS.manageAgencies}><NewAgencyPage /></RequirePermission>} />
          <Route path="agencies/:agencyId" element={<RequirePermission anyOf={PERMISSIONS.manageAgencies}><AgencyPage /></RequirePermission>} />
          <Route path="users" element={<RequirePermission anyOf={PERMISSIONS.manageUsers}><UsersPage /></RequirePermission>} />
          <Route path="users/new" element={<RequirePermission anyOf={PERMISSIONS.manageUsers}><NewUserPage /></RequirePermission>} />
          <Route path="users/:userId" element={<RequirePermission anyOf={PERMISSIONS.manageUsers}><UserPage /></RequirePermission>} />
          <Route path="audit" element={<RequirePermission anyOf={PERMISSIONS.readAudit}><AuditPage /></RequirePermission>} />
          <Route path="tips" element={<RequirePermission anyOf={PERMISSIONS.readTips}><TipsPage /></RequirePermission>} />
          <Route path="tips/new" element={<RequirePermission anyOf={PERMISSIONS.createTips}><NewTipPage /></RequirePermission>} />
          <Route path="tips/:tipId" element={<RequirePermission anyOf={PERMISSIONS.readTips}><TipPage /></RequirePermission>} />
          <Route path="safe-places" element={<RequirePermission anyOf={PERMISSIONS.readSafePlaces}><SafePlacesPage /></RequirePermission>} />
          <Route path="safe-places/new" element={<RequirePermission anyOf={PERMISSIONS.manageSafePlaces}><NewSafePlacePage /></RequirePermission>} />
          <Route path="safe-places/:placeId" element={<RequirePermission anyOf={PERMISSIONS.readSafePlaces}><SafePlacePage /></RequirePermission>} />
          <Route path="map" element={<RequirePermission anyOf={PERMISSIONS.readSafePlaces}><MapPage /></RequirePermission>} />
          <Route path="directory" element={<RequirePermission anyOf={DIRECTORY_PERMISSIONS.read}><SearchPage /></RequirePermission>} />
          <Route path="directory/providers" element={<RequirePermission anyOf={DIRECTORY_PERMISSIONS.read}><ProvidersPage /></RequirePermission>} />
          <Route path="directory/providers/new" element={<RequirePermission anyOf={DIRECTORY_PERMISSIONS.keep}><ProviderEditorPage /></RequirePermission>} />
          <Route path="directory/providers/:providerId" element={<RequirePermission anyOf={DIRECTORY_PERMISSIONS.read}><ProviderPage /></RequirePermission>} />
          <Route path="directory/providers/:providerId/edit" element={<RequirePermission anyOf={[...DIRECTORY_PERMISSIONS.keep, ...DIRECTORY_PERMISSIONS.ownEntry]}><ProviderEditorPage /></RequirePermission>} />
          <Route path="directory/hubs" element={<RequirePermission anyOf={DIRECTORY_PERMISSIONS.read}><HubsPage /></RequirePermission>} />
          <Route path="directory/hubs/:hubId" element={<RequirePermission anyOf={DIRECTORY_PERMISSIONS.read}><HubPage /></RequirePermission>} />
          <Route path="directory/inquiries" element={<RequirePermission anyOf={[...DIRECTORY_PERMISSIONS.respond, ...DIRECTORY_PERMISSIONS.refer]}><InquiriesPage /></RequirePermission>} />
          <Route path="directory/exchange" element={<RequirePermission anyOf={DIRECTORY_PERMISSIONS.keep}><ExchangePage /></RequirePermission>} />
          <Route path="cases" element={<RequirePermission anyOf={CASE_PERMISSIONS.work}><CasesPage /></RequirePermission>} />
          <Route path="cases/new" element={<RequirePermission anyOf={CASE_PERMISSIONS.create}><NewCasePage /></RequirePermission>} />
          <Route path="cases/:caseId" element={<RequirePermission anyOf={CASE_PERMISSIONS.work}><CasePage /></RequirePermission>} />
          <Route path="cases/:caseId/chart" element={<RequirePermission anyOf={CASE_PERMISSIONS.work}><CaseChartPage /></RequirePermission>} />
          <Route path="search" element={<RequirePermission anyOf={CASE_PERMISSIONS.search}><CaseSearchPage /></RequirePermission>} />
          <Route path="deconfliction" element={<RequirePermission anyOf={CASE_PERMISSIONS.deconfliction}><DeconflictionPage /></RequirePermission>} />
          <Route path="deconfliction/:hitId" element={<RequirePermission anyOf={CASE_PERMISSIONS.deconfliction}><HitPage /></RequirePermission>} />
          <Route path="survivors" element={<RequirePermission anyOf={SURVIVOR_PERMISSIONS.work}><SurvivorsPage /></RequirePermission>} />
          <Route path="survivors/new" element={<RequirePermission anyOf={SURVIVOR_PERMISSIONS.create}><NewSurvivorPage /></RequirePermission>} />
          <Route path="survivors/:survivorId" element={<RequirePermission anyOf={SURVIVOR_PERMISSIONS.work}><SurvivorPage /></RequirePermission>} />
          <Route path="referrals" element={<RequirePermission anyOf={[...SURVIVOR_PERMISSIONS.respond, ...SURVIVOR_PERMISSIONS.refer]}><ReferralsInboxPage /></RequirePermission>} />
          <Route path="referrals/:referralId" element={<RequirePermission anyOf={[...SURVIVOR_PERMISSIONS.respond, ...SURVIVOR_PERMISSIONS.refer]}><ReferralPage /></RequirePermission>} />
          <Route path="notifications" element={<NotificationsPage />} />
          <Route path="profile" element={<ProfilePage />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
