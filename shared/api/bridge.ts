import type { ArmChannel } from './contract';
import type { Envelope } from './errors';

/** The IPC channel that carries every contract call in the Electron app. */
export const IPC_INVOKE = 'arm:invoke';

/**
 * What the preload puts on `window.armBridge`: the typed transport of the contract and nothing
 * else. The renderer wraps it into `arm.<capability>.<method>`; errors travel as envelope data
 * because contextBridge drops an Error's own fields (its code) on the way.
 */
export interface ArmBridge {
  invoke(channel: ArmChannel, input: unknown): Promise<Envelope>;
}
