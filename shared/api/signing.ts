import { z } from 'zod';
import { certificateCardSchema } from '../signing/card';
import { channel } from './channel';
import { roles } from './roles';

// ЭЦП. A key file travels as base64 (a NCA .p12 is a few KB); the password only for the call.
const keyFileSchema = z.string().max(64 * 1024);
const keyPasswordSchema = z.string().max(256);
const signDataSchema = z.string().max(4 * 1024 * 1024);

export const signedPayloadSchema = z.object({
  /** Detached CMS SignedData, DER, base64. */
  cms: z.string(),
  /** SHA-256 of the signed bytes (RFC 8785 canonical JSON of the payload), hex. */
  contentSha256: z.string().regex(/^[0-9a-f]{64}$/),
  signingTime: z.iso.datetime(),
  card: certificateCardSchema,
  /**
   * Which check found the signer's certificate not revoked: the gateway's OCSP responder (online)
   * or the cached CRL (offline, responder down); `checkedAt` is the OCSP answer's time or the
   * CRL's issue time. The signing dialog says which.
   */
  revocation: z.object({ method: z.enum(['ocsp', 'crl']), checkedAt: z.iso.datetime() }),
});
export type SignedPayload = z.infer<typeof signedPayloadSchema>;

/** The cached trust of the gateway (roots, CRL) as the signing dialog shows it. */
export const trustStatusSchema = z.object({
  /** This call reached the gateway; false: the numbers are the last cached ones. */
  refreshed: z.boolean(),
  roots: z.number().int().nonnegative(),
  /** Null: no CRL was ever fetched, so signing is refused with CRL_UNAVAILABLE. */
  crl: z
    .object({
      issuedAt: z.iso.datetime(),
      nextUpdate: z.iso.datetime().nullable(),
      fetchedAt: z.iso.datetime(),
      ageMinutes: z.number().int().nonnegative(),
      /** Past its nextUpdate: revocations since then are unknown here. */
      stale: z.boolean(),
    })
    .nullable(),
});
export type TrustStatus = z.infer<typeof trustStatusSchema>;

export const signingChannels = {
  inspectKey: channel({
    input: z.object({ keyFile: keyFileSchema, password: keyPasswordSchema }),
    output: certificateCardSchema,
    access: roles,
  }),
  /** The certificate's IIN must be the signed-in user's (CERT_IIN_MISMATCH otherwise). */
  sign: channel({
    input: z.object({
      keyFile: keyFileSchema,
      password: keyPasswordSchema,
      payload: z.json(),
    }),
    output: signedPayloadSchema,
    access: roles,
  }),
  /**
   * The key-file Signer (beside NCALayer): a detached CMS over exactly `data` (base64) with the key
   * in the file. It checks nothing itself: what it returns goes to `acceptExternal` like NCALayer's.
   */
  signBytes: channel({
    input: z.union([
      /**
       * `keep`: "keep unlocked for this session" — the opened key stays in the core's memory for
       * this window until lock, logout or another sign-in; without it any kept key is dropped.
       */
      z.object({ keyFile: keyFileSchema, password: keyPasswordSchema, data: signDataSchema, keep: z.boolean().optional() }),
      /** With the key kept unlocked in this session: no file, no password (SIGNING_KEY_NOT_KEPT when none). */
      z.object({ kept: z.literal(true), data: signDataSchema }),
    ]),
    output: z.object({ cms: z.string() }),
    access: roles,
  }),
  /** The certificate of the key kept unlocked in this session, or null. */
  keptKey: channel({ input: z.undefined(), output: certificateCardSchema.nullable(), access: roles }),
  /** Locks the kept key now (the dialog's "lock the key"). */
  forgetKey: channel({ input: z.undefined(), output: z.null(), access: roles }),
  /**
   * For a signature made outside the core (NCALayer): the exact bytes to sign (RFC 8785 canonical
   * JSON of the payload, base64) and the signed-in account's IIN, which NCALayer filters keys by.
   */
  prepareExternal: channel({
    input: z.object({ payload: z.json() }),
    output: z.object({ data: z.string(), iin: z.string() }),
    access: roles,
  }),
  /**
   * Re-verifies a CMS that came back from outside (NCALayer) as `sign` verifies its own: over exactly
   * the prepared bytes, signer IIN = the account's, chain and revocation with the cached trust.
   */
  acceptExternal: channel({
    input: z.object({ cms: z.string().max(256 * 1024), payload: z.json() }),
    output: signedPayloadSchema,
    access: roles,
  }),
  /** Refreshes the roots and the CRL from the gateway when it answers, then reports the cache. */
  trustStatus: channel({ input: z.undefined(), output: trustStatusSchema, access: roles }),
};
