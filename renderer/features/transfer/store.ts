import { create } from 'zustand';
import type { TransferImportResult } from '../../../shared/api';
import { arm } from '../../app/api';

interface TransferState {
  exported: number | null;
  imported: TransferImportResult | null;
  busy: boolean;
  error: unknown;
  exportFile(password: string): Promise<void>;
  importFile(file: File, password: string): Promise<void>;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let index = 0; index < bytes.length; index += 0x8000) binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  return btoa(binary);
}

export const useTransfer = create<TransferState>((set) => ({
  exported: null,
  imported: null,
  busy: false,
  error: null,
  exportFile: async (password) => {
    set({ busy: true, error: null, exported: null, imported: null });
    try {
      const file = await arm.transfer.export({ password });
      const bytes = Uint8Array.from(atob(file.base64), (char) => char.charCodeAt(0));
      const url = URL.createObjectURL(new Blob([bytes], { type: 'application/octet-stream' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = file.fileName;
      link.click();
      URL.revokeObjectURL(url);
      set({ exported: file.requests });
    } catch (error) {
      set({ error });
    } finally {
      set({ busy: false });
    }
  },
  importFile: async (file, password) => {
    set({ busy: true, error: null, exported: null, imported: null });
    try {
      const base64 = toBase64(new Uint8Array(await file.arrayBuffer()));
      set({ imported: await arm.transfer.import({ file: base64, password }) });
    } catch (error) {
      set({ error });
    } finally {
      set({ busy: false });
    }
  },
}));
