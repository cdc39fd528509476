import type { IpcMain, IpcMainInvokeEvent, PrinterInfo, WebContentsPrintOptions } from 'electron';
import { IPC_PRINT, IPC_PRINTERS, type HostPrinter, type PrintOutcome } from '../shared/api/bridge';
import type { IpcOptions } from './ipc';

// The thin glue between the PDF viewer and Electron's printing: the renderer lays the viewer's
// pages out for print (one A4 page each, no margins) and asks for this window to be printed,
// silently to the workstation's printer for that kind of document, or through the system dialog
// when none is set. No scaling: the pages are already A4.

/** What of webContents the glue uses (a fake in tests). */
export interface PrintingContents {
  print(options: WebContentsPrintOptions, callback: (success: boolean, failureReason: string) => void): void;
  getPrintersAsync(): Promise<PrinterInfo[]>;
}

export function printOptions(printer: string | null): WebContentsPrintOptions {
  return {
    silent: printer !== null,
    ...(printer !== null ? { deviceName: printer } : {}),
    printBackground: false,
    pageSize: 'A4',
    landscape: false,
    scaleFactor: 100,
    margins: { marginType: 'none' },
  };
}

function hostPrinters(list: PrinterInfo[]): HostPrinter[] {
  return list.map((printer) => ({ name: printer.name, displayName: printer.displayName || printer.name }));
}

/** Prints `contents` to `printer` (checked against the system's list first) or through the dialog. */
export async function printContents(contents: PrintingContents, printer: unknown): Promise<PrintOutcome> {
  if (printer !== null && (typeof printer !== 'string' || printer.length === 0 || printer.length > 300)) return { status: 'failed', reason: 'invalid printer name' };
  if (printer !== null && !(await contents.getPrintersAsync()).some((known) => known.name === printer)) {
    return { status: 'failed', reason: `no printer named ${printer}` };
  }
  return new Promise((resolve) => {
    contents.print(printOptions(printer), (success, failureReason) => {
      if (success) resolve({ status: 'printed' });
      else if (failureReason === 'cancelled') resolve({ status: 'cancelled' });
      else resolve({ status: 'failed', reason: failureReason || 'failed' });
    });
  });
}

type Sender = IpcMainInvokeEvent & { sender: PrintingContents };

export function registerPrinting(ipcMain: Pick<IpcMain, 'handle'>, options: IpcOptions): void {
  const trusted = (event: IpcMainInvokeEvent) => options.isTrustedSender(event.senderFrame?.url ?? '');
  ipcMain.handle(IPC_PRINT, async (event, printer: unknown): Promise<PrintOutcome> => {
    if (!trusted(event)) return { status: 'failed', reason: 'not the app window' };
    return printContents((event as Sender).sender, printer);
  });
  ipcMain.handle(IPC_PRINTERS, async (event): Promise<HostPrinter[]> => (trusted(event) ? hostPrinters(await (event as Sender).sender.getPrintersAsync()) : []));
}
