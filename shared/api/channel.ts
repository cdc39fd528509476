import type { z } from 'zod';
import type { Role } from './roles';

/** `public` channels answer before login (health, version); the rest name the roles allowed. */
export type Access = 'public' | readonly Role[];

export interface Channel<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  access: Access;
  /** Callable while the session is locked or its password must change first (unlock, logout). */
  beforeUnlock?: boolean;
  /**
   * The input field that carries a file's bytes (a Uint8Array, uploadBytesSchema): the web host
   * takes it as the raw request body, streamed and counted against the one upload limit, the other
   * fields in the X-Arm-Input header; Electron's IPC carries it as it is. Never JSON or base64.
   */
  binary?: string;
}

export function channel<I extends z.ZodType, O extends z.ZodType>(definition: Channel<I, O>): Channel<I, O> {
  return definition;
}

/** capability → method → channel; the channel's wire name is "capability.method". */
export type ContractShape = Record<string, Record<string, Channel>>;

export type ChannelName<K extends ContractShape> = {
  [Cap in keyof K & string]: `${Cap}.${keyof K[Cap] & string}`;
}[keyof K & string];

export function channelEntries(contract: ContractShape): Array<[string, Channel]> {
  return Object.entries(contract).flatMap(([capability, methods]) =>
    Object.entries(methods).map(([method, definition]): [string, Channel] => [`${capability}.${method}`, definition]),
  );
}
