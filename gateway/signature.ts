import type { ErrorCode } from '../shared/api/errors';
import type { GatewayMessage } from '../shared/gateway/api';

/**
 * THE SIGNATURE SEAM. The regulations have the gateway check the signer's certificate: validity
 * period, the revocation list, the chain, and the IIN in the certificate = the signer's IIN
 * («условие 2», seed 003 §3.0.2). That check comes with shared/signing (another issue).
 * Until then the emulator is started without a verifier, checks nothing, and every receipt says
 * signature: 'not-checked'. Wiring it in: pass a MessageSignatureVerifier to startGateway.
 */
export type MessageSignatureVerifier = (message: GatewayMessage) => { ok: true } | { ok: false; code: ErrorCode; reason: string };
