import { useTranslation } from 'react-i18next';
import { ArmError, type Health } from '../../../shared/api';
import { ErrorText } from '../../ui/ErrorText';
import { useSystem } from './store';

/** The core started without its database (damaged or newer file): say so and do nothing else. */
export function StartupFailure({ health }: { health: Health }) {
  const { t } = useTranslation();
  const dataDir = useSystem((state) => state.info?.dataDir);
  return (
    <main className="screen startup-failure">
      <h1>{t('startup.failedTitle')}</h1>
      <ErrorText error={new ArmError(health.error ?? 'DB_UNAVAILABLE')} />
      {dataDir ? <p className="muted">{t('startup.dataDir', { path: dataDir })}</p> : null}
    </main>
  );
}
