import { invert, mod } from '@noble/curves/abstract/modular.js';
import { weierstrass, type WeierstrassPointCons } from '@noble/curves/abstract/weierstrass.js';

// GOST R 34.10-2012 (= ГОСТ 34.10-2015 in Kazakhstan) signatures over the curves of RFC 4357 /
// RFC 7836, with the point arithmetic of @noble/curves. The formulas are those of the standard
// (§6.1, §6.2): e = h mod q (1 when 0), r = x(kP) mod q, s = rd + ke mod q; verification checks
// x(s·e⁻¹·P − r·e⁻¹·Q) mod q = r. The hash h is Streebog's output read as a little-endian number.

export interface GostCurve {
  name: string;
  /** 32 for the 256-bit curves, 64 for the 512-bit ones: the length of q, x, y, r, s in bytes. */
  size: 32 | 64;
  q: bigint;
  Point: WeierstrassPointCons<bigint>;
}

function curve(name: string, size: 32 | 64, hex: { p: string; a: string; b: string; q: string; x: string; y: string; h: number }): GostCurve {
  const big = (value: string) => BigInt(`0x${value}`);
  const Point = weierstrass({ p: big(hex.p), a: big(hex.a), b: big(hex.b), n: big(hex.q), h: BigInt(hex.h), Gx: big(hex.x), Gy: big(hex.y) });
  return { name, size, q: big(hex.q), Point };
}

// Parameters as RFC 4357 §11.4 and RFC 7836 Appendix A.1 print them (hex, most significant first).
const P256 = 'FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFD97';
const CRYPTOPRO_A = curve('CryptoPro-A', 32, {
  p: P256,
  a: 'FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFD94',
  b: 'A6',
  q: 'FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF6C611070995AD10045841B09B761B893',
  x: '1',
  y: '8D91E471E0989CDA27DF505A453F2B7635294F2DDF23E3B122ACC99C9E9F1E14',
  h: 1,
});
const CRYPTOPRO_B = curve('CryptoPro-B', 32, {
  p: '8000000000000000000000000000000000000000000000000000000000000C99',
  a: '8000000000000000000000000000000000000000000000000000000000000C96',
  b: '3E1AF419A269A5F866A7D3C25C3DF80AE979259373FF2B182F49D4CE7E1BBC8B',
  q: '800000000000000000000000000000015F700CFFF1A624E5E497161BCC8A198F',
  x: '1',
  y: '3FA8124359F96680B83D1C3EB2C070E5C545C9858D03ECFB744BF8D717717EFC',
  h: 1,
});
const CRYPTOPRO_C = curve('CryptoPro-C', 32, {
  p: '9B9F605F5A858107AB1EC85E6B41C8AACF846E86789051D37998F7B9022D759B',
  a: '9B9F605F5A858107AB1EC85E6B41C8AACF846E86789051D37998F7B9022D7598',
  b: '805A',
  q: '9B9F605F5A858107AB1EC85E6B41C8AA582CA3511EDDFB74F02F3A6598980BB9',
  x: '0',
  y: '41ECE55743711A8C3CBF3783CD08C0EE4D4DC440D4641A8F366E550DFDB3BB67',
  h: 1,
});
/** tc26 256-bit set A: a twisted Edwards curve, here in its Weierstrass form (cofactor 4). */
const TC26_256_A = curve('tc26-256-A', 32, {
  p: P256,
  a: 'C2173F1513981673AF4892C23035A27CE25E2013BF95AA33B22C656F277E7335',
  b: '295F9BAE7428ED9CCC20E7C359A9D41A22FCCD9108E17BF7BA9337A6F8AE9513',
  q: '400000000000000000000000000000000FD8CDDFC87B6635C115AF556C360C67',
  x: '91E38443A5E82C0D880923425712B2BB658B9196932E02C78B2582FE742DAA28',
  y: '32879423AB1A0375895786C4BB46E9565FDE0B5344766740AF268ADB32322E5C',
  h: 4,
});
const P512 = 'FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFDC7';
/** tc26 512-bit set A: the curve of НУЦ РК's GOST 2015 keys (parameters 1.2.398.3.10.1.1.2.2.1). */
export const TC26_512_A = curve('tc26-512-A', 64, {
  p: P512,
  a: 'FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFDC4',
  b: 'E8C2505DEDFC86DDC1BD0B2B6667F1DA34B82574761CB0E879BD081CFD0B6265EE3CB090F30D27614CB4574010DA90DD862EF9D4EBEE4761503190785A71C760',
  q: 'FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF27E69532F48D89116FF22B8D4E0560609B4B38ABFAD2B85DCACDB1411F10B275',
  x: '3',
  y: '7503CFE87A836AE3A61B8816E25450E6CE5E1C93ACF1ABC1778064FDCBEFA921DF1626BE4FD036E93D75E6A50E3A41E98028FE5FC235F5B889A589CB5215F2A4',
  h: 1,
});
const TC26_512_B = curve('tc26-512-B', 64, {
  p: '8000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000006F',
  a: '8000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000006C',
  b: '687D1B459DC841457E3E06CF6F5E2517B97C7D614AF138BCBF85DC806C4B289F3E965D2DB1416D217F8B276FAD1AB69C50F78BEE1FA3106EFB8CCBC7C5140116',
  q: '800000000000000000000000000000000000000000000000000000000000000149A1EC142565A545ACFDB77BD9D40CFA8B996712101BEA0EC6346C54374F25BD',
  x: '2',
  y: '1A8F7EDA389B094C2C071E3647A8940F3C123B697578C213BE6DD9E6C8EC7335DCB228FD1EDF4A39152CBCAAF8C0398828041055F94CEEEC7E21340780FE41BD',
  h: 1,
});
const TC26_512_C = curve('tc26-512-C', 64, {
  p: P512,
  a: 'DC9203E514A721875485A529D2C722FB187BC8980EB866644DE41C68E143064546E861C0E2C9EDD92ADE71F46FCF50FF2AD97F951FDA9F2A2EB6546F39689BD3',
  b: 'B4C4EE28CEBC6C2C8AC12952CF37F16AC7EFB6A9F69F4B57FFDA2E4F0DE5ADE038CBC2FFF719D2C18DE0284B8BFEF3B52B8CC7A5F5BF0A3C8D2319A5312557E1',
  q: '3FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFC98CDBA46506AB004C33A9FF5147502CC8EDA9E7A769A12694623CEF47F023ED',
  x: 'E2E31EDFC23DE7BDEBE241CE593EF5DE2295B7A9CBAEF021D385F7074CEA043AA27272A7AE602BF2A7B9033DB9ED3610C6FB85487EAE97AAC5BC7928C1950148',
  y: 'F5CE40D95B5EB899ABBCCFF5911CB8577939804D6527378B8C108C3D2090FF9BE18E2D33E3021ED2EF32D85822423B6304F726AA854BAE07D0396E9A9ADDC40F',
  h: 4,
});

