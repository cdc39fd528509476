import { App as AntApp, Button, Input, Table } from 'antd';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/time';
import { dataAttributes } from '../../ui/dataAttributes';
import { ErrorText } from '../../ui/ErrorText';
import { Field } from '../../ui/Field';
import { TextAreaField } from '../../ui/TextAreaField';
import { ReferenceTable } from './ReferenceTable';
import { useSync } from './store';

/**
 * The supervisor's sync console: each background job, "sync now", the parked messages (retry or
 * withdraw), this workstation at the gateway (machine key, clock) and the offline guardrails.
 */
export function SyncScreen() {
  const { t } = useTranslation();
  const { status, error, load, run, retry, withdraw, setGuardrails } = useSync();
  const { modal } = AntApp.useApp();
  const machineId = useId();
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
      <Table
        size="small"
        rowKey="name"
        pagination={false}
        data-testid="sync-jobs"
        dataSource={status?.jobs ?? []}
        onRow={(job) => dataAttributes({ 'data-job': job.name })}
        columns={[
          { key: 'job', title: t('sync.job'), render: (_, job) => t(`sync.jobs.${job.name}`) },
          { key: 'lastSuccess', title: t('sync.lastSuccess'), render: (_, job) => time(job.lastSuccessAt) },
          { key: 'nextRun', title: t('sync.nextRun'), render: (_, job) => (job.running ? t('sync.running') : time(job.nextRunAt)) },
          { key: 'failures', title: t('sync.failures'), dataIndex: 'failures' },
          { key: 'lastError', title: t('sync.lastError'), onCell: (job) => ({ className: job.lastError ? 'error' : undefined }), render: (_, job) => (job.lastError ? t(`errors.${job.lastError}`) : '') },
        ]}
      />
      <Button type="primary" onClick={() => void run()}>
        {t('sync.now')}
      </Button>
      {status ? <ReferenceTable reference={status.reference} /> : null}
      <h2>{t('sync.parked')}</h2>
      {status?.parked.length ? (
        <ul data-testid="sync-parked">
          {status.parked.map((message) => (
            <li key={message.id}>
              {time(message.createdAt)} · {message.kind} → {message.to} · {message.lastError ? t(`errors.${message.lastError}`) : ''}{' '}
              <Button size="small" onClick={() => void retry(message.id)}>
                {t('sync.retry')}
              </Button>{' '}
              <Button
                size="small"
                danger
                onClick={() =>
                  // Withdrawn is final: asked in a dialog in the screen's language, not the browser's confirm.
                  void modal.confirm({ title: t('sync.withdrawConfirm'), okText: t('sync.withdraw'), okButtonProps: { danger: true }, onOk: () => withdraw(message.id) })
                }
              >
                {t('sync.withdraw')}
              </Button>
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
          <div className="field">
            <label htmlFor={machineId}>{t('sync.machine.id')}</label>
            <Input id={machineId} readOnly value={machine.machineId} className="mono" />
          </div>
          <TextAreaField label={t('sync.machine.publicKey')} readOnly value={machine.publicKey} className="mono" />
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
    <form onSubmit={submit} aria-labelledby="sync-guardrails" data-testid="sync-guardrails" className="stack-form">
      <h2 id="sync-guardrails">{t('sync.guardrails.title')}</h2>
      {limits.blocked ? <p className="error">{t('sync.guardrails.blocked')}</p> : null}
      <p className="muted">
        {t('sync.guardrails.state', {
          since: limits.lastContactAt ? formatDateTime(new Date(limits.lastContactAt)) : t('sync.never'),
          unsent: limits.unsent,
          freeMb: limits.freeMb ?? '—',
        })}
      </p>
      <Field label={t('sync.guardrails.offlineHours')} type="number" min={1} required value={offlineHours} onChange={setOfflineHours} />
      <Field label={t('sync.guardrails.maxUnsent')} type="number" min={1} placeholder={t('sync.guardrails.none')} value={maxUnsent} onChange={setMaxUnsent} />
      <Field label={t('sync.guardrails.minFreeMb')} type="number" min={1} placeholder={t('sync.guardrails.none')} value={minFreeMb} onChange={setMinFreeMb} />
      <Button htmlType="submit" type="primary">
        {t('sync.guardrails.save')}
      </Button>
    </form>
  );
}
