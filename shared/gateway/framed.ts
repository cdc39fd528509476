// A framed body: a JSON head and raw byte parts in one HTTP body, so files ride as bytes rather
// than as base64 inside JSON (a third more to send, and both sides encoding, escaping and
// scanning every byte of it). Layout: the part count, each part's length (32-bit big-endian
// integers), then the parts one after another; part 0 is the UTF-8 JSON head.

const WORD = 4;

export function encodeFrames(parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const headerBytes = WORD * (1 + parts.length);
  const out = new Uint8Array(headerBytes + parts.reduce((sum, part) => sum + part.length, 0));
  const view = new DataView(out.buffer);
  view.setUint32(0, parts.length);
  let offset = headerBytes;
  parts.forEach((part, index) => {
    view.setUint32(WORD * (1 + index), part.length);
    out.set(part, offset);
    offset += part.length;
  });
  return out;
}

/** The parts (views into `body`, no copies), or null when the lengths do not add up to the body. */
export function decodeFrames<B extends Uint8Array>(body: B): B[] | null {
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  if (body.length < WORD) return null;
  const count = view.getUint32(0);
  const headerBytes = WORD * (1 + count);
  if (count === 0 || headerBytes > body.length) return null;
  const parts: B[] = [];
  let offset = headerBytes;
  for (let index = 0; index < count; index++) {
    const length = view.getUint32(WORD * (1 + index));
    if (offset + length > body.length) return null;
    parts.push(body.subarray(offset, offset + length) as B);
    offset += length;
  }
  return offset === body.length ? parts : null;
}