/** Parameter-set OID → curve: the Russian OIDs (RFC 4357, RFC 7836) and НУЦ РК's own. */
export const GOST_CURVES: Readonly<Record<string, GostCurve>> = {
  '1.2.643.2.2.35.1': CRYPTOPRO_A,
  '1.2.643.2.2.35.2': CRYPTOPRO_B,
  '1.2.643.2.2.35.3': CRYPTOPRO_C,
  '1.2.643.2.2.36.0': CRYPTOPRO_A,
  '1.2.643.2.2.36.1': CRYPTOPRO_C,
  '1.2.643.7.1.2.1.1.1': TC26_256_A,
  '1.2.643.7.1.2.1.1.2': CRYPTOPRO_A,
  '1.2.643.7.1.2.1.1.3': CRYPTOPRO_B,
  '1.2.643.7.1.2.1.1.4': CRYPTOPRO_C,
  '1.2.643.7.1.2.1.2.1': TC26_512_A,
  '1.2.643.7.1.2.1.2.2': TC26_512_B,
  '1.2.643.7.1.2.1.2.3': TC26_512_C,
  '1.2.398.3.10.1.1.2.2.1': TC26_512_A,
};

export type GostPoint = InstanceType<WeierstrassPointCons<bigint>>;

export interface GostSignature {
  r: bigint;
  s: bigint;
}

export function bytesToBigLE(bytes: Uint8Array): bigint {
  let value = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) value = (value << 8n) | BigInt(bytes[i]!);
  return value;
}

export function bigToBytesLE(value: bigint, size: number): Uint8Array {
  const out = new Uint8Array(size);
  let rest = value;
  for (let i = 0; i < size; i++) {
    out[i] = Number(rest & 0xffn);
    rest >>= 8n;
  }
  if (rest !== 0n) throw new Error('the number does not fit');
  return out;
}

