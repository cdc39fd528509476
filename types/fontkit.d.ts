// fontkit 2 ships no types; the АРМ only parses a font once and hands it to pdfkit.
declare module 'fontkit' {
  export interface Font {
    postscriptName: string;
    layout(text: string): unknown;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
