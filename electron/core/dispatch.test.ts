import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ArmError, channel, createClient, type Role } from '../../shared/api';
import { SessionStore } from './auth/sessions';
import type { CoreContext } from './context';
import { createDispatch } from './dispatch';
import type { Handlers } from './handler';
import { memoryLogger } from './testing';

const contract = {
  counter: {
    add: channel({ input: z.object({ by: z.number().int().positive() }), output: z.object({ total: z.number() }), access: ['operator'] }),
    peek: channel({ input: z.undefined(), output: z.object({ total: z.number() }), access: 'public' }),
    broken: channel({ input: z.undefined(), output: z.object({ total: z.number() }), access: 'public' }),
    crash: channel({ input: z.undefined(), output: z.object({ total: z.number() }), access: 'public' }),
    refuse: channel({ input: z.undefined(), output: z.object({ total: z.number() }), access: 'public' }),
    leave: channel({ input: z.undefined(), output: z.object({ total: z.number() }), access: ['operator'], beforeUnlock: true }),
  },
};

function setup(role: Role | null = 'operator', clock = { now: 1_800_000_000_000 }) {
  let total = 0;
  const handlers: Handlers<typeof contract> = {
    counter: {
      add: ({ by }) => ({ total: (total += by) }),
      peek: () => ({ total }),
      broken: () => ({ total: 'many' }) as unknown as { total: number },
      crash: () => {
        throw new Error('disk on fire');
      },
      refuse: () => {
        throw new ArmError('NOT_FOUND', 'no such thing');
      },
      leave: () => ({ total }),
    },
  };
  const log = memoryLogger();
  const ctx = { log, db: null, now: () => new Date(clock.now) } as unknown as CoreContext;
  const sessions = new SessionStore();
  const session = sessions.get('window-1');
  if (role) {
    session.user = { id: 'u1', login: 'op', fullName: 'Op', role, organisation: 'ЦОН', mustChangePassword: false };
    session.lastActivity = clock.now;
  }
  const dispatch = createDispatch(contract, handlers, ctx, sessions);
  const client = createClient(contract, (name, input) => dispatch(name, input, 'window-1'));
  return { dispatch, client, log, session, clock, total: () => total };
}

describe('dispatch', () => {
  it('runs the handler with validated input and returns its result', async () => {
    const { client } = setup();
    await expect(client.counter.add({ by: 2 })).resolves.toEqual({ total: 2 });
    await expect(client.counter.peek()).resolves.toEqual({ total: 2 });
  });

  it('refuses input that breaks the schema with the field paths, runs nothing, logs no values', async () => {
    const { dispatch, total, log } = setup();
    const envelope = await dispatch('counter.add', { by: -870101300000 }, 'window-1');
    expect(envelope).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', issues: [{ path: 'by' }] } });
    expect(total()).toBe(0);
    expect(log.lines).toHaveLength(1);
    expect(JSON.stringify(log.lines)).not.toContain('870101300000');
  });

  it('answers NOT_FOUND for an unknown channel', async () => {
    const { dispatch } = setup();
    await expect(dispatch('counter.nope', undefined, 'window-1')).resolves.toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('refuses a role that the channel does not list, and nobody before login, before the handler runs', async () => {
    const asClerk = setup('clerk');
    await expect(asClerk.client.counter.add({ by: 1 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(asClerk.total()).toBe(0);
    const anonymous = setup(null);
    await expect(anonymous.client.counter.add({ by: 1 })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(anonymous.client.counter.peek()).resolves.toEqual({ total: 0 });
  });

  it('turns a result that breaks the output schema into INTERNAL', async () => {
    const { client, log } = setup();
    await expect(client.counter.broken()).rejects.toMatchObject({ code: 'INTERNAL' });
    expect(log.lines.some((line) => line.event === 'handler.result_invalid')).toBe(true);
  });

  it('turns an unexpected exception into INTERNAL without its message, and logs the stack', async () => {
    const { dispatch, log } = setup();
    const envelope = await dispatch('counter.crash', undefined, 'window-1');
    expect(envelope).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'Internal error; see the log.' } });
    expect(JSON.stringify(log.lines)).toContain('disk on fire');
  });

  it('passes a typed domain error through with its code', async () => {
    const { client } = setup();
    const error = await client.counter.refuse().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ArmError);
    expect(error).toMatchObject({ code: 'NOT_FOUND', message: 'no such thing' });
  });

  it('keeps a locked session or one that must change its password out of everything but its exits', async () => {
    const locked = setup();
    locked.session.locked = true;
    await expect(locked.client.counter.add({ by: 1 })).rejects.toMatchObject({ code: 'SESSION_LOCKED' });
    await expect(locked.client.counter.leave()).resolves.toEqual({ total: 0 });
    const pending = setup();
    pending.session.user!.mustChangePassword = true;
    await expect(pending.client.counter.add({ by: 1 })).rejects.toMatchObject({ code: 'PASSWORD_CHANGE_REQUIRED' });
    expect(pending.total()).toBe(0);
  });

  it('locks a session that called nothing for the idle time, and not one that keeps working', async () => {
    const { client, clock, session } = setup();
    clock.now += 9 * 60_000;
    await expect(client.counter.add({ by: 1 })).resolves.toEqual({ total: 1 });
    clock.now += 9 * 60_000;
    await expect(client.counter.add({ by: 1 })).resolves.toEqual({ total: 2 });
    clock.now += 10 * 60_000 + 1;
    await expect(client.counter.add({ by: 1 })).rejects.toMatchObject({ code: 'SESSION_LOCKED' });
    expect(session.locked).toBe(true);
  });

  it('refuses to build when a channel has no handler', () => {
    const partial = { counter: { add: contract.counter.add } };
    expect(() => createDispatch(partial, { counter: {} } as unknown as Handlers<typeof partial>, { log: memoryLogger(), now: () => new Date() } as unknown as CoreContext)).toThrow(
      /No handler for channel counter.add/,
    );
  });
});
