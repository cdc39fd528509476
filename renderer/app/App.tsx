import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { createMemoryRouter, Link, RouterProvider } from 'react-router';
import { ArmError } from '../../shared/api';
import { ChangePasswordScreen } from '../features/auth/ChangePasswordScreen';
import { LockScreen, useIdleLock } from '../features/auth/LockScreen';
import { LoginScreen } from '../features/auth/LoginScreen';
import { KeyExpiryBanner } from '../features/auth/KeyExpiryBanner';
import { SetupScreen } from '../features/auth/SetupScreen';
import { useAuth } from '../features/auth/store';
import { StartupFailure } from '../features/system/StartupFailure';
import { useSystem } from '../features/system/store';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { ErrorText } from '../ui/ErrorText';
import { useAccounts } from '../features/accounts/store';
import { useAudit } from '../features/audit/store';
import { useInbox } from '../features/inbox/store';
import { useIntake } from '../features/intake/store';
import { useSessionKey } from '../features/signing/store';
import { useJournal } from '../features/journal/store';
import { useReport } from '../features/reports/reportStore';
import { useDashboard } from '../features/reports/store';
import { useIssuance } from '../features/results/store';
import { useTransfer } from '../features/transfer/store';
import { allowed, type SectionAccess } from './access';
import { forgetter } from './forget';
import { sections, type Section } from './sections';
import { Frame, Sections } from './Shell';
import { PdfViewer } from '../features/print/PdfViewer';

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
function Only({ section, children }: { section: SectionAccess; children: ReactNode }) {
  const role = useAuth((state) => state.status?.user?.role);
  return allowed(section, role) ? children : <ErrorText error={new ArmError('FORBIDDEN')} />;
}

/**
 * A section as a screen change is announced (WCAG 2.4.2, 2.4.3): the window title names it and
 * focus moves to its heading, so a screen reader says where the user is and Tab starts there.
 */
function Screen({ section, children }: { section: Section; children: ReactNode }) {
  const { t } = useTranslation();
  const title = `${t(`nav.${section.label}`)} — ${t('app.title')}`;
  useEffect(() => {
    document.title = title;
  }, [title]);
  useEffect(() => {
    const heading = document.querySelector<HTMLElement>('#content h1');
    if (!heading) return;
    heading.tabIndex = -1;
    heading.focus();
  }, [section]);
  return children;
}

// In memory: the URL belongs to the host (the web host's token fragment, Electron's app://).
function makeRouter() {
  return createMemoryRouter([
    {
      element: <Sections />,
      children: [
        ...sections.map((section) => ({
          path: section.path,
          element: (
            <Only section={section}>
              <Screen section={section}>
                <section.screen />
              </Screen>
            </Only>
          ),
        })),
        { path: '*', element: <NotFound /> },
      ],
    },
  ]);
}

// Every store that holds an applicant, a search or a list of people; the catalog, the language
// and the system state stay. Drafts are kept in the core, listed per operator.
const personal = forgetter([useIntake, useInbox, useJournal, useIssuance, useAudit, useAccounts, useDashboard, useReport, useTransfer, useSessionKey]);

/**
 * Mounted with the user's id as its key: the next person at the counter starts on the first screen
 * and sees nothing of the previous user's work (a lock and unlock by the same user keeps it).
 */
function SignedIn() {
  const [router] = useState(() => {
    personal.forget();
    return makeRouter();
  });
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

  // Signed in, each section names the window itself (Screen).
  const signedIn = Boolean(user);
  useEffect(() => {
    if (!signedIn) document.title = t('app.title');
  }, [t, signedIn]);

  let content: ReactNode;
  if (health?.status === 'failed') content = <StartupFailure health={health} />;
  else if (!health && error) content = <main className="screen"><ErrorText error={error} /></main>;
  else if (!health || !auth.status) content = <main className="screen">{checkedAt === null || !error ? t('app.loading') : <ErrorText error={error} />}</main>;
  else if (auth.status.needsSetup) content = <SetupScreen />;
  else if (!user)
    content = (
      <>
        {health.gateway.refusal ? (
          <div className="screen" data-testid="gateway-refusal">
            <ErrorText error={new ArmError(health.gateway.refusal)} />
          </div>
        ) : null}
        <LoginScreen />
      </>
    );
  else if (user.mustChangePassword) content = <ChangePasswordScreen />;
  else
    content = (
      <>
        <div inert={auth.status.locked || undefined} aria-hidden={auth.status.locked || undefined}>
          <KeyExpiryBanner />
          <SignedIn key={user.id} />
        </div>
        {auth.status.locked ? <LockScreen /> : <PdfViewer />}
      </>
    );
  return (
    <ErrorBoundary>
      <Frame>{content}</Frame>
    </ErrorBoundary>
  );
}
