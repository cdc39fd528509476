import { Button, Checkbox } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UpdateStatus } from '../../../shared/api';
import { arm } from '../../app/api';
import { ErrorText } from '../../ui/ErrorText';

/**
 * The supervisor's view of updates on the status screen: what runs, what is offered, and «install»,
 * which the core refuses while signed requests wait in the outbox unless the supervisor confirms.
 */
export function UpdatePanel() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<UpdateStatus | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [confirm, setConfirm] = useState(false);
  useEffect(() => {
    void arm.update.status().then(setStatus, setError);
  }, []);
  if (!status) return error ? <ErrorText error={error} /> : null;
  const run = (action: () => Promise<UpdateStatus>) => {
    setError(null);
    void action().then(setStatus, setError);
  };
  const detail = status.state === 'off' ? t(`update.off.${status.reason ?? 'unsupported'}`) : status.failure ? t(`errors.${status.failure}`) : null;
  return (
    <section aria-labelledby="update-title">
      <h2 id="update-title">{t('update.title')}</h2>
      <p data-testid="update-state">
        {t(`update.state.${status.state}`, { version: status.available ?? '' })}
        {detail ? ` — ${detail}` : null}
      </p>
      {status.state === 'ready' ? (
        <>
          {status.outboxPending > 0 ? (
            <Checkbox className="check" checked={confirm} onChange={(event) => setConfirm(event.target.checked)}>
              {t('update.confirm', { count: status.outboxPending })}
            </Checkbox>
          ) : null}
          <Button type="primary" onClick={() => run(() => arm.update.install({ confirm }))}>
            {t('update.install', { version: status.available ?? '' })}
          </Button>
        </>
      ) : status.state !== 'off' ? (
        <Button onClick={() => run(() => arm.update.check())}>{t('update.check')}</Button>
      ) : null}
      {error ? <ErrorText error={error} /> : null}
    </section>
  );
}
