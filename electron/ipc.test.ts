import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it } from 'vitest';
import { IPC_INVOKE, type Envelope } from '../shared/api';
import { registerIpc } from './ipc';

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<Envelope>;

function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  return {
    handlers,
    handle: (channel: string, listener: Listener) => void handlers.set(channel, listener),
  };
}

const from = (url: string) => ({ senderFrame: { url }, sender: { id: 7 } }) as unknown as IpcMainInvokeEvent;

describe('registerIpc', () => {
  const ipcMain = fakeIpcMain();
  const seen: Array<[string, unknown]> = [];
  registerIpc(ipcMain as never, async (channel, input, sessionKey) => {
    seen.push([channel, input]);
    return { ok: true, value: `${channel} ${sessionKey}` };
  }, { isTrustedSender: (url) => url.startsWith('app://arm/') });
  const invoke = ipcMain.handlers.get(IPC_INVOKE)!;

  it('registers one handler and passes contract calls from the app page to the dispatcher', async () => {
    expect([...ipcMain.handlers.keys()]).toEqual([IPC_INVOKE]);
    await expect(invoke(from('app://arm/index.html'), 'system.health', { x: 1 })).resolves.toEqual({ ok: true, value: 'system.health ipc:7' });
    expect(seen).toEqual([['system.health', { x: 1 }]]);
  });

  it('refuses calls from any other page', async () => {
    await expect(invoke(from('https://evil.example/'), 'system.health', undefined)).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(seen).toHaveLength(1);
  });

  it('refuses a channel name that is not a string', async () => {
    await expect(invoke(from('app://arm/index.html'), 42, undefined)).resolves.toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });
});
