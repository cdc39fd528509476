import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorText } from '../../ui/ErrorText';
import { useSync } from './store';

/** The supervisor's sync console: each background job, "sync now", and the parked messages. */
export function SyncScreen() {
  const { t } = useTranslation();
  const { status, error, load, run, retry } = useSync();
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), 10_000);
    return () => clearInterval(timer);
  }, [load]);
  const time = (value: string | null) => (value ? new Date(value).toLocaleString() : t('sync.never'));

  return (
    <main className="screen" aria-labelledby="sync-title">
      <h1 id="sync-title">{t('sync.title')}</h1>
      {error ? <ErrorText error={error} /> : null}
      <table data-testid="sync-jobs">
        <thead>
          <tr>
            <th>{t('sync.job')}</th>
            <th>{t('sync.lastSuccess')}</th>
            <th>{t('sync.nextRun')}</th>
            <th>{t('sync.failures')}</th>
            <th>{t('sync.lastError')}</th>
          </tr>
        </thead>
        <tbody>
          {status?.jobs.map((job) => (
            <tr key={job.name} data-job={job.name}>
              <td>{t(`sync.jobs.${job.name}`)}</td>
              <td>{time(job.lastSuccessAt)}</td>
              <td>{job.running ? t('sync.running') : time(job.nextRunAt)}</td>
              <td>{job.failures}</td>
              <td className={job.lastError ? 'error' : undefined}>{job.lastError ? t(`errors.${job.lastError}`) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={() => void run()}>
        {t('sync.now')}
      </button>
      <h2>{t('sync.parked')}</h2>
      {status?.parked.length ? (
        <ul data-testid="sync-parked">
          {status.parked.map((message) => (
            <li key={message.id}>
              {time(message.createdAt)} · {message.kind} → {message.to} · {message.lastError ? t(`errors.${message.lastError}`) : ''}{' '}
              <button type="button" onClick={() => void retry(message.id)}>
                {t('sync.retry')}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('sync.parkedNone')}</p>
      )}
    </main>
  );
}
