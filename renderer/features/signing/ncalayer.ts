import { NCALayerClient } from 'ncalayer-js-client';
import { ArmError } from '../../../shared/api';

// Signing through NCALayer, НУЦ РК's local signing service (wss://127.0.0.1:13579): the key stays
// on its file, KAZTOKEN or ID card; the page gets a detached CMS back and the core re-verifies it
// (signature over exactly these bytes, signer IIN, chain, revocation) before anything is queued.

export const NCALAYER_URL = 'wss://127.0.0.1:13579';
/** Document-signing EKU (emailProtection), as NCALayer filters keys by it. */
const SIGNING_EKU = '1.3.6.1.5.5.7.3.4';
const CLIENT_AUTH_EKU = '1.3.6.1.5.5.7.3.2';
/** A person answers NCALayer's PIN dialog in this time; after it the page stops waiting. */
export const NCALAYER_TIMEOUT_MS = 5 * 60 * 1000;

export type SignOutcome = { kind: 'signed'; cms: string } | { kind: 'cancelled' };

/** One way to get a detached CMS over bytes: the key-file signer is the other. */
export interface Signer {
  sign(request: { data: Uint8Array; /** The account's IIN NCALayer filters keys by; null: any key. */ iin: string | null; purpose: 'sign' | 'auth'; locale: 'ru' | 'kk' }): Promise<SignOutcome>;
}

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Base64 of DER that starts as a SEQUENCE (a CMS): anything else is not worth sending to the core. */
function looksLikeCms(text: unknown): text is string {
  if (typeof text !== 'string') return false;
  const compact = text.replace(/\s+/g, '');
  return compact.length % 4 === 0 && /^MI[A-Za-z0-9+/]+={0,2}$/.test(compact);
}

export interface NcaLayerOptions {
  url?: string;
  timeoutMs?: number;
  /** Tests inject a client (ncalayer-js-client against the fake NCALayer). */
  createClient?: (url: string) => NCALayerClient;
}

export function createNcaLayerSigner(options: NcaLayerOptions = {}): Signer {
  const url = options.url ?? NCALAYER_URL;
  // The KAZTOKEN HTTP API is off (false): the CSP allows NCALayer's origin and nothing else.
  const create = options.createClient ?? ((target: string) => new NCALayerClient(target, false));
  return {
    async sign({ data, iin, purpose, locale }) {
      // A closed client cannot reconnect (and NCALayer restarts itself on update): a new one every time.
      const client = create(url);
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new ArmError('NCALAYER_FAILED', 'NCALayer did not answer in time.')), options.timeoutMs ?? NCALAYER_TIMEOUT_MS);
      });
      try {
        try {
          await Promise.race([client.connect(), timeout]);
        } catch (error) {
          if (error instanceof ArmError) throw error;
          throw new ArmError('NCALAYER_UNAVAILABLE', `NCALayer is not running: ${error instanceof Error ? error.message : String(error)}`);
        }
        const cms = await Promise.race([
          client.basicsSignCMS(
            // File keys, KAZTOKEN, the ID card.
            [NCALayerClient.fileStorageType, ...NCALayerClient.basicsStorageKAZTOKEN, ...NCALayerClient.basicsStorageIDCard],
            base64(data),
            // decode: sign the bytes, not their base64 text; no TSA (it needs НУЦ online).
            { decode: true, encapsulate: false, digested: false, tsaProfile: null },
            { iin, bin: null, serial: null, extKeyUsageOids: [purpose === 'sign' ? SIGNING_EKU : CLIENT_AUTH_EKU], chain: [] },
            locale,
          ),
          timeout,
        ]);
        if (!looksLikeCms(cms)) throw new ArmError('NCALAYER_FAILED', 'NCALayer answered something that is not a signature.');
        return { kind: 'signed', cms };
      } catch (error) {
        // The library marks a cancel in NCALayer's dialog on its error (its error class is not exported).
        if ((error as { canceledByUser?: unknown } | null)?.canceledByUser === true) return { kind: 'cancelled' };
        if (error instanceof ArmError) throw error;
        throw new ArmError('NCALAYER_FAILED', error instanceof Error ? error.message : String(error));
      } finally {
        clearTimeout(timer);
        try {
          client.wsConnection?.close();
        } catch {
          // already closed
        }
      }
    },
  };
}
