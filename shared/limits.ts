// The one upload limit: a scanned page, an uploaded file, a gateway attachment. The gateway's
// own limit (20 MiB) decides, so a file the АРМ accepts is never refused at the gateway.
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/** Length of the base64 text of `bytes` bytes (padded), for schemas that carry files as base64. */
export function base64Length(bytes: number): number {
  return Math.ceil(bytes / 3) * 4;
}

/** A file at the limit as base64, the largest file field a JSON body may carry. */
export const MAX_UPLOAD_BASE64 = base64Length(MAX_UPLOAD_BYTES);

/**
 * The largest JSON body a host accepts: one file at the limit in base64 and room for the rest
 * of the call (names, ids). Hosts refuse more with 413 before parsing.
 */
export const MAX_HOST_BODY_BYTES = MAX_UPLOAD_BASE64 + 1024 * 1024;

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
    if (current === null || typeof current !== 'object') continue;
    if (depth >= max) return true;
    for (const child of Array.isArray(current) ? current : Object.values(current)) stack.push([child, depth + 1]);
  }
  return false;
}
