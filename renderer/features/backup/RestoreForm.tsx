import { Alert, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { when } from './when';
import { ErrorText } from '../../ui/ErrorText';
import { Field } from '../../ui/Field';
import { useBackup } from './store';

/**
 * Восстановление: a backup folder and its password. Used on the data screen and at start when the
 * database is dead, where the backup's password is what authenticates the restore.
 */
export function RestoreForm({ initialPath = '' }: { initialPath?: string }) {
  const { t } = useTranslation();
  const { busy, restoreError, restored, restore } = useBackup();
  const [path, setPath] = useState(initialPath);
  const [password, setPassword] = useState('');
  if (restored) return <Alert type="success" showIcon role="status" data-testid="restored" title={t('backup.restored', { date: when(restored) })} />;
  return (
    <form
      className="form"
      aria-label={t('backup.restoreTitle')}
      onSubmit={(event) => {
        event.preventDefault();
        void restore({ path: path.trim(), password });
      }}
    >
      <Field label={t('backup.restorePath')} value={path} onChange={setPath} required data-testid="restore-path" />
      <Field label={t('backup.password')} type="password" value={password} onChange={setPassword} required autoComplete="off" data-testid="restore-password" />
      <p className="muted">{t('backup.restoreHint')}</p>
      {restoreError ? <ErrorText error={restoreError} /> : null}
      <div className="actions">
        <Button htmlType="submit" danger disabled={busy} data-testid="restore">
          {t('backup.restore')}
        </Button>
      </div>
    </form>
  );
}
