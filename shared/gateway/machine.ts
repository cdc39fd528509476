import { sha256Hex, toBase64, utf8Bytes } from '../signing/bytes';
import { bytesToHex as hex } from '@noble/hashes/utils';
import { canonicalSha256 } from '../signing/canonical';

// Workstation authentication at the gateway (issue 16 item 1).
//
// Each АРМ has its own machine key pair (ECDSA P-256, made at first run, kept in its encrypted
// database) and signs every gateway call: a signed request rather than mutual TLS, because the
// emulator and a workstation's path to the real ШЭП may end TLS before the service (a proxy, the
// emulator's plain 127.0.0.1), while a signature travels with the call and binds its method,
// path, body and time. The gateway knows each machine by the SHA-256 of its public key and the
// organisations it is enrolled to (a centre, a provider department, or both on a one-workstation
// office).

/** The machine id: hex SHA-256 of the public key's SubjectPublicKeyInfo DER. */
export const MACHINE_HEADER = 'x-arm-machine';
/** When the call was signed (ISO 8601, the workstation's clock). */
export const MACHINE_TIME_HEADER = 'x-arm-time';
/** base64 ECDSA-SHA256 (DER) over requestSigningText(…). */
export const MACHINE_SIGNATURE_HEADER = 'x-arm-signature';
/** Every gateway answer carries the gateway's own clock, so the АРМ records its offset on each call. */
export const GATEWAY_TIME_HEADER = 'x-gateway-time';

export const machineIdPattern = /^[0-9a-f]{64}$/;

/** What the machine key signs for one call: no field can move into another (one per line). */
export function requestSigningText(call: { method: string; path: string; time: string; bodySha256: string; machineId: string }): string {
  return ['ARM-REQUEST-1', call.machineId, call.method.toUpperCase(), call.path, call.time, call.bodySha256].join('\n');
}

/**
 * The envelope of a message (issue 16 item 2): who sends it to whom, for which service, under
 * which id and time, and the hash of the content the person signed. The machine countersigns it,
 * so the bytes a person signed stay as they are while the envelope cannot be changed or reused.
 */
export function envelopeSigningText(envelope: { id: string; kind: string; from: string; to: string; service: string; createdAt: string; contentSha256: string; attachments: readonly string[] }): string {
  return [
    'ARM-ENVELOPE-1',
    envelope.id,
    envelope.kind,
    envelope.from,
    envelope.to,
    envelope.service,
    envelope.createdAt,
    envelope.contentSha256,
    envelope.attachments.join(','),
  ].join('\n');
}

/** A workstation's machine key as the callers use it: its id and a signing function (ECDSA-SHA256, DER). */
export interface MachineSigner {
  machineId: string;
  sign(data: Uint8Array): Uint8Array;
  /** The host's native SHA-256 for the body (a scan is 100 KB and more); JavaScript's when absent. */
  sha256?(data: Uint8Array): Uint8Array;
}

/** The headers that authenticate one call; `path` is the path and query exactly as sent. */
export function machineHeaders(signer: MachineSigner, call: { method: string; path: string; body: Uint8Array; time: Date }): Record<string, string> {
  const time = call.time.toISOString();
  const text = requestSigningText({ machineId: signer.machineId, method: call.method, path: call.path, time, bodySha256: signer.sha256 ? hex(signer.sha256(call.body)) : sha256Hex(call.body) });
  return {
    [MACHINE_HEADER]: signer.machineId,
    [MACHINE_TIME_HEADER]: time,
    [MACHINE_SIGNATURE_HEADER]: toBase64(signer.sign(utf8Bytes(text))),
  };
}

/** The message with its envelope countersigned by the sending machine. */
export function countersign<M extends { id: string; kind: string; from: string; to: string; service: string; createdAt: string; attachments: readonly string[]; payload: Record<string, unknown> }>(
  signer: MachineSigner,
  message: M,
): M & { envelope: { machine: string; signature: string } } {
  const text = envelopeSigningText({ ...message, contentSha256: canonicalSha256(message.payload) });
  return { ...message, envelope: { machine: signer.machineId, signature: toBase64(signer.sign(utf8Bytes(text))) } };
}
