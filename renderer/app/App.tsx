import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { createMemoryRouter, Link, RouterProvider } from 'react-router';
import { ArmError, type Role } from '../../shared/api';
import { AccountsScreen } from '../features/admin/AccountsScreen';
import { AuditScreen } from '../features/admin/AuditScreen';
import { DataScreen } from '../features/backup/DataScreen';
import { CatalogScreen } from '../features/catalog/CatalogScreen';
import { CentreScreen } from '../features/intake/CentreScreen';
import { IntakeScreen } from '../features/intake/IntakeScreen';
import { InboxScreen } from '../features/inbox/InboxScreen';
import { InboxSettingsScreen } from '../features/inbox/InboxSettingsScreen';
import { IssuanceScreen } from '../features/issuance/IssuanceScreen';
import { ChangePasswordScreen } from '../features/login/ChangePasswordScreen';
import { LockScreen, useIdleLock } from '../features/login/LockScreen';
import { LoginScreen } from '../features/login/LoginScreen';
import { SetupScreen } from '../features/login/SetupScreen';
import { useAuth } from '../features/login/store';
import { DashboardScreen } from '../features/dashboard/DashboardScreen';
import { ReportScreen } from '../features/dashboard/ReportScreen';
import { JournalScreen } from '../features/journal/JournalScreen';
import { KeyScreen } from '../features/signing/KeyScreen';
import { TransferScreen } from '../features/transfer/TransferScreen';
import { StartupFailure } from '../features/system/StartupFailure';
import { StatusScreen } from '../features/system/StatusScreen';
import { useSystem } from '../features/system/store';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { ErrorText } from '../ui/ErrorText';
import { Frame, Sections } from './Shell';

const HEALTH_POLL_MS = 15_000;

function NotFound() {
  const { t } = useTranslation();
  return (
    <main className="screen">
      <h1>{t('notFound.title')}</h1>
      <Link to="/">{t('notFound.back')}</Link>
    </main>
  );
}

/** The core refuses other roles anyway; this spares them a screen of errors. */
function Only({ role, children }: { role: Role; children: ReactNode }) {
  const current = useAuth((state) => state.status?.user?.role);
  return current === role ? children : <ErrorText error={new ArmError('FORBIDDEN')} />;
}

// In memory: the URL belongs to the host (the web host's token fragment, Electron's app://).
function makeRouter() {
  return createMemoryRouter([
    {
      element: <Sections />,
      children: [
        { path: '/', element: <StatusScreen /> },
        { path: '/catalog', element: <CatalogScreen /> },
        { path: '/accounts', element: <Only role="supervisor"><AccountsScreen /></Only> },
        { path: '/audit', element: <Only role="supervisor"><AuditScreen /></Only> },
        { path: '/signing', element: <KeyScreen /> },
        { path: '/journal', element: <JournalScreen /> },
        { path: '/transfer', element: <TransferScreen /> },
        { path: '/reports', element: <Only role="supervisor"><ReportScreen /></Only> },
        { path: '/dashboard', element: <Only role="supervisor"><DashboardScreen /></Only> },
        { path: '/intake', element: <IntakeScreen /> },
        { path: '/centre', element: <Only role="supervisor"><CentreScreen /></Only> },
        { path: '/inbox', element: <InboxScreen /> },
        { path: '/issuance', element: <IssuanceScreen /> },
        { path: '/inbox-settings', element: <Only role="supervisor"><InboxSettingsScreen /></Only> },
        { path: '/data', element: <Only role="supervisor"><DataScreen /></Only> },
        { path: '*', element: <NotFound /> },
      ],
    },
  ]);
}

/** Mounted with the user's id as its key: the next person at the counter starts on the first screen. */
function SignedIn() {
  const [router] = useState(makeRouter);
  return <RouterProvider router={router} />;
}

export function App() {
  const { t } = useTranslation();
  const { health, error, checkedAt, refresh } = useSystem();
  const auth = useAuth();
  const user = auth.status?.user;
  useIdleLock(auth.status?.idleMinutes, Boolean(user && !auth.status?.locked && !user.mustChangePassword));

  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), HEALTH_POLL_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  const refreshAuth = auth.refresh;
  const healthy = health?.status === 'ok';
  useEffect(() => {
    if (healthy) void refreshAuth();
  }, [healthy, refreshAuth]);

  useEffect(() => {
    document.title = t('app.title');
  }, [t]);

  let content: ReactNode;
  if (health?.status === 'failed') content = <StartupFailure health={health} />;
  else if (!health && error) content = <main className="screen"><ErrorText error={error} /></main>;
  else if (!health || !auth.status) content = <main className="screen">{checkedAt === null || !error ? t('app.loading') : <ErrorText error={error} />}</main>;
  else if (auth.status.needsSetup) content = <SetupScreen />;
  else if (!user) content = <LoginScreen />;
  else if (user.mustChangePassword) content = <ChangePasswordScreen />;
  else
    content = (
      <>
        <div inert={auth.status.locked || undefined} aria-hidden={auth.status.locked || undefined}>
          <SignedIn key={user.id} />
        </div>
        {auth.status.locked ? <LockScreen /> : null}
      </>
    );
  return (
    <ErrorBoundary>
      <Frame>{content}</Frame>
    </ErrorBoundary>
  );
}
