import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, localDateTime, localDay } from '../../../shared/time';
import { useAuth } from '../auth/store';
import { useSync } from './store';

/**
 * The header's compact sync status, for everyone signed in: intake stopped (a guardrail or the
 * clock), a job failing, or when the last sync succeeded; the requests waiting and those parked.
 */
export function SyncIndicator() {
  const { t } = useTranslation();
  const signedIn = useAuth((state) => Boolean(state.status?.user && !state.status.locked));
  const { status, load } = useSync();
  useEffect(() => {
    if (!signedIn) return;
    void load();
    const timer = setInterval(() => void load(), 15_000);
    return () => clearInterval(timer);
  }, [signedIn, load]);
  if (!signedIn || !status) return null;
  const now = new Date();
  // Today's sync shows its time alone: the header stays one short line.
  const sameDay = (at: string) => localDay(new Date(at)) === localDay(now);
  const clock = status.machine?.clockProblem ?? null;
  const blocked = status.guardrails.blocked;
  const failing = status.jobs.some((job) => job.failures > 0);
  const lastSuccess = status.jobs.map((job) => job.lastSuccessAt).filter((at): at is string => at !== null).sort().at(-1) ?? status.guardrails.lastContactAt;
  const state = blocked || clock ? 'blocked' : failing ? 'failing' : lastSuccess ? 'ok' : 'never';
  const text =
    state === 'blocked'
      ? `${t('sync.header.blocked')}: ${blocked ? t(`errors.${blocked}`, { hours: status.guardrails.offlineHours, since: status.guardrails.lastContactAt ? formatDateTime(new Date(status.guardrails.lastContactAt)) : '—', unsent: status.guardrails.unsent, limit: status.guardrails.maxUnsent ?? status.guardrails.minFreeMb ?? 0, freeMb: status.guardrails.freeMb ?? 0 }) : t(clock === 'drift' ? 'sync.machine.clockDrift' : 'sync.machine.clockBackwards')}`
      : state === 'failing'
        ? t('sync.header.failing')
        : state === 'ok'
          ? t('sync.header.ok', { time: sameDay(lastSuccess!) ? localDateTime(new Date(lastSuccess!)).slice(11) : formatDateTime(new Date(lastSuccess!)) })
          : t('sync.header.never');
  // The long reason goes to the tooltip and the screen reader; the header keeps a short line.
  const short = state === 'blocked' ? t('sync.header.blocked') : text;
  return (
    <span className={`indicator sync-indicator sync-${state}`} data-testid="sync-indicator" data-state={state} title={text} aria-label={text}>
      {short}
      {status.guardrails.unsent > 0 ? ` · ${t('sync.header.queue', { count: status.guardrails.unsent })}` : ''}
      {status.parked.length > 0 ? ` · ${t('sync.header.parked', { count: status.parked.length })}` : ''}
    </span>
  );
}
