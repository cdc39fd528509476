import { z } from 'zod';
import { uploadBytesSchema } from './upload';
import { channel } from './channel';
import { intakeDraftSchema } from './intake';
import { intakeRoles } from './roles';

// Scans and files of a draft's documents, stored content-addressed (electron/core/documents).

const requestId = z.uuid();
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/** Scans and files travel as bytes (a binary channel), each at most the one upload limit (shared/limits.ts). */
export const uploadInputSchema = z.object({
  requestId,
  document: z.number().int().nonnegative().max(200),
  fileName: z.string().max(255),
  bytes: uploadBytesSchema,
});
export const scanInputSchema = z.object({
  requestId,
  document: z.number().int().nonnegative().max(200),
  device: z.string().min(1).max(500),
  resolution: z.union([z.literal(150), z.literal(300)]).default(150),
  mode: z.enum(['Color', 'Gray']).default('Gray'),
});
export const scannerSchema = z.object({ device: z.string(), description: z.string() });
export const removeAttachmentInputSchema = z.object({ requestId, document: z.number().int().nonnegative().max(200), sha256 });

const documentIndex = z.number().int().nonnegative().max(200);
export const pageInputSchema = z.object({ requestId, document: documentIndex, sha256 });
export const pageSchema = z.object({ kind: z.enum(['pdf', 'png', 'jpeg']), base64: z.base64() });
/** The same pages in a new order (a permutation of the document's pages). */
export const reorderInputSchema = z.object({ requestId, document: documentIndex, attachments: z.array(sha256).min(1).max(500) });
export const assembleInputSchema = z.object({ requestId, document: documentIndex });

export const documentsChannels = {
  upload: channel({ input: uploadInputSchema, output: intakeDraftSchema, access: intakeRoles, binary: 'bytes' }),
  scanners: channel({ input: z.undefined(), output: z.array(scannerSchema), access: intakeRoles }),
  scan: channel({ input: scanInputSchema, output: intakeDraftSchema, access: intakeRoles }),
  remove: channel({ input: removeAttachmentInputSchema, output: intakeDraftSchema, access: intakeRoles }),
  /** One page's bytes, for its thumbnail at the counter. */
  page: channel({ input: pageInputSchema, output: pageSchema, access: intakeRoles }),
  reorder: channel({ input: reorderInputSchema, output: intakeDraftSchema, access: intakeRoles }),
  /** The document's pages made into one PDF (A4 pages; images fitted), which replaces them. */
  assemble: channel({ input: assembleInputSchema, output: intakeDraftSchema, access: intakeRoles }),
  /** This workstation's scanner, remembered: a SANE device, wia:<id> or folder:<full path>. */
  scanner: channel({ input: z.undefined(), output: z.string().nullable(), access: intakeRoles }),
  setScanner: channel({ input: z.strictObject({ device: z.string().trim().min(1).max(500) }), output: z.string().nullable(), access: intakeRoles }),
};
