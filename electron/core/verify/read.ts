import { ArmError } from '../../../shared/api';
import { darkRectangles, paint } from './vector';

// Reading a printed result back: the QR codes and the page text of a PDF, or the QR codes of a
// photo or scan (PNG, JPEG, BMP, GIF). ZXing-C++ in WebAssembly (zxing-wasm) reads the codes; its
// .wasm is imported as bytes (esbuild's binary loader, a Vitest plugin), never fetched (the
// package's default is a CDN). PDF.js (pdfjs-dist, legacy build for Node) gives the text and the
// decoded page images without a canvas, its worker in this thread: a scanned PDF's QR is an
// image; the АРМ draws its own as vector paths, which vector.ts paints from the operator list.

// PDF.js and ZXing are 4.6 MB of code that most sessions never run: they load on the first
// verification, from their own bundle in the package (scripts/build-node.mjs), so the core's
// resident memory does not carry them (core.rss_mb in npm run bench).
type Engines = typeof import('./engines');
let engines: Promise<Engines> | null = null;
let zxing: Promise<unknown> | null = null;

function loadEngines(): Promise<Engines> {
  engines ??= import('./engines');
  return engines;
}

async function loadZxing(): Promise<Engines> {
  const loaded = await loadEngines();
  // The bundlers give the .wasm as bytes; the package's type says a file path (its esbuild "file" use).
  const wasmBinary = loaded.zxingWasm as unknown as Uint8Array;
  zxing ??= loaded.prepareZXingModule({ overrides: { wasmBinary: wasmBinary.buffer.slice(wasmBinary.byteOffset, wasmBinary.byteOffset + wasmBinary.byteLength) as ArrayBuffer }, fireImmediately: true });
  await zxing;
  return loaded;
}

const READER = { formats: ['QRCode' as const], tryHarder: true, tryRotate: true, tryInvert: false, tryDownscale: true, maxNumberOfSymbols: 4 };

/** The QR texts of an encoded image, or of raw RGBA pixels. */
export async function readCodes(image: Uint8Array | { data: Uint8ClampedArray; width: number; height: number }): Promise<string[]> {
  const { readBarcodes } = await loadZxing();
  // zxing-wasm takes any { data, width, height } as ImageData (RGBA); Node has no ImageData class.
  const input = image instanceof Uint8Array ? image : (image as unknown as Parameters<typeof readBarcodes>[0]);
  const results = await readBarcodes(input, READER);
  return results.filter((result) => result.isValid).map((result) => result.text);
}


interface PdfImage {
  width: number;
  height: number;
  data: Uint8Array | Uint8ClampedArray;
  kind?: number;
}

/** PDF.js image kinds: 1 = 1 bit grayscale, 2 = RGB 24 bit, 3 = RGBA 32 bit. */
function toRgba(image: PdfImage): Uint8ClampedArray | null {
  const pixels = image.width * image.height;
  if (image.kind === 3 || image.data.length === pixels * 4) return new Uint8ClampedArray(image.data);
  const rgba = new Uint8ClampedArray(pixels * 4);
  if (image.kind === 2 || image.data.length === pixels * 3) {
    for (let i = 0; i < pixels; i++) rgba.set([image.data[i * 3]!, image.data[i * 3 + 1]!, image.data[i * 3 + 2]!, 255], i * 4);
    return rgba;
  }
  if (image.kind === 1) {
    const rowBytes = Math.ceil(image.width / 8);
    for (let y = 0; y < image.height; y++)
      for (let x = 0; x < image.width; x++) {
        const value = (image.data[y * rowBytes + (x >> 3)]! >> (7 - (x & 7))) & 1 ? 255 : 0;
        rgba.set([value, value, value, 255], (y * image.width + x) * 4);
      }
    return rgba;
  }
  return null;
}

export interface ReadPrint {
  kind: 'pdf' | 'image';
  codes: string[];
  /** The PDF's text, page by page (null for an image). */
  pages: string[] | null;
}

const isPdf = (bytes: Uint8Array) => bytes.length > 5 && Buffer.from(bytes.subarray(0, 1024)).includes('%PDF-');

/** PNG, JPEG, BMP, GIF by their magic bytes: what the decoder reads (scanners give PNG, phones JPEG). */
const isImage = (bytes: Uint8Array) => {
  const head = Buffer.from(bytes.subarray(0, 4));
  return head.equals(Buffer.from([0x89, 0x50, 0x4e, 0x47])) || (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) || head.subarray(0, 2).toString() === 'BM' || head.toString() === 'GIF8';
};

async function readPdf(bytes: Uint8Array): Promise<ReadPrint> {
  const { getDocument, OPS } = (await loadEngines()).pdfjs;
  let document;
  try {
    document = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  } catch {
    throw new ArmError('FILE_TYPE', 'The PDF cannot be read.');
  }
  try {
    const codes: string[] = [];
    const pages: string[] = [];
    for (let number = 1; number <= Math.min(document.numPages, 20); number++) {
      const page = await document.getPage(number);
      const text = await page.getTextContent();
      pages.push(text.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
      const operators = await page.getOperatorList();
      for (let i = 0; i < operators.fnArray.length; i++) {
        if (operators.fnArray[i] !== OPS.paintImageXObject) continue;
        const name = operators.argsArray[i][0] as string;
        const image = await new Promise<PdfImage | null>((resolve) => {
          const objects = name.startsWith('g_') ? page.commonObjs : page.objs;
          objects.get(name, (value: PdfImage | null) => resolve(value));
        });
        const rgba = image && toRgba(image);
        if (rgba) codes.push(...(await readCodes({ data: rgba, width: image.width, height: image.height })));
      }
      const painted = paint(darkRectangles(operators.fnArray, operators.argsArray, OPS));
      if (painted) codes.push(...(await readCodes(painted)));
      page.cleanup();
    }
    return { kind: 'pdf', codes, pages };
  } finally {
    await document.destroy();
  }
}

/** The QR codes (and, for a PDF, the text) of a file the user opened or scanned. */
export async function readPrint(bytes: Uint8Array): Promise<ReadPrint> {
  if (bytes.length === 0) throw new ArmError('FILE_EMPTY', 'The file is empty.');
  if (isPdf(bytes)) return readPdf(bytes);
  if (!isImage(bytes)) throw new ArmError('FILE_TYPE', 'The file is neither a PDF nor an image (PNG, JPEG, BMP, GIF).');
  let codes: string[];
  try {
    codes = await readCodes(bytes);
  } catch {
    throw new ArmError('FILE_TYPE', 'The image cannot be read.');
  }
  return { kind: 'image', codes, pages: null };
}
