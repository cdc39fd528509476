import { z } from 'zod';
import { ArmError, channelEntries, MIN_IDLE_MINUTES, type Channel, type ContractShape, type Envelope } from '../../shared/api';
import { appendAudit } from './audit/log';
import { readPolicy } from './auth/policy';
import { lockSession, SessionStore, type Session } from './auth/sessions';
import type { CoreContext } from './context';
import type { Call, Handlers } from './handler';
import { MAX_INPUT_DEPTH, MAX_UPLOAD_BYTES, nestsDeeperThan } from '../../shared/limits';

/** `sessionKey` names the calling window; the host makes it, the core keeps who is signed in there. */
export type Dispatch = (channel: string, input: unknown, sessionKey: string) => Promise<Envelope>;

type AnyHandler = (input: unknown, ctx: CoreContext, call: Call) => unknown;

function issuesOf(error: z.ZodError) {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

function allowed(definition: Channel, session: Session): ArmError | null {
  if (definition.access === 'public') return null;
  const user = session.user;
  if (!user) return new ArmError('UNAUTHORIZED', 'Sign in first.');
  if (!definition.access.includes(user.role)) return new ArmError('FORBIDDEN', `Role ${user.role} may not call this channel.`);
  if (definition.beforeUnlock) return null;
  if (session.locked) return new ArmError('SESSION_LOCKED', 'The screen is locked: enter the password.');
  if (user.mustChangePassword) return new ArmError('PASSWORD_CHANGE_REQUIRED', 'Change the password first.');
  return null;
}

/** A signed-in window that called nothing for the policy's idle time is locked by the core too. */
function lockIfIdle(ctx: CoreContext, session: Session, now: number): void {
  if (!session.user || session.locked) return;
  // No policy locks sooner (shared/api/accounts.ts): a call within that time of the last need not
  // read the policy (the settings row and its schema, on every call of a busy counter).
  if (now - session.lastActivity <= MIN_IDLE_MINUTES * 60_000) return;
  if (now - session.lastActivity <= readPolicy(ctx.db).idleMinutes * 60_000) return;
  lockSession(session);
  if (ctx.db) appendAudit(ctx.db, { userId: session.user.id, action: 'auth.idle_lock' }, new Date(now));
}

/**
 * The one door into the core, shared by both hosts: find the channel, check the caller's role,
 * validate the input, run the handler, check its result. Nothing runs on bad input.
 */
export function createDispatch<K extends ContractShape>(
  contract: K,
  handlers: Handlers<K>,
  ctx: CoreContext,
  sessions: SessionStore = new SessionStore(),
): Dispatch {
  const table = new Map<string, { definition: Channel; handler: AnyHandler }>();
  const byCapability = handlers as unknown as Record<string, Record<string, AnyHandler>>;
  for (const [name, definition] of channelEntries(contract)) {
    const [capability = '', method = ''] = name.split('.');
    const handler = byCapability[capability]?.[method];
    if (!handler) throw new Error(`No handler for channel ${name}`);
    table.set(name, { definition, handler });
  }

  return async (channel, input, sessionKey) => {
    const entry = table.get(channel);
    const session = sessions.get(sessionKey);
    try {
      if (!entry) throw new ArmError('NOT_FOUND', `Unknown channel ${channel}`);
      const restricted = entry.definition.access !== 'public';
      const now = ctx.now().getTime();
      if (restricted) lockIfIdle(ctx, session, now);
      const refusal = allowed(entry.definition, session);
      if (refusal) throw refusal;
      if (restricted) session.lastActivity = now;
      // A binary channel's file: the one upload limit, translated, before the schema (Electron's IPC
      // brings the bytes whole; the web host has counted them while streaming already).
      const file = entry.definition.binary && typeof input === 'object' && input !== null ? (input as Record<string, unknown>)[entry.definition.binary] : undefined;
      if (file instanceof Uint8Array && file.length > MAX_UPLOAD_BYTES) {
        throw new ArmError('FILE_TOO_LARGE', 'The file is larger than the upload limit.', [{ path: entry.definition.binary!, message: `over ${MAX_UPLOAD_BYTES} bytes` }], { limit: MAX_UPLOAD_BYTES / 1024 / 1024 });
      }
      if (nestsDeeperThan(input)) throw new ArmError('VALIDATION_FAILED', 'The request nests too deep.', [{ path: '', message: `deeper than ${MAX_INPUT_DEPTH}` }]);
      const parsed = entry.definition.input.safeParse(input);
      if (!parsed.success) {
        throw new ArmError('VALIDATION_FAILED', 'The request does not match the contract.', issuesOf(parsed.error));
      }
      const result = await entry.handler(parsed.data, ctx, { caller: SessionStore.callerOf(session), session, sessions });
      const checked = entry.definition.output.safeParse(result);
      if (!checked.success) {
        ctx.log.error('handler.result_invalid', { channel, issues: issuesOf(checked.error) });
        throw new ArmError('INTERNAL', 'The core produced an invalid answer.');
      }
      return { ok: true, value: checked.data };
    } catch (error) {
      if (error instanceof ArmError) {
        ctx.log.warn('call.refused', { channel, code: error.code, paths: error.issues?.map((issue) => issue.path) });
        return { ok: false, error: error.toJSON() };
      }
      ctx.log.error('call.failed', { channel, error: error instanceof Error ? error.stack : String(error) });
      return { ok: false, error: { code: 'INTERNAL', message: 'Internal error; see the log.' } };
    }
  };
}
