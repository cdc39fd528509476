import type { ArmPrinting, PrintOutcome } from '../../../shared/api';

declare global {
  interface Window {
    /** Put there by electron/preload.ts; absent in the browser host. */
    armPrinting?: ArmPrinting;
  }
}

/** 'dialog': the browser's own print dialog was shown (the web host cannot tell what happened in it). */
export type ViewerPrintOutcome = PrintOutcome | { status: 'dialog' };

/**
 * Prints the open viewer: in Electron to this workstation's printer for the document's kind (or
 * the system dialog when none is set); in the browser through its print dialog. Either way what
 * prints is the viewer's pages, laid out by the print style sheet.
 */
export async function printViewer(host: Pick<Window, 'armPrinting' | 'print'>, printer: () => Promise<string | null>): Promise<ViewerPrintOutcome> {
  if (host.armPrinting) return host.armPrinting.print(await printer());
  host.print();
  return { status: 'dialog' };
}
