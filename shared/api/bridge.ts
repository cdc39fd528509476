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

/** The Electron host's printing (electron/printing.ts), on `window.armPrinting`; absent in the browser. */
export const IPC_PRINT = 'arm:print';
export const IPC_PRINTERS = 'arm:printers';

/** A printer as the operating system lists it. */
export interface HostPrinter {
  name: string;
  displayName: string;
}

/** printed; cancelled in the system dialog; failed (no such printer, spooler error) with the host's reason. */
export type PrintOutcome = { status: 'printed' } | { status: 'cancelled' } | { status: 'failed'; reason: string };

export interface ArmPrinting {
  /** Prints the window as it is laid out for print (the open PDF viewer's pages): to `printer`, or through the system dialog when null. */
  print(printer: string | null): Promise<PrintOutcome>;
  printers(): Promise<HostPrinter[]>;
}
