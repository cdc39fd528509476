import { contextBridge, ipcRenderer } from 'electron';
import { IPC_INVOKE, type ArmBridge } from '../shared/api/bridge';

// The page gets the contract's transport and nothing else: no ipcRenderer, no Node.
const bridge: ArmBridge = {
  invoke: (channel, input) => ipcRenderer.invoke(IPC_INVOKE, channel, input),
};
contextBridge.exposeInMainWorld('armBridge', bridge);
