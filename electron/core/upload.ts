import { ArmError } from '../../shared/api';

/**
 * The bytes of an upload's base64 text (uploadBase64Schema), or VALIDATION_FAILED when the text
 * is not exact base64. Node's decoder skips characters outside the alphabet, so a text holding
 * any decodes to fewer bytes than its length promises; that comparison is the whole check.
 */
export function decodeUpload(text: string, path = 'bytes'): Buffer {
  const bytes = Buffer.from(text, 'base64');
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  // base64url's '-' and '_' decode too; only the standard alphabet is accepted.
  if (text.length % 4 !== 0 || bytes.length !== (text.length / 4) * 3 - padding || text.includes('-') || text.includes('_')) {
    throw new ArmError('VALIDATION_FAILED', 'The file is not base64.', [{ path, message: 'not base64' }]);
  }
  return bytes;
}
