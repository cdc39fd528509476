import { ArmError, type ErrorCode, type PrintVerdict } from '../../../shared/api';
import type { CryptoProvider } from '../../../shared/crypto';
import { cmsCertificates, decodeBarcode, isOurBarcode, signerSha256, verifyBarcode, type SignerCertificate } from '../../../shared/results/barcode';
import type { Crl } from '../../../shared/signing';
import { parseTrustedRoot, trustedRootCard, type TrustedRoot } from '../../../shared/signing/roots';
import type { Db } from '../db/database';
import { resultLines } from '../results/pdf';
import { readSetting } from '../settings/store';
import { readReference } from '../refdata/store';
import { readPrint } from './read';

// Проверка подлинности напечатанного результата: read the QR, check the signature with the trust
// this workstation has (roots and CRLs, offline), then check that the page says what was signed.
// Every path that does not prove the print genuine ends in valid: false with a code.

export interface VerifyTrust {
  roots: TrustedRoot[];
  crls: Crl[];
  /** Signer certificates the workstation knows (RSA or GOST), found by the barcode's certificate hash. */
  certificates: SignerCertificate[];
  /** This workstation runs in training mode: training prints are accepted. */
  training: boolean;
  /** The core's crypto provider (ctx.crypto) for GOST signatures; the JS one when omitted. */
  crypto?: CryptoProvider;
}

/** A known signer as the supervisor's list shows it. */
export function signerView(certificate: SignerCertificate) {
  const card = trustedRootCard(certificate);
  return { subject: card.subject.commonName, iin: card.subject.iin, notAfter: card.notAfter, sha256: signerSha256(certificate) };
}

/** Every certificate (RSA or GOST) of a PEM bundle; TRUST_INVALID when one does not parse. */
export function parseSigners(pem: string): SignerCertificate[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  return blocks.map((block) => {
    const certificate = parseTrustedRoot(block);
    if (!certificate) throw new ArmError('TRUST_INVALID', 'A certificate in the PEM text does not parse.');
    return certificate;
  });
}

/**
 * The heads' certificates this workstation knows: the reference list the supervisor set
 * (trust.signers), the gateway's signed list (reference data), and those in the signed results it holds (a centre receives each with its CMS).
 */
export function knownSigners(db: Db): SignerCertificate[] {
  const rows = db.prepare<[], { signature: string }>('SELECT signature FROM results WHERE signature IS NOT NULL').all();
  const found = new Map<string, SignerCertificate>();
  for (const certificate of parseSigners(readSetting(db, 'trust.signers') ?? '')) found.set(signerSha256(certificate), certificate);
  // The heads the gateway publishes as signed reference data (issue 21 item 1).
  for (const pem of readReference(db, 'signers')?.certificates ?? []) for (const certificate of parseSigners(pem)) found.set(signerSha256(certificate), certificate);
  for (const row of rows) {
    for (const certificate of cmsCertificates(Buffer.from(row.signature, 'base64'))) found.set(signerSha256(certificate), certificate);
  }
  return [...found.values()];
}

/** Whitespace and line breaks as the page layout made them do not count; a hyphen at a line end neither. */
const squash = (text: string) => text.replace(/\s+/g, ' ').replace(/- /g, '-').trim();

/** The lines of the signed result (in ru and kk) that the page does not carry; the closer language wins. */
function missingLines(content: Parameters<typeof resultLines>[0], pages: string[]): string[] {
  const page = squash(pages.join(' '));
  const missing = (['ru', 'kk'] as const).map((lang) => resultLines(content, lang).filter((line) => !page.includes(squash(line))));
  return missing.sort((a, b) => a.length - b.length)[0]!;
}

const refused = (code: ErrorCode, source: PrintVerdict['source'], rest: Partial<PrintVerdict> = {}): PrintVerdict => ({ valid: false, code, source, compared: false, missing: [], result: null, ...rest });

export async function verifyPrint(bytes: Uint8Array, trust: VerifyTrust): Promise<PrintVerdict> {
  let read;
  try {
    read = await readPrint(bytes);
  } catch (error) {
    if (error instanceof ArmError) return refused(error.code, 'pdf');
    throw error;
  }
  const ours = read.codes.filter(isOurBarcode);
  if (read.codes.length === 0) return refused('BARCODE_NOT_FOUND', read.kind);
  if (ours.length === 0) return refused('BARCODE_FOREIGN', read.kind);
  // Two different barcodes of ours on one page: one of them was pasted in.
  if (new Set(ours).size > 1) return refused('BARCODE_DAMAGED', read.kind);
  try {
    const payload = decodeBarcode(ours[0]!);
    const certificate = trust.certificates.find((candidate) => signerSha256(candidate) === payload.certificateSha256);
    if (!certificate) return refused('SIGNER_UNKNOWN', read.kind);
    const verdict = verifyBarcode(payload, { certificate, roots: trust.roots, crls: trust.crls, ...(trust.crypto ? { crypto: trust.crypto } : {}) });
    const { content } = verdict;
    const result = {
      number: content.number,
      kind: content.kind,
      date: content.date,
      serviceId: content.request.serviceId,
      applicant: { iin: content.applicant.iin, fullName: content.applicant.fullName },
      provider: content.provider,
      signer: verdict.signer,
      signingTime: verdict.signingTime,
      training: content.training === true,
      lines: resultLines(content, 'ru'),
    };
    if (content.training && !trust.training) return refused('TRAINING_PRINT', read.kind, { result });
    if (!read.pages) return { valid: true, code: null, source: read.kind, compared: false, missing: [], result };
    const missing = missingLines(content, read.pages);
    if (missing.length > 0) return refused('PRINT_MISMATCH', read.kind, { compared: true, missing, result });
    return { valid: true, code: null, source: read.kind, compared: true, missing: [], result };
  } catch (error) {
    if (error instanceof ArmError) return refused(error.code, read.kind);
    throw error;
  }
}
