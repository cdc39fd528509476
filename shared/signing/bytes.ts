import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex } from '@noble/hashes/utils';
import forge from 'node-forge';

// node-forge speaks "binary strings" (one char per byte); the rest of the АРМ speaks Uint8Array.
// These helpers keep that conversion in one place and out of Node's Buffer, so shared/ stays pure.

/** Chunked: forge's own encoder spreads the whole array into one call and overflows the stack on a large content (the signed catalog). */
export function toBinary(bytes: Uint8Array): string {
  const CHUNK = 0x8000;
  if (bytes.length <= CHUNK) return forge.util.binary.raw.encode(bytes);
  let binary = '';
  for (let start = 0; start < bytes.length; start += CHUNK) binary += forge.util.binary.raw.encode(bytes.subarray(start, start + CHUNK));
  return binary;
}

export function fromBinary(binary: string): Uint8Array {
  return forge.util.binary.raw.decode(binary);
}

export function toBase64(bytes: Uint8Array): string {
  return forge.util.encode64(toBinary(bytes));
}

/** Strict: anything but canonical base64 (whitespace aside) is refused, so garbage never reaches the parsers. */
export function fromBase64(text: string): Uint8Array | null {
  const compact = text.replace(/\s+/g, '');
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(compact)) return null;
  // The host's atob (Node and the browser alike), checked above: 5 µs for a signature where forge's
  // decoder took 30–40 (the gateway decodes one for every message).
  const binary = atob(compact);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

export function utf8Bytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/**
 * @noble/hashes works on the bytes themselves: forge needed them as a binary string first, which
 * cost 3 ms per 100 KB body signed for the gateway (most of the outbox's time per request).
 */
export function sha256Hex(bytes: Uint8Array): string {
  return bytesToHex(sha256(bytes));
}
