import { z } from 'zod';
import { certificateCardSchema } from '../signing/card';
import { channel } from './channel';
import { errorCodeSchema } from './errors';
import { uploadBytesSchema } from './upload';
import { roles } from './roles';

// Проверка напечатанного результата (басылған нәтижені тексеру): a PDF, a photo or a scan of a
// certificate or refusal goes in; the verdict says valid or not, why, and what was signed.

export const verifyPrintInputSchema = z.strictObject({
  fileName: z.string().max(255),
  bytes: uploadBytesSchema,
});

export const printVerdictSchema = z.object({
  valid: z.boolean(),
  /** Why not valid: BARCODE_NOT_FOUND, BARCODE_FOREIGN, BARCODE_DAMAGED, SIGNER_UNKNOWN, SIGNATURE_INVALID, CERT_*, CRL_UNAVAILABLE, TRAINING_PRINT, PRINT_MISMATCH. */
  code: errorCodeSchema.nullable(),
  source: z.enum(['pdf', 'image']),
  /** The page text was compared with the signed data (a PDF); a photo is compared by eye with `result.lines`. */
  compared: z.boolean(),
  /** Signed lines the page does not carry. */
  missing: z.array(z.string()),
  /** What the barcode signed, once its signature checked out (also for a refused training print or an edited page). */
  result: z
    .object({
      number: z.string(),
      kind: z.enum(['certificate', 'refusal']),
      date: z.string(),
      serviceId: z.string(),
      applicant: z.object({ iin: z.string(), fullName: z.string() }),
      provider: z.string(),
      signer: certificateCardSchema,
      signingTime: z.string(),
      training: z.boolean(),
      lines: z.array(z.string()),
    })
    .nullable(),
});
export type PrintVerdict = z.infer<typeof printVerdictSchema>;

/** Every role may check a print: the counter before issuing, the department, the supervisor. */
/**
 * Heads' certificates as reference data (PEM): a workstation that never received a result from a
 * head still finds the signer a barcode names by its hash. Candidates only: each is checked against
 * the trusted roots and CRLs at every verification.
 */
export const signersInputSchema = z.strictObject({ pem: z.string().max(500_000) });
export const signerSchema = z.object({ subject: z.string(), iin: z.string().nullable(), notAfter: z.string(), sha256: z.string() });

export const verifyChannels = {
  /** The heads' certificates this workstation knows: from reference data and from the results it holds. */
  signers: channel({ input: z.undefined(), output: z.array(signerSchema), access: roles }),
  /** The supervisor sets the reference list (audited through the settings store); '' clears it. */
  setSigners: channel({ input: signersInputSchema, output: z.array(signerSchema), access: ['supervisor'] }),
  print: channel({ input: verifyPrintInputSchema, output: printVerdictSchema, access: roles, binary: 'bytes' }),
  /** A printed page on the scanner (SANE, 300 dpi gray), checked as an image. */
  scan: channel({ input: z.strictObject({ device: z.string().min(1).max(200) }), output: printVerdictSchema, access: roles }),
};
