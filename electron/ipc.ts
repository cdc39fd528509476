import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { IPC_INVOKE, type Envelope } from '../shared/api';
import type { Dispatch } from './core/dispatch';

export interface IpcOptions {
  /** Only the app's own page (app://arm/…) may call the core. */
  isTrustedSender(url: string): boolean;
}

/** Wires the one handler registry to Electron's IPC: one channel, the contract name inside it. */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, dispatch: Dispatch, options: IpcOptions): void {
  ipcMain.handle(IPC_INVOKE, async (event: IpcMainInvokeEvent, channel: unknown, input: unknown): Promise<Envelope> => {
    const url = event.senderFrame?.url ?? '';
    if (!options.isTrustedSender(url)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Calls are accepted from the app window only.' } };
    }
    if (typeof channel !== 'string') {
      return { ok: false, error: { code: 'VALIDATION_FAILED', message: 'The channel name must be a string.' } };
    }
    // Each window has its own session in the core (who is signed in there).
    return dispatch(channel, input, `ipc:${event.sender.id}`);
  });
}
