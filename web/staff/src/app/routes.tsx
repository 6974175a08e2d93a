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
          <Route path="notifications" element={<NotificationsPage />} />
          <Route path="profile" element={<ProfilePage />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
