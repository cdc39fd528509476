import { z } from 'zod';
import { channel } from './channel';
import { counterRoles } from './roles';

/**
 * A transfer file as it crosses the contract. The web host takes bodies up to 10 MB, so a file is
 * at most 7 MB (9.4 MB in base64); a mobile centre with more scans exports in several rounds.
 */
export const MAX_TRANSFER_BYTES = 7 * 1024 * 1024;
const base64Max = Math.ceil(MAX_TRANSFER_BYTES / 3) * 4;

/** The centre's transfer password, set by the supervisor and typed on both АРМs. */
const transferPasswordSchema = z.string().min(10).max(256);

export const transferExportInputSchema = z.object({ password: transferPasswordSchema });
export const transferFileSchema = z.object({ fileName: z.string(), base64: z.string(), requests: z.number().int().nonnegative() });
export type TransferFile = z.infer<typeof transferFileSchema>;

// A little over the limit so a too-large file reaches the handler and gets its own code.
export const transferImportInputSchema = z.object({ file: z.string().max(base64Max + 1024), password: transferPasswordSchema });
export const transferImportResultSchema = z.object({
  /** Requests and outbox messages stored by this import. */
  imported: z.number().int().nonnegative(),
  /** Already here from an earlier import of the same file (or made on this АРМ): left as they were. */
  alreadyPresent: z.number().int().nonnegative(),
  exportedBy: z.string(),
  exportedAt: z.string(),
});
export type TransferImportResult = z.infer<typeof transferImportResultSchema>;
export { base64Max as MAX_TRANSFER_BASE64 };

/** A mobile centre's pending outbox on a USB stick to a connected АРМ of the same centre. */
export const transferChannels = {
  export: channel({ input: transferExportInputSchema, output: transferFileSchema, access: [...counterRoles, 'supervisor'] }),
  import: channel({ input: transferImportInputSchema, output: transferImportResultSchema, access: [...counterRoles, 'supervisor'] }),
};
