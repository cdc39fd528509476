import type { IpcMainInvokeEvent, PrinterInfo, WebContentsPrintOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { IPC_PRINT, IPC_PRINTERS } from '../shared/api/bridge';
import { registerPrinting, type PrintingContents } from './printing';

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;

const PRINTERS = [
  { name: 'Kyocera_FS-1040', displayName: 'Kyocera FS-1040', description: '', options: {} },
  { name: 'HP_A4', displayName: '', description: '', options: {} },
] as PrinterInfo[];

/** A window that records what it was asked to print and answers as told. */
function fakeContents(answer: [boolean, string] = [true, '']) {
  const printed: WebContentsPrintOptions[] = [];
  const contents: PrintingContents = {
    print: (options, callback) => {
      printed.push(options);
      setTimeout(() => callback(...answer), 0);
    },
    getPrintersAsync: async () => PRINTERS,
  };
  return { contents, printed };
}

function setup() {
  const handlers = new Map<string, Listener>();
  registerPrinting({ handle: (channel: string, listener: Listener) => void handlers.set(channel, listener) } as never, { isTrustedSender: (url) => url.startsWith('app://arm/') });
  const call = (channel: string, contents: PrintingContents, url: string, ...args: unknown[]) =>
    handlers.get(channel)!({ senderFrame: { url }, sender: contents } as unknown as IpcMainInvokeEvent, ...args);
  return { handlers, call };
}

describe('printing glue', () => {
  it('prints silently to the chosen printer on A4 without scaling or margins', async () => {
    const { call } = setup();
    const { contents, printed } = fakeContents();
    await expect(call(IPC_PRINT, contents, 'app://arm/index.html', 'Kyocera_FS-1040')).resolves.toEqual({ status: 'printed' });
    expect(printed).toEqual([{ silent: true, deviceName: 'Kyocera_FS-1040', printBackground: false, pageSize: 'A4', landscape: false, scaleFactor: 100, margins: { marginType: 'none' } }]);
  });

  it('opens the system dialog when no printer is set, and says when the operator cancelled it', async () => {
    const { call } = setup();
    const { contents, printed } = fakeContents([false, 'cancelled']);
    await expect(call(IPC_PRINT, contents, 'app://arm/index.html', null)).resolves.toEqual({ status: 'cancelled' });
    expect(printed[0]).toMatchObject({ silent: false, pageSize: 'A4' });
    expect(printed[0]).not.toHaveProperty('deviceName');
  });

  it("reports the spooler's failure so the same PDF can be printed again", async () => {
    const { call } = setup();
    const { contents } = fakeContents([false, 'failed']);
    await expect(call(IPC_PRINT, contents, 'app://arm/index.html', 'HP_A4')).resolves.toEqual({ status: 'failed', reason: 'failed' });
  });

  it('refuses a printer the system does not know, a bad name and a foreign page, printing nothing', async () => {
    const { call } = setup();
    const { contents, printed } = fakeContents();
    await expect(call(IPC_PRINT, contents, 'app://arm/index.html', 'Canon gone')).resolves.toEqual({ status: 'failed', reason: 'no printer named Canon gone' });
    await expect(call(IPC_PRINT, contents, 'app://arm/index.html', 42)).resolves.toMatchObject({ status: 'failed' });
    await expect(call(IPC_PRINT, contents, 'https://evil.example/', 'HP_A4')).resolves.toMatchObject({ status: 'failed' });
    expect(printed).toEqual([]);
  });

  it("lists the system's printers by name for the settings screen, to the app's page only", async () => {
    const { call } = setup();
    const { contents } = fakeContents();
    await expect(call(IPC_PRINTERS, contents, 'app://arm/index.html')).resolves.toEqual([
      { name: 'Kyocera_FS-1040', displayName: 'Kyocera FS-1040' },
      { name: 'HP_A4', displayName: 'HP_A4' },
    ]);
    await expect(call(IPC_PRINTERS, contents, 'https://evil.example/')).resolves.toEqual([]);
  });
});
