// A QR code drawn as vector paths (the АРМ's results and receipts, pdf/qr.ts: one filled rectangle
// per run of dark modules) has no image for the decoder. This paints a page's dark, axis-aligned
// filled rectangles into a bitmap — the page rendered, for the only shapes a QR is made of —
// without a canvas, from PDF.js's operator list.

/** The PDF.js operator codes this reads (its OPS table). */
export interface PathOps {
  save: number;
  restore: number;
  transform: number;
  setFillRGBColor: number;
  constructPath: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
}

/** PDF.js's path buffer codes (DrawOPS): moveTo, lineTo, curveTo, quadraticCurveTo, closePath. */
const DRAW = { moveTo: 0, lineTo: 1, curveTo: 2, quadraticCurveTo: 3, closePath: 4 } as const;

type Matrix = [number, number, number, number, number, number];
interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Pixels per PDF point: a version-30 QR at 170 pt has 1.24 pt modules, 5 pixels each. */
const SCALE = 4;
/** White margin around the painted area, in pixels (the decoder wants a quiet zone). */
const PAD = 16;
/** Bitmaps past this many pixels a side are not painted (nothing a QR on a page needs). */
const MAX_SIDE = 4000;

const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];

const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/** '#rrggbb' darker than mid-grey. */
function isDark(hex: string): boolean {
  const value = /^#([0-9a-f]{6})$/i.exec(hex)?.[1];
  if (!value) return false;
  const [r, g, b] = [0, 2, 4].map((at) => Number.parseInt(value.slice(at, at + 2), 16)) as [number, number, number];
  return 0.299 * r + 0.587 * g + 0.114 * b < 128;
}

/** The axis-aligned rectangles (in page space) of a path buffer; curves and other shapes are skipped. */
function rectangles(path: ArrayLike<number>, ctm: Matrix): Box[] {
  const boxes: Box[] = [];
  let points: Array<[number, number]> = [];
  let curved = false;
  const close = () => {
    if (!curved && (points.length === 4 || (points.length === 5 && points[4]![0] === points[0]![0] && points[4]![1] === points[0]![1]))) {
      const corners = points.slice(0, 4);
      const xs = [...new Set(corners.map(([x]) => Math.round(x * 1000)))];
      const ys = [...new Set(corners.map(([, y]) => Math.round(y * 1000)))];
      if (xs.length === 2 && ys.length === 2) {
        boxes.push({ x0: Math.min(...xs) / 1000, y0: Math.min(...ys) / 1000, x1: Math.max(...xs) / 1000, y1: Math.max(...ys) / 1000 });
      }
    }
    points = [];
    curved = false;
  };
  for (let i = 0; i < path.length; ) {
    const op = path[i++];
    if (op === DRAW.moveTo) {
      close();
      points.push(apply(ctm, path[i]!, path[i + 1]!));
      i += 2;
    } else if (op === DRAW.lineTo) {
      points.push(apply(ctm, path[i]!, path[i + 1]!));
      i += 2;
    } else if (op === DRAW.curveTo) {
      curved = true;
      i += 6;
    } else if (op === DRAW.quadraticCurveTo) {
      curved = true;
      i += 4;
    } else if (op === DRAW.closePath) {
      close();
    } else {
      return boxes; // an unknown code: the rest cannot be read
    }
  }
  close();
  return boxes;
}

/** The dark filled rectangles of one page's operator list, in page space (points). */
export function darkRectangles(fnArray: ArrayLike<number>, argsArray: ArrayLike<unknown>, ops: PathOps): Box[] {
  const fills = new Set([ops.fill, ops.eoFill, ops.fillStroke, ops.eoFillStroke]);
  let state = { ctm: [1, 0, 0, 1, 0, 0] as Matrix, dark: true };
  const stack: (typeof state)[] = [];
  const boxes: Box[] = [];
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    if (fn === ops.save) stack.push({ ...state });
    else if (fn === ops.restore) state = stack.pop() ?? state;
    else if (fn === ops.transform && args?.length === 6) state = { ...state, ctm: multiply(args as Matrix, state.ctm) };
    else if (fn === ops.setFillRGBColor && typeof args?.[0] === 'string') state = { ...state, dark: isDark(args[0]) };
    else if (fn === ops.constructPath && args && fills.has(args[0] as number) && state.dark) {
      const path = (args[1] as ArrayLike<unknown> | undefined)?.[0];
      if (path && typeof (path as ArrayLike<number>).length === 'number') boxes.push(...rectangles(path as ArrayLike<number>, state.ctm));
    }
  }
  return boxes;
}

/** The rectangles painted black on white, RGBA, SCALE pixels a point; null when there is nothing to paint. */
export function paint(boxes: Box[]): { data: Uint8ClampedArray; width: number; height: number } | null {
  if (boxes.length === 0) return null;
  const left = Math.min(...boxes.map((box) => box.x0));
  const bottom = Math.min(...boxes.map((box) => box.y0));
  const width = Math.ceil((Math.max(...boxes.map((box) => box.x1)) - left) * SCALE) + 2 * PAD;
  const height = Math.ceil((Math.max(...boxes.map((box) => box.y1)) - bottom) * SCALE) + 2 * PAD;
  if (width > MAX_SIDE || height > MAX_SIDE) return null;
  const data = new Uint8ClampedArray(width * height * 4).fill(255);
  for (const box of boxes) {
    // Page space grows upwards, the bitmap's rows downwards.
    const x0 = Math.round((box.x0 - left) * SCALE) + PAD;
    const x1 = Math.round((box.x1 - left) * SCALE) + PAD;
    const y0 = height - (Math.round((box.y1 - bottom) * SCALE) + PAD);
    const y1 = height - (Math.round((box.y0 - bottom) * SCALE) + PAD);
    for (let y = Math.max(0, y0); y < Math.min(height, y1); y++) {
      const row = y * width * 4;
      for (let x = Math.max(0, x0); x < Math.min(width, x1); x++) data.fill(0, row + x * 4, row + x * 4 + 3);
    }
  }
  return { data, width, height };
}
