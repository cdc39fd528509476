import canonicalize from 'canonicalize';
import { ArmError } from '../api/errors';
import { sha256Hex, utf8Bytes } from './bytes';

/**
 * RFC 8785 (JCS) canonical JSON: what is signed must serialise to the same bytes on the АРМ, in
 * the gateway and in any third-party checker, whatever the key order the writer used.
 */
export function canonicalJson(value: unknown): string {
  let text: string | undefined;
  try {
    text = canonicalize(value);
  } catch (error) {
    throw new ArmError('VALIDATION_FAILED', `Not representable as canonical JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
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
