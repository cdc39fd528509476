import { useTranslation } from 'react-i18next';
import { ArmError, type Health } from '../../../shared/api';
import { ErrorText } from '../../ui/ErrorText';
import { RestoreOffer } from '../backup/RestoreOffer';
import { useSystem } from './store';

/** A dead database that only a backup brings back; a newer one needs the newer АРМ instead. */
const RESTORABLE = new Set(['DB_CORRUPT', 'DB_READONLY', 'KEY_UNREADABLE', 'DB_UNAVAILABLE']);

/** The core started without its database: say why, and offer the last good backup where it helps. */
export function StartupFailure({ health }: { health: Health }) {
  const { t } = useTranslation();
  const dataDir = useSystem((state) => state.info?.dataDir);
  return (
    <main className="screen startup-failure">
      <h1>{t('startup.failedTitle')}</h1>
      <ErrorText error={new ArmError(health.error ?? 'DB_UNAVAILABLE')} />
      {dataDir ? <p className="muted">{t('startup.dataDir', { path: dataDir })}</p> : null}
      {RESTORABLE.has(health.error ?? 'DB_UNAVAILABLE') ? <RestoreOffer /> : null}
    </main>
  );
}
