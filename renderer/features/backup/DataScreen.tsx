import { Alert, Button } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { when } from './when';
import { ArmError } from '../../../shared/api';
import { ErrorText } from '../../ui/ErrorText';
import { Field } from '../../ui/Field';
import { RetentionSection } from '../retention/RetentionSection';
import { SupportSection } from '../support/SupportSection';
import { useSystem } from '../system/store';
import { RestoreForm } from './RestoreForm';
import { useBackup } from './store';

/** Supervisor: encryption at rest, backups and their schedule, restore, retention, support bundle. */
export function DataScreen() {
  const { t } = useTranslation();
  const atRest = useSystem((state) => state.health?.atRest);
  const { status, result, busy, error, load, configure, create } = useBackup();
  const [folder, setFolder] = useState<string | null>(null);
  const [everyHours, setEveryHours] = useState<string | null>(null);
  const [schedulePassword, setSchedulePassword] = useState('');
  const [password, setPassword] = useState('');

  useEffect(() => {
    void load();
  }, [load]);

  const folderValue = folder ?? status?.settings.folder ?? '';
  const hoursValue = everyHours ?? String(status?.settings.everyHours ?? 0);
  return (
    <main className="screen" aria-labelledby="data-title">
      <h1 id="data-title">{t('backup.title')}</h1>
      {atRest ? (
        <Alert
          type={atRest.encrypted && atRest.protection === 'os' ? 'info' : 'warning'}
          showIcon
          role="status"
          data-testid="at-rest"
          title={t(`backup.atRest.${atRest.encrypted ? (atRest.protection ?? 'key-file') : 'off'}`)}
        />
      ) : null}

      <section aria-labelledby="backup-schedule-title">
        <h2 id="backup-schedule-title">{t('backup.scheduleTitle')}</h2>
        <form
          className="form grid-form"
          aria-labelledby="backup-schedule-title"
          onSubmit={(event) => {
            event.preventDefault();
            void configure({ folder: folderValue.trim() || null, everyHours: Number(hoursValue) || 0, ...(schedulePassword ? { password: schedulePassword } : {}) }).then((ok) => ok && setSchedulePassword(''));
          }}
        >
          <Field label={t('backup.folder')} value={folderValue} onChange={setFolder} data-testid="backup-folder" />
          <Field label={t('backup.everyHours')} type="number" min={0} max={720} value={hoursValue} onChange={setEveryHours} data-testid="backup-hours" />
          <Field
            label={status?.settings.scheduled ? t('backup.schedulePasswordChange') : t('backup.schedulePassword')}
            type="password"
            autoComplete="new-password"
            value={schedulePassword}
            onChange={setSchedulePassword}
            data-testid="backup-schedule-password"
          />
          <div className="actions">
            <Button htmlType="submit" disabled={busy} data-testid="backup-save">
              {t('backup.save')}
            </Button>
          </div>
        </form>
        {status?.last ? <p data-testid="backup-last">{t('backup.last', { date: when(status.last.createdAt), path: status.last.path })}</p> : <p>{t('backup.never')}</p>}
        {status?.lastError ? (
          <div data-testid="backup-last-error">
            <p>{t('backup.lastFailed', { date: when(status.lastError.at) })}</p>
            <ErrorText error={new ArmError(status.lastError.code)} />
          </div>
        ) : null}
      </section>

      <section aria-labelledby="backup-now-title">
        <h2 id="backup-now-title">{t('backup.nowTitle')}</h2>
        <form
          className="form grid-form"
          aria-labelledby="backup-now-title"
          onSubmit={(event) => {
            event.preventDefault();
            void create({ ...(folderValue.trim() ? { folder: folderValue.trim() } : {}), password }).then(() => setPassword(''));
          }}
        >
          <Field label={t('backup.password')} type="password" autoComplete="new-password" value={password} onChange={setPassword} required minLength={10} data-testid="backup-password" />
          <div className="actions">
            <Button htmlType="submit" type="primary" disabled={busy} data-testid="backup-now">
              {t('backup.now')}
            </Button>
          </div>
        </form>
        {result ? (
          <Alert
            type="success"
            showIcon
            role="status"
            data-testid="backup-result"
            title={t('backup.done', { path: result.path, attachments: result.attachments, megabytes: (result.bytes / 1048576).toFixed(1) })}
          />
        ) : null}
        {error ? <ErrorText error={error} /> : null}
      </section>

      <section aria-labelledby="restore-title">
        <h2 id="restore-title">{t('backup.restoreTitle')}</h2>
        <RestoreForm />
      </section>

      <RetentionSection />
      <SupportSection />
    </main>
  );
}
