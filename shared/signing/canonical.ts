import canonicalize from 'canonicalize';
import { ArmError } from '../api/errors';
import { sha256Hex, utf8Bytes } from './bytes';

/**
 * The first place in `value` that is not plain JSON, or null. canonicalize follows JSON.stringify and
 * would quietly turn undefined into null, drop functions and write a Map as {}: what is signed must
 * be exactly what the caller holds, so such values are refused instead.
 */
function notJson(value: unknown, path: string): string | null {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? null : path;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = notJson(item, `${path}[${index}]`);
      if (found) return found;
    }
    return null;
  }
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [key, item] of Object.entries(value)) {
      const found = notJson(item, `${path}.${key}`);
      if (found) return found;
    }
    return null;
  }
  return path;
}

/**
 * RFC 8785 (JCS) canonical JSON: what is signed must serialise to the same bytes on the АРМ, in
 * the gateway and in any third-party checker, whatever the key order the writer used.
 */
export function canonicalJson(value: unknown): string {
  const bad = notJson(value, '$');
  if (bad) throw new ArmError('VALIDATION_FAILED', 'Not representable as canonical JSON.', [{ path: bad, message: 'not a JSON value' }]);
  const text = canonicalize(value);
  if (text === undefined) throw new ArmError('VALIDATION_FAILED', 'Not representable as canonical JSON.');
  return text;
}

/** The exact bytes a signature covers: UTF-8 of the canonical JSON. */
export function canonicalBytes(value: unknown): Uint8Array {
  return utf8Bytes(canonicalJson(value));
}

export function canonicalSha256(value: unknown): string {
  return sha256Hex(canonicalBytes(value));
}
