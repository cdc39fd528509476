import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { createMemoryRouter, Link, RouterProvider } from 'react-router';
import { CatalogScreen } from '../features/catalog/CatalogScreen';
import { StartupFailure } from '../features/system/StartupFailure';
import { StatusScreen } from '../features/system/StatusScreen';
import { useSystem } from '../features/system/store';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { ErrorText } from '../ui/ErrorText';
import { Shell } from './Shell';

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

// In memory: the URL belongs to the host (the web host's token fragment, Electron's app://).
const router = createMemoryRouter([
  {
    element: <Shell />,
    children: [
      { path: '/', element: <StatusScreen /> },
      { path: '/catalog', element: <CatalogScreen /> },
      { path: '*', element: <NotFound /> },
    ],
  },
]);

export function App() {
  const { t } = useTranslation();
  const { health, error, checkedAt, refresh } = useSystem();

  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), HEALTH_POLL_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  useEffect(() => {
    document.title = t('app.title');
  }, [t]);

  let content;
  if (health?.status === 'failed') content = <StartupFailure health={health} />;
  else if (!health && error) content = <main className="screen"><ErrorText error={error} /></main>;
  else if (!health && checkedAt === null) content = <main className="screen">{t('app.loading')}</main>;
  else content = <RouterProvider router={router} />;
  return <ErrorBoundary>{content}</ErrorBoundary>;
}
