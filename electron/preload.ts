import { contextBridge, ipcRenderer } from 'electron';
import { IPC_INVOKE, IPC_PRINT, IPC_PRINTERS, type ArmBridge, type ArmPrinting } from '../shared/api/bridge';

// The page gets the contract's transport and printing, nothing else: no ipcRenderer, no Node.
const bridge: ArmBridge = {
  invoke: (channel, input) => ipcRenderer.invoke(IPC_INVOKE, channel, input),
};
contextBridge.exposeInMainWorld('armBridge', bridge);

// And printing this window (electron/printing.ts): the PDF viewer's pages to a printer.
const printing: ArmPrinting = {
  print: (printer) => ipcRenderer.invoke(IPC_PRINT, printer),
  printers: () => ipcRenderer.invoke(IPC_PRINTERS),
};
contextBridge.exposeInMainWorld('armPrinting', printing);
