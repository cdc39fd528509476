import { describe, expect, it } from 'vitest';
import { streebog256, streebog512 } from './streebog';

// RFC 6986 §10 writes messages and hashes as numbers (most significant byte first); a byte string
// is that number's bytes reversed. M1 is 63 ASCII digits, M2 a line of the Слово о полку Игореве in
// Windows-1251.
const reversedHex = (bytes: Uint8Array) => Buffer.from(bytes).reverse().toString('hex');
const fromRfc = (hex: string) => Uint8Array.from(Buffer.from(hex.replace(/\s+/g, ''), 'hex').reverse());

const M1 = fromRfc('323130393837363534333231303938373635343332313039383736353433323130393837363534333231303938373635343332313039383736353433323130');
const M2 = fromRfc(`fbe2e5f0eee3c820fbeafaebef20fffbf0e1e0f0f520e0ed20e8ece0ebe5f0f2f120fff0eeec20f120faf2fee5e2202c
  e8f6f3ede220e8e6eee1e8f0f2d1202ce8f0f2e5e220e5d1`);

describe('Streebog (GOST R 34.11-2012) against RFC 6986 §10', () => {
  it('reads M1 as the ASCII digits the RFC describes', () => {
    expect(new TextDecoder().decode(M1)).toBe('012345678901234567890123456789012345678901234567890123456789012');
    expect(M2.length).toBe(72);
  });

  it('hashes M1 (63 bytes: one padded block)', () => {
    expect(reversedHex(streebog512(M1))).toBe(
      '486f64c1917879417fef082b3381a4e211c324f074654c38823a7b76f830ad00fa1fbae42b1285c0352f227524bc9ab16254288dd6863dccd5b9f54a1ad0541b',
    );
    expect(reversedHex(streebog256(M1))).toBe('00557be5e584fd52a449b16b0251d05d27f94ab76cbaa6da890b59d8ef1e159d');
  });

  it('hashes M2 (72 bytes: a full block, then a padded one)', () => {
    expect(reversedHex(streebog512(M2))).toBe(
      '28fbc9bada033b1460642bdcddb90c3fb3e56c497ccd0f62b8a2ad4935e85f037613966de4ee00531ae60f3b5a47f8dae06915d5f2f194996fcabf2622e6881e',
    );
    expect(reversedHex(streebog256(M2))).toBe('508f7e553c06501d749a66fc28c6cac0b005746d97537fa85d9e40904efed29d');
  });

  it('differs when one bit of the message changes', () => {
    const changed = Uint8Array.from(M1);
    changed[0]! ^= 1;
    expect(reversedHex(streebog512(changed))).not.toBe(reversedHex(streebog512(M1)));
  });
});
