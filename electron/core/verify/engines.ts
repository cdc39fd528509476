import './pdfjs-node';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import * as pdfjsWorker from 'pdfjs-dist/legacy/build/pdf.worker.mjs';

// The reading engines, loaded by read.ts on the first verification and bundled on their own
// (build/node/verify-engines.cjs): PDF.js for a PDF's text and images, ZXing for the QR codes.

// PDF.js runs its worker in this thread when it finds the worker's handler here (Node has no Worker for it).
(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = pdfjsWorker;

export { pdfjs };
export { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
export { default as zxingWasm } from 'zxing-wasm/reader/zxing_reader.wasm';
