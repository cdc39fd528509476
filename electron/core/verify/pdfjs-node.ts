// PDF.js builds a DOMMatrix when it loads (its canvas code) and, in Node, borrows one from the
// optional @napi-rs/canvas, which the packaged АРМ does not carry. The core only reads text and
// images, never renders, so a plain matrix is enough; set before PDF.js loads (read.ts imports
// this module first), the same in development and in the package.
class PlainMatrix {
  a = 1;
  b = 0;
  c = 0;
  d = 1;
  e = 0;
  f = 0;
  constructor(init?: number[]) {
    if (init?.length === 6) [this.a, this.b, this.c, this.d, this.e, this.f] = init as [number, number, number, number, number, number];
  }
}

const scope = globalThis as { DOMMatrix?: unknown };
scope.DOMMatrix ??= PlainMatrix;
