// The one upload limit: a scanned page, an uploaded file, a gateway attachment. The gateway's
// own limit (20 MiB) decides, so a file the АРМ accepts is never refused at the gateway.
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/**
 * The largest JSON body the web host accepts (413 past it, before parsing). Files never travel in
 * JSON (binary channels, shared/api/channel.ts), so this is the size of a call, not of a file:
 * the largest is the CRLs a supervisor pastes as PEM (trust.crls; НУЦ РК's run to a few MiB).
 */
export const MAX_HOST_BODY_BYTES = 8 * 1024 * 1024;

/**
 * How deep a call's input may nest. The contract's deepest input is a handful of levels; a
 * payload nested thousands deep would overflow the stack in schema validation (a 500), so the
 * hosts' one door refuses it before validating.
 */
export const MAX_INPUT_DEPTH = 32;

/** True when `value` nests arrays/objects deeper than `max`; iterative, so any depth is safe to ask. */
export function nestsDeeperThan(value: unknown, max: number = MAX_INPUT_DEPTH): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    // A file's bytes (a binary channel's field) are a leaf, not millions of children.
    if (current === null || typeof current !== 'object' || ArrayBuffer.isView(current)) continue;
    if (depth >= max) return true;
    for (const child of Array.isArray(current) ? current : Object.values(current)) stack.push([child, depth + 1]);
  }
  return false;
}
