import { create } from 'zustand';
import type { PrintVerdict } from '../../../shared/api';
import { arm } from '../../app/api';

interface VerifyState {
  verdict: PrintVerdict | null;
  fileName: string | null;
  busy: boolean;
  error: unknown;
  scanners: Array<{ device: string; description: string }> | null;
  check(file: File): Promise<void>;
  loadScanners(): Promise<void>;
  scan(device: string): Promise<void>;
}

/** Checking a printed result: the core reads the file or the scanner and answers a verdict. */
export const useVerify = create<VerifyState>((set) => {
  async function run(fileName: string, action: () => Promise<PrintVerdict>): Promise<void> {
    set({ busy: true, error: null, verdict: null, fileName });
    try {
      set({ verdict: await action() });
    } catch (error) {
      set({ error });
    } finally {
      set({ busy: false });
    }
  }
  return {
    verdict: null,
    fileName: null,
    busy: false,
    error: null,
    scanners: null,
    check: (file) => run(file.name, async () => arm.verify.print({ fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })),
    loadScanners: async () => {
      try {
        set({ scanners: await arm.documents.scanners() });
      } catch {
        set({ scanners: [] });
      }
    },
    scan: (device) => run(device, () => arm.verify.scan({ device })),
  };
});
