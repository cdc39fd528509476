import type { z } from 'zod';
import type { Caller, Channel, ContractShape } from '../../shared/api';
import type { Session, SessionStore } from './auth/sessions';
import type { CoreContext } from './context';

export interface Call {
  caller: Caller;
  /** The calling window's session: login and logout change it. */
  session: Session;
  sessions: SessionStore;
}

export type Handler<C> = C extends Channel<infer I, infer O>
  ? (input: z.output<I>, ctx: CoreContext, call: Call) => z.input<O> | Promise<z.input<O>>
  : never;

/** One handler for every channel of the contract: the type checker refuses a missing one. */
export type Handlers<K extends ContractShape> = { [Cap in keyof K]: { [M in keyof K[Cap]]: Handler<K[Cap][M]> } };
