import { z } from 'zod';
import { MAX_UPLOAD_BASE64 } from '../limits';

/**
 * A file as base64 text, at most the one upload limit. Only the length is checked here: a regular
 * expression over megabytes cost more than hashing them. The core decodes with
 * `decodeUpload` (electron/core/upload.ts), which refuses text that is not exact base64.
 */
export const uploadBase64Schema = z
  .string()
  .max(MAX_UPLOAD_BASE64)
  .refine((text) => text.length % 4 === 0, { message: 'not base64' });
