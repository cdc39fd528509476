import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ArmError, channel, createClient, type Caller } from '../../shared/api';
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
  },
};

function setup(caller: Caller = { userId: 'u1', role: 'operator' }) {
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
    },
  };
  const log = memoryLogger();
  const ctx = { log } as unknown as CoreContext;
  const dispatch = createDispatch(contract, handlers, ctx);
  const client = createClient(contract, (name, input) => dispatch(name, input, caller));
  return { dispatch, client, log, total: () => total };
}

describe('dispatch', () => {
  it('runs the handler with validated input and returns its result', async () => {
    const { client } = setup();
    await expect(client.counter.add({ by: 2 })).resolves.toEqual({ total: 2 });
    await expect(client.counter.peek()).resolves.toEqual({ total: 2 });
  });

  it('refuses input that breaks the schema with the field paths, runs nothing, logs no values', async () => {
    const { dispatch, total, log } = setup();
    const envelope = await dispatch('counter.add', { by: -870101300000 }, { userId: 'u1', role: 'operator' });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', issues: [{ path: 'by' }] } });
    expect(total()).toBe(0);
    expect(log.lines).toHaveLength(1);
    expect(JSON.stringify(log.lines)).not.toContain('870101300000');
  });

  it('answers NOT_FOUND for an unknown channel', async () => {
    const { dispatch } = setup();
    await expect(dispatch('counter.nope', undefined, null)).resolves.toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('refuses a role that the channel does not list, and nobody before login, before the handler runs', async () => {
    const asClerk = setup({ userId: 'u2', role: 'clerk' });
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
    const envelope = await dispatch('counter.crash', undefined, null);
    expect(envelope).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'Internal error; see the log.' } });
    expect(JSON.stringify(log.lines)).toContain('disk on fire');
  });

  it('passes a typed domain error through with its code', async () => {
    const { client } = setup();
    const error = await client.counter.refuse().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ArmError);
    expect(error).toMatchObject({ code: 'NOT_FOUND', message: 'no such thing' });
  });

  it('refuses to build when a channel has no handler', () => {
    const partial = { counter: { add: contract.counter.add } };
    expect(() => createDispatch(partial, { counter: {} } as unknown as Handlers<typeof partial>, { log: memoryLogger() } as unknown as CoreContext)).toThrow(
      /No handler for channel counter.add/,
    );
  });
});
