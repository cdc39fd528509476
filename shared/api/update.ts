import { z } from 'zod';
import { channel } from './channel';

// Updates of the installed АРМ (electron/host/update): where they stand, and the supervisor's
// «install now», which waits for an empty outbox unless the supervisor confirms.

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The update server: https, or http on this computer only (a test server); no credentials in it. */
export const updateUrlSchema = z
  .url({ protocol: /^https?$/ })
  .max(2000)
  .refine((url) => {
    const parsed = new URL(url);
    return !parsed.username && !parsed.password && (parsed.protocol === 'https:' || LOOPBACK.has(parsed.hostname));
  }, 'https, or http on this computer only');

export const updateStateSchema = z.enum([
  /** Not offered here: see reason. */
  'off',
  'idle',
  'checking',
  'downloading',
  /** Downloaded and verified; installs when the supervisor says so. */
  'ready',
  /** The last attempt failed (see code); the running version keeps working. */
  'failed',
]);

export const updateOffReasonSchema = z.enum([
  /** The web host (npm start without Electron, tests): nothing to update. */
  'unsupported',
  /** The organisation's policy file switches updates off (docs/delivery.md). */
  'policy',
  /** No update server configured. */
  'noUrl',
  /** This build carries no update key: metadata could not be checked, so nothing is fetched. */
  'noKey',
]);

export const updateFailureSchema = z.enum(['UPDATE_SIGNATURE_INVALID', 'UPDATE_UNREACHABLE', 'UPDATE_DOWNLOAD_FAILED', 'UPDATE_URL_INVALID']);

export const updateStatusSchema = z.object({
  state: updateStateSchema,
  reason: updateOffReasonSchema.optional(),
  failure: updateFailureSchema.optional(),
  /** The running version and, once known, the offered one. */
  current: z.string(),
  available: z.string().optional(),
  /** Signed requests still waiting in the outbox: an update waits for them. */
  outboxPending: z.number().int().nonnegative(),
});
export type UpdateStatus = z.infer<typeof updateStatusSchema>;

export const updateChannels = {
  status: channel({ input: z.undefined(), output: updateStatusSchema, access: ['supervisor'] }),
  check: channel({ input: z.undefined(), output: updateStatusSchema, access: ['supervisor'] }),
  /** confirm: install although the outbox still holds requests (they stay in the database). */
  install: channel({ input: z.object({ confirm: z.boolean() }), output: updateStatusSchema, access: ['supervisor'] }),
};
