import { A_ROWS, C_HEX, PI } from './streebogConstants';

// GOST R 34.11-2012 «Стрибог» (RFC 6986), 512- and 256-bit. Pure TypeScript so the core, the
// inbox and the gateway emulator share it (Electron's BoringSSL has no GOST). A 512-bit vector is
// kept as 64 bytes, least significant first — the order the bytes of a message come in — and
// worked on as eight 64-bit words, each a (lo, hi) pair of 32-bit halves in a Uint32Array(16).

const WORDS = 8;

/** LPS as eight tables: TABLES[j][b] = L(P(S(b in byte j of a word))) (the usual precomputation). */
const TABLES: Uint32Array = (() => {
  const rows = A_ROWS.map((hex) => [Number.parseInt(hex.slice(8), 16) >>> 0, Number.parseInt(hex.slice(0, 8), 16) >>> 0] as const);
  const tables = new Uint32Array(WORDS * 256 * 2);
  for (let j = 0; j < WORDS; j++) {
    for (let b = 0; b < 256; b++) {
      const s = PI[b]!;
      let lo = 0;
      let hi = 0;
      // Bit k of the 64-bit input selects row A[63 − k]; the byte sits at bits 8j … 8j + 7.
      for (let bit = 0; bit < 8; bit++) {
        if ((s >> bit) & 1) {
          const row = rows[63 - (8 * j + bit)]!;
          lo ^= row[0];
          hi ^= row[1];
        }
      }
      const at = (j * 256 + b) * 2;
      tables[at] = lo >>> 0;
      tables[at + 1] = hi >>> 0;
    }
  }
  return tables;
})();

function fromHexBigEndian(hex: string): Uint32Array {
  const out = new Uint32Array(16);
  for (let byte = 0; byte < 64; byte++) {
    const value = Number.parseInt(hex.slice(126 - 2 * byte, 128 - 2 * byte), 16);
    out[byte >> 2]! |= value << (8 * (byte & 3));
  }
  return out;
}

const C = C_HEX.map(fromHexBigEndian);

/** out = LPS(a ⊕ b); out may be a or b. */
function xlps(a: Uint32Array, b: Uint32Array, out: Uint32Array): void {
  const x = new Uint32Array(16);
  for (let i = 0; i < 16; i++) x[i] = a[i]! ^ b[i]!;
  for (let i = 0; i < WORDS; i++) {
    // Byte i of word j lives in half (i < 4 ? lo : hi) at shift 8·(i mod 4).
    const half = i < 4 ? 0 : 1;
    const shift = 8 * (i & 3);
    let lo = 0;
    let hi = 0;
    for (let j = 0; j < WORDS; j++) {
      const b = (x[2 * j + half]! >>> shift) & 0xff;
      const at = (j * 256 + b) * 2;
      lo ^= TABLES[at]!;
      hi ^= TABLES[at + 1]!;
    }
    out[2 * i] = lo >>> 0;
    out[2 * i + 1] = hi >>> 0;
  }
}

/** g_N(h, m) = E(LPS(h ⊕ N), m) ⊕ h ⊕ m, written into h. */
function compress(h: Uint32Array, n: Uint32Array, m: Uint32Array): void {
  const key = new Uint32Array(16);
  xlps(h, n, key);
  const state = new Uint32Array(16);
  for (let i = 0; i < 16; i++) state[i] = key[i]! ^ m[i]!;
  for (let round = 0; round < 12; round++) {
    xlps(state, ZERO, state);
    xlps(key, C[round]!, key);
    for (let i = 0; i < 16; i++) state[i]! ^= key[i]!;
  }
  for (let i = 0; i < 16; i++) h[i]! ^= state[i]! ^ m[i]!;
}

const ZERO = new Uint32Array(16);

/** a = (a + b) mod 2^512. */
function add512(a: Uint32Array, b: Uint32Array): void {
  let carry = 0;
  for (let i = 0; i < 16; i++) {
    const sum = a[i]! + b[i]! + carry;
    a[i] = sum >>> 0;
    carry = sum > 0xffffffff ? 1 : 0;
  }
}

function block(bytes: Uint8Array, offset: number, length: number): Uint32Array {
  const out = new Uint32Array(16);
  for (let i = 0; i < length; i++) out[i >> 2]! |= bytes[offset + i]! << (8 * (i & 3));
  return out;
}

function hash(message: Uint8Array, bits: 256 | 512): Uint8Array {
  const h = new Uint32Array(16).fill(bits === 256 ? 0x01010101 : 0);
  const n = new Uint32Array(16);
  const sigma = new Uint32Array(16);
  const blockBits = new Uint32Array(16);
  blockBits[0] = 512;
  let offset = 0;
  for (; message.length - offset >= 64; offset += 64) {
    const m = block(message, offset, 64);
    compress(h, n, m);
    add512(n, blockBits);
    add512(sigma, m);
  }
  // The rest (possibly nothing) padded with a single 1 bit, then zeros (§8.1 step 2).
  const rest = message.length - offset;
  const m = block(message, offset, rest);
  m[rest >> 2]! |= 1 << (8 * (rest & 3));
  compress(h, n, m);
  const restBits = new Uint32Array(16);
  restBits[0] = rest * 8;
  add512(n, restBits);
  add512(sigma, m);
  compress(h, ZERO, n);
  compress(h, ZERO, sigma);
  const out = new Uint8Array(64);
  for (let i = 0; i < 64; i++) out[i] = (h[i >> 2]! >>> (8 * (i & 3))) & 0xff;
  // The 256-bit hash is the most significant half (MSB₂₅₆), i.e. the last 32 bytes in this order.
  return bits === 512 ? out : out.slice(32);
}

/**
 * Streebog-512 of `message`, the bytes in the order OpenSSL prints them (`openssl dgst
 * -md_gost12_512`); RFC 6986 writes the same value as a number, i.e. these bytes reversed.
 */
export function streebog512(message: Uint8Array): Uint8Array {
  return hash(message, 512);
}

export function streebog256(message: Uint8Array): Uint8Array {
  return hash(message, 256);
}
