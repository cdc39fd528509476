import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { when } from './when';
import { arm } from '../../app/api';
import { RestoreForm } from './RestoreForm';

/** At start with a dead database: the last good backup this workstation wrote, ready to restore. */
export function RestoreOffer() {
  const { t } = useTranslation();
  const [last, setLast] = useState<{ path: string; createdAt: string } | null | undefined>(undefined);
  useEffect(() => {
    void arm.backup
      .lastGood()
      .then(setLast)
      .catch(() => setLast(null));
  }, []);
  if (last === undefined) return null;
  return (
    <section aria-labelledby="restore-offer-title" data-testid="restore-offer">
      <h2 id="restore-offer-title">{t('backup.offerTitle')}</h2>
      <p>{last ? t('backup.offerLast', { date: when(last.createdAt), path: last.path }) : t('backup.offerNone')}</p>
      <RestoreForm initialPath={last?.path ?? ''} />
    </section>
  );
}
