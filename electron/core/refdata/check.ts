import { ArmError } from '../../../shared/api';
import { checkCatalogServices } from '../../../shared/catalog/catalog';
import {
  REFERENCE_SCHEMA,
  REFERENCE_SIGNER_BIN,
  referencePayloadSchemas,
  referenceSignedBytes,
  type ReferenceDataset,
  type ReferencePayload,
  type SignedReference,
} from '../../../shared/gateway/reference';
import type { CryptoProvider } from '../../../shared/crypto';
import { fromBase64, parseCertificate, verifyDetached, type Crl } from '../../../shared/signing';
import type { TrustedRoot } from '../../../shared/signing/roots';

// What a dataset from the gateway must pass before anything is written (issue 14 item 4): the
// envelope is the one asked for, in a layout this АРМ reads, signed by the gateway's
// reference-data key under a trusted root and not revoked, and its data sound. Each refusal has
// its own code; the caller keeps the previous data.

export interface ReferenceTrust {
  roots: TrustedRoot[];
  crls: Crl[];
  crlGraceMs: number;
}

export function checkReference<D extends ReferenceDataset>(dataset: D, envelope: SignedReference, trust: ReferenceTrust, now: Date, crypto?: CryptoProvider): ReferencePayload<D> {
  const params = { dataset };
  if (envelope.dataset !== dataset) throw new ArmError('REFERENCE_DATA_INVALID', `Asked for ${dataset}, got ${envelope.dataset}.`, undefined, { ...params, problem: `dataset ${envelope.dataset}` });
  // A newer layout is not guessed at: the data stays as it was until the АРМ is updated.
  if (envelope.schema > REFERENCE_SCHEMA) {
    throw new ArmError('REFERENCE_SCHEMA_NEWER', `${dataset}: schema ${envelope.schema}, this АРМ reads ${REFERENCE_SCHEMA}.`, undefined, { ...params, schema: envelope.schema, supported: REFERENCE_SCHEMA });
  }
  const cms = fromBase64(envelope.signature);
  if (!cms) throw new ArmError('REFERENCE_SIGNATURE_INVALID', `${dataset}: the signature is not base64.`, undefined, { ...params, reason: 'SIGNATURE_INVALID' });
  let signerBin: string | null;
  try {
    const verified = verifyDetached({ cms, content: referenceSignedBytes(envelope), trustedRoots: trust.roots, crls: trust.crls, crlGraceMs: trust.crlGraceMs, expectedIin: null, now, ...(crypto ? { crypto } : {}) });
    signerBin = verified.signer.subject.bin;
  } catch (error) {
    const reason = error instanceof ArmError ? error.code : 'SIGNATURE_INVALID';
    throw new ArmError('REFERENCE_SIGNATURE_INVALID', `${dataset}: ${error instanceof Error ? error.message : String(error)}`, undefined, { ...params, reason });
  }
  // Any valid signature is not enough: only the gateway operator's key changes reference data.
  if (signerBin !== REFERENCE_SIGNER_BIN) {
    throw new ArmError('REFERENCE_SIGNATURE_INVALID', `${dataset}: signed by BIN ${signerBin ?? 'none'}, not the gateway's reference-data key.`, undefined, { ...params, reason: 'CERT_UNTRUSTED' });
  }
  const parsed = referencePayloadSchemas[dataset].safeParse(envelope.data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const problem = `${issue.path.map(String).join('.')}: ${issue.message}`;
    throw new ArmError('REFERENCE_DATA_INVALID', `${dataset}: ${problem}`, undefined, { ...params, problem });
  }
  const data = parsed.data as ReferencePayload<D>;
  const problems = dataProblems(dataset, data);
  if (problems.length) throw new ArmError('REFERENCE_DATA_INVALID', `${dataset}: ${problems.join('; ')}`, undefined, { ...params, problem: problems[0]! });
  return data;
}

/** What a schema cannot say: no year or service twice, every certificate readable. */
function dataProblems(dataset: ReferenceDataset, data: ReferencePayload<ReferenceDataset>): string[] {
  if (dataset === 'catalog') return checkCatalogServices((data as ReferencePayload<'catalog'>).services);
  if (dataset === 'calendar') {
    const years = (data as ReferencePayload<'calendar'>).years.map((year) => year.year);
    return years.filter((year, index) => years.indexOf(year) !== index).map((year) => `years: ${year} given twice`);
  }
  if (dataset === 'signers') {
    return (data as ReferencePayload<'signers'>).certificates.flatMap((pem, index) => (parseCertificate(pem) ? [] : [`certificates.${index}: not a certificate`]));
  }
  return [];
}
