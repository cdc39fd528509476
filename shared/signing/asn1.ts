import forge from 'node-forge';

// ASN.1 helpers node-forge lacks or types too narrowly.

type Asn1 = forge.asn1.Asn1;

/** DER → ASN.1 with BIT STRINGs left raw, so re-encoding a node gives back its exact bytes. */
export function fromDerExact(der: string): Asn1 {
  const fromDer = forge.asn1.fromDer as unknown as (bytes: string, options: { decodeBitStrings: boolean }) => Asn1;
  return fromDer(der, { decodeBitStrings: false });
}

/** forge's hash of a Name, SHA-1 of its DER: comparable with a parsed certificate's `issuer.hash` / `subject.hash`. */
export function nameHash(name: Asn1): string {
  return forge.md.sha1.create().update(forge.asn1.toDer(name).getBytes()).digest().toHex();
}
