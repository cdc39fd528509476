import { ArmError, type ErrorCode } from '../../../shared/api';

// Sync runs itself: each job (the outbox, the inbox, the trust list…) on its own timer, single-flight,
// with jitter so a centre's workstations do not call the gateway in step, and with exponential
// backoff after a failure (capped), reset by the next success. The sync console reads `status()`.

export interface SyncJob {
  name: string;
  /** The period after a success. */
  everyMs: number;
  run(): Promise<unknown>;
}

export interface JobState {
  name: string;
  running: boolean;
  lastRunAt: string | null;
  lastSuccessAt: string | null;
  nextRunAt: string | null;
  /** Failures in a row since the last success. */
  failures: number;
  /** The last failure's code (translated on screen), null after a success. */
  lastError: ErrorCode | null;
}

export interface SchedulerOptions {
  now: () => Date;
  /** 0…1; tests pass a fixed value. */
  random?: () => number;
  /** Timers are injected so tests move time without sleeping. */
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
  /** The longest wait after failures (default 10 minutes). */
  maxBackoffMs?: number;
  onError?: (job: string, error: unknown) => void;
}

/** ±20 %: enough to spread a room of workstations, little enough to keep the period. */
const JITTER = 0.2;

export function createScheduler(jobs: readonly SyncJob[], options: SchedulerOptions) {
  const random = options.random ?? Math.random;
  const setTimer = options.setTimer ?? ((run: () => void, ms: number) => setTimeout(run, ms).unref());
  const clearTimer = options.clearTimer ?? ((timer: unknown) => clearTimeout(timer as NodeJS.Timeout));
  const maxBackoffMs = options.maxBackoffMs ?? 10 * 60_000;
  const states = new Map<string, JobState>(
    jobs.map((job) => [job.name, { name: job.name, running: false, lastRunAt: null, lastSuccessAt: null, nextRunAt: null, failures: 0, lastError: null }]),
  );
  const running = new Map<string, Promise<void>>();
  const timers = new Map<string, unknown>();
  let stopped = true;

  /** The wait before the next run: the period, doubled per failure up to the cap, ±20 %. */
  function delayFor(job: SyncJob, failures: number): number {
    const base = failures === 0 ? job.everyMs : Math.min(job.everyMs * 2 ** failures, maxBackoffMs);
    return Math.round(base * (1 - JITTER + 2 * JITTER * random()));
  }

  function schedule(job: SyncJob, ms: number): void {
    const state = states.get(job.name)!;
    if (timers.has(job.name)) clearTimer(timers.get(job.name));
    if (stopped) {
      state.nextRunAt = null;
      return;
    }
    state.nextRunAt = new Date(options.now().getTime() + ms).toISOString();
    timers.set(
      job.name,
      setTimer(() => {
        timers.delete(job.name);
        void runJob(job);
      }, ms),
    );
  }

  function runJob(job: SyncJob): Promise<void> {
    const current = running.get(job.name);
    if (current) return current;
    const state = states.get(job.name)!;
    state.running = true;
    state.lastRunAt = options.now().toISOString();
    const run = job
      .run()
      .then(
        () => {
          state.failures = 0;
          state.lastError = null;
          state.lastSuccessAt = options.now().toISOString();
        },
        (error: unknown) => {
          state.failures++;
          state.lastError = error instanceof ArmError ? error.code : 'INTERNAL';
          options.onError?.(job.name, error);
        },
      )
      .finally(() => {
        state.running = false;
        running.delete(job.name);
        schedule(job, delayFor(job, state.failures));
      });
    running.set(job.name, run);
    return run;
  }

  const byName = (name: string) => {
    const job = jobs.find((candidate) => candidate.name === name);
    if (!job) throw new ArmError('NOT_FOUND', `No sync job ${name}.`);
    return job;
  };

  return {
    /** Each job first runs after a jittered fraction of its period, not all at the same instant. */
    start(): void {
      stopped = false;
      for (const job of jobs) schedule(job, Math.round(job.everyMs * JITTER * random()));
    },
    stop(): void {
      stopped = true;
      for (const timer of timers.values()) clearTimer(timer);
      timers.clear();
      for (const state of states.values()) state.nextRunAt = null;
    },
    /** "Sync now": one job, or all; joins a run already under way. */
    async runNow(name?: string): Promise<void> {
      await Promise.all((name ? [byName(name)] : jobs).map((job) => runJob(job)));
    },
    status(): JobState[] {
      return jobs.map((job) => ({ ...states.get(job.name)! }));
    },
  };
}

export type Scheduler = ReturnType<typeof createScheduler>;
