import { z } from 'zod';
import { channel } from './channel';

// Пакет для поддержки: a zip for the support desk with versions, settings, the sync state, the
// CRL's age, the database's integrity and the logs — and no personal data, password or key.

export const supportBundleSchema = z.object({ fileName: z.string(), base64: z.string() });

export const supportChannels = {
  bundle: channel({ input: z.undefined(), output: supportBundleSchema, access: ['supervisor'] }),
};