function digestNumber(curve: GostCurve, digest: Uint8Array): bigint {
  const e = mod(bytesToBigLE(digest), curve.q);
  return e === 0n ? 1n : e;
}

/** Public key bytes of a certificate (RFC 4491 §2.3.2: x then y, each little-endian); null when not a point of the curve. */
export function decodePublicKey(curve: GostCurve, bytes: Uint8Array): GostPoint | null {
  if (bytes.length !== 2 * curve.size) return null;
  try {
    const point = curve.Point.fromAffine({ x: bytesToBigLE(bytes.subarray(0, curve.size)), y: bytesToBigLE(bytes.subarray(curve.size)) });
    point.assertValidity();
    // On the curve and in the subgroup of order q (cofactor-4 curves have points outside it).
    if (point.is0() || !point.isTorsionFree()) return null;
    return point;
  } catch {
    return null;
  }
}

export function encodePublicKey(curve: GostCurve, point: GostPoint): Uint8Array {
  const { x, y } = point.toAffine();
  const out = new Uint8Array(2 * curve.size);
  out.set(bigToBytesLE(x, curve.size), 0);
  out.set(bigToBytesLE(y, curve.size), curve.size);
  return out;
}

/**
 * The two byte layouts of (r, s) seen in the wild: RFC 4491 §2.2.2 (s then r, each big-endian — what
 * OpenSSL writes) and its byte reversal, r then s each little-endian (reported for Kalkan/NCALayer).
 */
export type SignatureLayout = 'rfc4491' | 'reversed';

export function decodeSignature(curve: GostCurve, bytes: Uint8Array, layout: SignatureLayout): GostSignature | null {
  if (bytes.length !== 2 * curve.size) return null;
  const ordered = layout === 'rfc4491' ? bytes : Uint8Array.from(bytes).reverse();
  // Now s ‖ r, each big-endian.
  const big = (part: Uint8Array) => bytesToBigLE(Uint8Array.from(part).reverse());
  return { s: big(ordered.subarray(0, curve.size)), r: big(ordered.subarray(curve.size)) };
}

export function encodeSignature(curve: GostCurve, signature: GostSignature, layout: SignatureLayout): Uint8Array {
  const out = new Uint8Array(2 * curve.size);
  out.set(bigToBytesLE(signature.s, curve.size).reverse(), 0);
  out.set(bigToBytesLE(signature.r, curve.size).reverse(), curve.size);
  return layout === 'rfc4491' ? out : out.reverse();
}

/** GOST R 34.10-2012 §6.2. `digest` is the Streebog output as hashed (bytes in OpenSSL's order). */
export function verifyDigest(curve: GostCurve, publicKey: GostPoint, digest: Uint8Array, signature: GostSignature): boolean {
  const { r, s } = signature;
  if (r <= 0n || r >= curve.q || s <= 0n || s >= curve.q) return false;
  const v = invert(digestNumber(curve, digest), curve.q);
  const z1 = mod(s * v, curve.q);
  const z2 = mod(-r * v, curve.q);
  const c = curve.Point.BASE.multiplyUnsafe(z1).add(publicKey.multiplyUnsafe(z2));
  if (c.is0()) return false;
  return mod(c.toAffine().x, curve.q) === r;
}

function randomScalar(curve: GostCurve): bigint {
  // 8 extra bytes make the bias of the reduction negligible (FIPS 186-5 A.2.1 style).
  const bytes = new Uint8Array(curve.size + 8);
  globalThis.crypto.getRandomValues(bytes);
  return mod(bytesToBigLE(bytes), curve.q - 1n) + 1n;
}

export function generatePrivateKey(curve: GostCurve): bigint {
  return randomScalar(curve);
}

export function publicKeyOf(curve: GostCurve, privateKey: bigint): GostPoint {
  return curve.Point.BASE.multiply(privateKey);
}

/** GOST R 34.10-2012 §6.1 with a fresh random k for every signature. */
export function signDigest(curve: GostCurve, privateKey: bigint, digest: Uint8Array): GostSignature {
  if (privateKey <= 0n || privateKey >= curve.q) throw new Error('the private key is out of range');
  const e = digestNumber(curve, digest);
  for (;;) {
    const k = randomScalar(curve);
    const r = mod(curve.Point.BASE.multiply(k).toAffine().x, curve.q);
    if (r === 0n) continue;
    const s = mod(r * privateKey + k * e, curve.q);
    if (s === 0n) continue;
    return { r, s };
  }
}
