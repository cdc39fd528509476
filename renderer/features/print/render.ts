import { getDocument, GlobalWorkerOptions } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

// PDF.js draws each page on a canvas: the app's own files only (the worker is bundled; fonts are
// drawn as paths, no eval), so the CSP needs nothing new. Loaded with the viewer, not at startup.
GlobalWorkerOptions.workerSrc = workerUrl;

/** Pixels per CSS pixel: sharp on screen and enough for a 150-dpi A4 printout. */
const SCALE = 2;

/** Draws every page into `container` (emptied first); returns the page count. */
export async function renderPages(bytes: Uint8Array, container: HTMLElement, pageLabel: (page: number) => string, signal: AbortSignal): Promise<number> {
  const task = getDocument({ data: bytes, isEvalSupported: false, disableFontFace: true, useSystemFonts: false });
  signal.addEventListener('abort', () => void task.destroy());
  const document = await task.promise;
  container.replaceChildren();
  for (let number = 1; number <= document.numPages; number += 1) {
    if (signal.aborted) break;
    const page = await document.getPage(number);
    const viewport = page.getViewport({ scale: SCALE });
    const canvas = container.ownerDocument.createElement('canvas');
    canvas.width = Math.floor(viewport.width);
    canvas.height = Math.floor(viewport.height);
    canvas.className = 'pdf-page';
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', pageLabel(number));
    container.append(canvas);
    await page.render({ canvas, viewport }).promise;
  }
  return document.numPages;
}

/** The first page drawn `width` pixels wide (a thumbnail). */
export async function firstPage(bytes: Uint8Array, canvas: HTMLCanvasElement, width: number): Promise<void> {
  const task = getDocument({ data: bytes, isEvalSupported: false, disableFontFace: true, useSystemFonts: false });
  try {
    const page = await (await task.promise).getPage(1);
    const viewport = page.getViewport({ scale: width / page.getViewport({ scale: 1 }).width });
    canvas.width = Math.floor(viewport.width);
    canvas.height = Math.floor(viewport.height);
    await page.render({ canvas, viewport }).promise;
  } finally {
    void task.destroy();
  }
}
