import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/time';
import { ErrorText } from '../../ui/ErrorText';
import { ReferenceTable } from './ReferenceTable';
import { useSync } from './store';

/**
 * The supervisor's sync console: each background job, "sync now", the parked messages (retry or
 * withdraw), this workstation at the gateway (machine key, clock) and the offline guardrails.
 */
export function SyncScreen() {
  const { t } = useTranslation();
  const { status, error, load, run, retry, withdraw, setGuardrails } = useSync();
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), 10_000);
    return () => clearInterval(timer);
  }, [load]);
  const time = (value: string | null) => (value ? formatDateTime(new Date(value)) : t('sync.never'));
  const machine = status?.machine ?? null;
  const limits = status?.guardrails ?? null;

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
      {status ? <ReferenceTable reference={status.reference} /> : null}
      <h2>{t('sync.parked')}</h2>
      {status?.parked.length ? (
        <ul data-testid="sync-parked">
          {status.parked.map((message) => (
            <li key={message.id}>
              {time(message.createdAt)} · {message.kind} → {message.to} · {message.lastError ? t(`errors.${message.lastError}`) : ''}{' '}
              <button type="button" onClick={() => void retry(message.id)}>
                {t('sync.retry')}
              </button>{' '}
              <button
                type="button"
                onClick={() => {
                  if (window.confirm(t('sync.withdrawConfirm'))) void withdraw(message.id);
                }}
              >
                {t('sync.withdraw')}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('sync.parkedNone')}</p>
      )}
      {machine ? (
        <section aria-labelledby="sync-machine" data-testid="sync-machine" className="stack">
          <h2 id="sync-machine">{t('sync.machine.title')}</h2>
          <p className={machine.enrolledAt ? undefined : 'error'}>
            {machine.enrolledAt ? t('sync.machine.enrolled', { time: time(machine.enrolledAt) }) : t('sync.machine.notEnrolled')}
          </p>
          <p className={machine.clockProblem ? 'error' : undefined} data-testid="sync-clock">
            {machine.clockProblem === 'drift'
              ? t('sync.machine.clockDrift')
              : machine.clockProblem === 'backwards'
                ? t('sync.machine.clockBackwards')
                : machine.clockOffsetMs === null
                  ? t('sync.machine.clockUnknown')
                  : t('sync.machine.clock', { seconds: Math.round(machine.clockOffsetMs / 1000), time: time(machine.clockCheckedAt) })}
          </p>
          <label>
            {t('sync.machine.id')}
            <input readOnly value={machine.machineId} className="mono" />
          </label>
          <label>
            {t('sync.machine.publicKey')}
            <textarea readOnly rows={3} value={machine.publicKey} className="mono" />
          </label>
        </section>
      ) : null}
      {limits ? <GuardrailsForm key={`${limits.offlineHours}-${limits.maxUnsent}-${limits.minFreeMb}`} limits={limits} save={setGuardrails} /> : null}
    </main>
  );
}

type Limits = NonNullable<ReturnType<typeof useSync.getState>['status']>['guardrails'];

function GuardrailsForm({ limits, save }: { limits: Limits; save: ReturnType<typeof useSync.getState>['setGuardrails'] }) {
  const { t } = useTranslation();
  const [offlineHours, setOfflineHours] = useState(String(limits.offlineHours));
  const [maxUnsent, setMaxUnsent] = useState(limits.maxUnsent === null ? '' : String(limits.maxUnsent));
  const [minFreeMb, setMinFreeMb] = useState(limits.minFreeMb === null ? '' : String(limits.minFreeMb));
  const optional = (value: string) => (value.trim() === '' ? null : Number(value));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // The core checks the numbers (VALIDATION_FAILED, translated, nothing changed).
    void save({ offlineHours: Number(offlineHours), maxUnsent: optional(maxUnsent), minFreeMb: optional(minFreeMb) });
  };
  return (
    <form onSubmit={submit} aria-labelledby="sync-guardrails" data-testid="sync-guardrails" className="stack">
      <h2 id="sync-guardrails">{t('sync.guardrails.title')}</h2>
      {limits.blocked ? <p className="error">{t('sync.guardrails.blocked')}</p> : null}
      <p className="muted">
        {t('sync.guardrails.state', {
          since: limits.lastContactAt ? formatDateTime(new Date(limits.lastContactAt)) : t('sync.never'),
          unsent: limits.unsent,
          freeMb: limits.freeMb ?? '—',
        })}
      </p>
      <label>
        {t('sync.guardrails.offlineHours')}
        <input type="number" min={1} required value={offlineHours} onChange={(event) => setOfflineHours(event.target.value)} />
      </label>
      <label>
        {t('sync.guardrails.maxUnsent')}
        <input type="number" min={1} placeholder={t('sync.guardrails.none')} value={maxUnsent} onChange={(event) => setMaxUnsent(event.target.value)} />
      </label>
      <label>
        {t('sync.guardrails.minFreeMb')}
        <input type="number" min={1} placeholder={t('sync.guardrails.none')} value={minFreeMb} onChange={(event) => setMinFreeMb(event.target.value)} />
      </label>
      <button type="submit">{t('sync.guardrails.save')}</button>
    </form>
  );
}
