// PDF.js's worker module, imported so the worker runs in the core's own thread
// (electron/core/verify/read.ts); only its presence matters, not its members.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
