import { z } from 'zod';

// What the signing dialog shows about a key and what a verification reports about its signer
// (регистрационное свидетельство ЭЦП / ЭЦҚ тіркеу куәлігі). zod only: the renderer imports it
// through the contract and must not pull node-forge in with it.

/** sign: digitalSignature + nonRepudiation (NCA's "SIGN" key); auth: the login key (NCA's "AUTH"). */
export const keyPurposeSchema = z.enum(['sign', 'auth', 'other']);
export type KeyPurpose = z.infer<typeof keyPurposeSchema>;

export const certificateCardSchema = z.object({
  subject: z.object({
    commonName: z.string(),
    surname: z.string().nullable(),
    givenName: z.string().nullable(),
    /** From SERIALNUMBER=IIN…, as NCA writes it. */
    iin: z.string().nullable(),
    organisation: z.string().nullable(),
    /** From OU=BIN…, present on organisation keys. */
    bin: z.string().nullable(),
    dn: z.string(),
  }),
  issuer: z.object({ commonName: z.string(), dn: z.string() }),
  serialNumber: z.string(),
  notBefore: z.iso.datetime(),
  notAfter: z.iso.datetime(),
  keyUsage: z.array(z.string()),
  /** OIDs, including NCA's key-user policies (1.2.398.3.3.4.1.*). */
  extendedKeyUsage: z.array(z.string()),
  purpose: keyPurposeSchema,
  fingerprintSha256: z.string(),
});
export type CertificateCard = z.infer<typeof certificateCardSchema>;
