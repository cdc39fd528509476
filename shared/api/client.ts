import type { z } from 'zod';
import type { Channel, ContractShape } from './channel';
import { ArmError, type Envelope } from './errors';

type Args<C> = C extends Channel<infer I, z.ZodType>
  ? undefined extends z.input<I>
    ? [input?: z.input<I>]
    : [input: z.input<I>]
  : never;

type Result<C> = C extends Channel<z.ZodType, infer O> ? z.output<O> : never;

export type Client<K extends ContractShape> = {
  [Cap in keyof K]: { [M in keyof K[Cap]]: (...args: Args<K[Cap][M]>) => Promise<Result<K[Cap][M]>> };
};

/** Carries one call to the core: IPC in Electron, fetch in the browser, a direct call in tests. */
export type Transport = (channel: string, input: unknown) => Promise<Envelope>;

/** Builds `arm.<capability>.<method>(input)` from the contract, so no host keeps a list by hand. */
export function createClient<K extends ContractShape>(contract: K, transport: Transport): Client<K> {
  const client: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {};
  for (const [capability, methods] of Object.entries(contract)) {
    const bound: Record<string, (input?: unknown) => Promise<unknown>> = {};
    for (const method of Object.keys(methods)) {
      bound[method] = async (input?: unknown) => {
        const envelope = await transport(`${capability}.${method}`, input);
        if (!envelope.ok) throw ArmError.from(envelope.error);
        return envelope.value;
      };
    }
    client[capability] = bound;
  }
  return client as Client<K>;
}
