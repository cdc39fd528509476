import { z } from 'zod';
import { ArmError, channelEntries, type Caller, type Channel, type ContractShape, type Envelope } from '../../shared/api';
import type { CoreContext } from './context';
import type { Handlers } from './handler';

export type Dispatch = (channel: string, input: unknown, caller: Caller) => Promise<Envelope>;

type AnyHandler = (input: unknown, ctx: CoreContext, call: { caller: Caller }) => unknown;

function issuesOf(error: z.ZodError) {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

function allowed(definition: Channel, caller: Caller): ArmError | null {
  if (definition.access === 'public') return null;
  if (!caller) return new ArmError('UNAUTHORIZED', 'Sign in first.');
  return definition.access.includes(caller.role)
    ? null
    : new ArmError('FORBIDDEN', `Role ${caller.role} may not call this channel.`);
}

/**
 * The one door into the core, shared by both hosts: find the channel, check the caller's role,
 * validate the input, run the handler, check its result. Nothing runs on bad input.
 */
export function createDispatch<K extends ContractShape>(contract: K, handlers: Handlers<K>, ctx: CoreContext): Dispatch {
  const table = new Map<string, { definition: Channel; handler: AnyHandler }>();
  const byCapability = handlers as unknown as Record<string, Record<string, AnyHandler>>;
  for (const [name, definition] of channelEntries(contract)) {
    const [capability = '', method = ''] = name.split('.');
    const handler = byCapability[capability]?.[method];
    if (!handler) throw new Error(`No handler for channel ${name}`);
    table.set(name, { definition, handler });
  }

  return async (channel, input, caller) => {
    const entry = table.get(channel);
    try {
      if (!entry) throw new ArmError('NOT_FOUND', `Unknown channel ${channel}`);
      const refusal = allowed(entry.definition, caller);
      if (refusal) throw refusal;
      const parsed = entry.definition.input.safeParse(input);
      if (!parsed.success) {
        throw new ArmError('VALIDATION_FAILED', 'The request does not match the contract.', issuesOf(parsed.error));
      }
      const result = await entry.handler(parsed.data, ctx, { caller });
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
