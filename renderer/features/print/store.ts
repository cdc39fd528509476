import { create } from 'zustand';
import type { PrintedKind } from '../../../shared/api';

// The one PDF viewer of the app (PdfViewer.tsx): any screen opens a printed form in it.

export interface ViewedPdf {
  /** The PDF as the core gave it (base64). */
  pdf: string;
  fileName: string;
  /** Which workstation printer it goes to (print.printers). */
  kind: PrintedKind;
  /** The dialog's name, e.g. «Расписка № …». */
  title: string;
}

interface ViewerState {
  open: ViewedPdf | null;
  show(pdf: ViewedPdf): void;
  close(): void;
}

export const useViewer = create<ViewerState>((set) => ({
  open: null,
  show: (pdf) => set({ open: pdf }),
  close: () => set({ open: null }),
}));

export function pdfBytes(base64: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
}
