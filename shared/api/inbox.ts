import { z } from 'zod';
import { certificateCardSchema } from '../signing/card';
import { codeSchema, recheckSchema, sha256Schema } from '../gateway/api';
import { errorCodeSchema } from './errors';
import { channel } from './channel';
import { requestContentSchema, requestStateSchema } from './requests';
import { roles } from './roles';

// The gateway inbox: requests at the provider (услугодатель: the clerk, the head), results at the centre.

export const pullResultSchema = z.object({
  received: z.number().int().nonnegative(),
  refused: z.number().int().nonnegative(),
  duplicates: z.number().int().nonnegative(),
  waiting: z.number().int().nonnegative(),
  /** Results that reached this centre (centre workstations). */
  results: z.number().int().nonnegative(),
  /** Status notices applied to this centre's requests (registered, in work, decided, returned). */
  statuses: z.number().int().nonnegative(),
});
export type PullResult = z.infer<typeof pullResultSchema>;

export const inboxSettingsSchema = z.object({
  organisation: codeSchema.nullable(),
  roots: z.array(z.object({ subject: z.string(), notAfter: z.string() })),
  crls: z.number().int().nonnegative(),
  /** Hours a CRL past its nextUpdate is still believed; 0: refused at once (CRL_STALE). */
  crlGraceHours: z.number().int().nonnegative(),
});

export const configureInputSchema = z.strictObject({
  organisation: codeSchema,
  /** PEM certificates of the trusted roots; absent keeps the current ones. */
  rootsPem: z.string().max(200_000).optional(),
  /** PEM CRLs (список отозванных регистрационных свидетельств); absent keeps the current ones. */
  crlsPem: z.string().max(2_000_000).optional(),
  /** The grace period for a CRL past its nextUpdate, in hours (at most a week); absent keeps the current one. */
  crlGraceHours: z.number().int().min(0).max(168).optional(),
});

/** Highlight of the deadline clock: due today, overdue, or neither; none when there is no due date. */
export const urgencySchema = z.enum(['ok', 'dueToday', 'overdue', 'none']);

export const inboxRowSchema = z.object({
  id: z.string(),
  number: z.string(),
  serviceId: z.string(),
  variantId: z.string().nullable(),
  applicantName: z.string(),
  /** How it came in: a centre's counter, a mobile centre, or the egov portal (shown «ПЭП»); null for a content without one. */
  channel: z.enum(['centre', 'mobileCentre', 'portal']).nullable(),
  state: requestStateSchema,
  receivedAt: z.string(),
  dueBy: z.string().nullable(),
  /** Working days from today to the due day (0 = due today, negative = overdue). */
  daysLeft: z.number().int().nullable(),
  urgency: urgencySchema,
  /** The executor (ответственный исполнитель) who holds the request, shown to everyone. */
  assignee: z.object({ userId: z.string(), fullName: z.string() }).nullable(),
  /** Numbers of other open requests here of the same applicant for the same service («возможный повтор»). */
  possibleDuplicateOf: z.array(z.string()),
});
export type InboxRow = z.infer<typeof inboxRowSchema>;

export const inboxFilterSchema = z.strictObject({
  state: requestStateSchema.optional(),
  urgency: urgencySchema.optional(),
  /** Part of the number or the applicant's name. */
  query: z.string().trim().max(100).optional(),
});

export const refusedMessageSchema = z.object({
  messageId: z.string(),
  receivedAt: z.string(),
  sender: z.string(),
  kind: z.string(),
  code: errorCodeSchema,
  /** Why, in words (the check that failed). */
  reason: z.string(),
  /** When it was returned to its sender; null while it is kept here to be retried. */
  returnedAt: z.string().nullable(),
});

export const refusedIdSchema = z.strictObject({ messageId: z.uuid() });
/** What became of a retried message: applied (as a request, result or status), refused again, or waiting for its scans. */
export const retryResultSchema = z.object({ outcome: z.enum(['received', 'results', 'statuses', 'duplicates', 'refused', 'waiting']) });

export const markSchema = z.enum(['ok', 'missing', 'defective']);
export const checklistMarkSchema = z.object({ document: z.number().int().nonnegative(), mark: markSchema, note: z.string().max(500) });

export const receivedSchema = z.object({
  receiptNumber: z.string(),
  receivedAt: z.string(),
  signer: certificateCardSchema,
  signingTime: z.string(),
  crlIssuedAt: z.string(),
  recheck: z.array(recheckSchema),
});

export const historyEntrySchema = z.object({
  at: z.string(),
  from: requestStateSchema.nullable(),
  to: requestStateSchema,
  actorRole: z.string(),
  comment: z.string().nullable(),
});

export const requestIdSchema = z.strictObject({ requestId: z.uuid() });
export const inboxScanInputSchema = z.strictObject({ requestId: z.uuid(), sha256: sha256Schema });
export const scanSchema = z.object({ mime: z.enum(['image/png', 'image/jpeg', 'application/pdf', 'application/octet-stream']), base64: z.string() });
export const markInputSchema = z.strictObject({ requestId: z.uuid(), document: z.number().int().nonnegative().max(200), mark: markSchema, note: z.string().trim().max(500) });

/** The head's resolution: the executor, and the comment a reassignment needs. */
export const assignInputSchema = z.strictObject({ requestId: z.uuid(), clerkId: z.string().min(1).max(100), comment: z.string().max(500) });

export const requestViewSchema = inboxRowSchema.extend({
  outcome: z.enum(['certificate', 'refusal']).nullable(),
  content: requestContentSchema,
  received: receivedSchema,
  marks: z.array(checklistMarkSchema),
  history: z.array(historyEntrySchema),
});
export type RequestView = z.infer<typeof requestViewSchema>;

export const inboxChannels = {
  pull: channel({ input: z.undefined(), output: pullResultSchema, access: roles }),
  settings: channel({ input: z.undefined(), output: inboxSettingsSchema, access: roles }),
  configure: channel({ input: configureInputSchema, output: inboxSettingsSchema, access: ['supervisor'] }),
  list: channel({ input: inboxFilterSchema, output: z.array(inboxRowSchema), access: ['clerk', 'head'] }),
  get: channel({ input: requestIdSchema, output: requestViewSchema, access: ['clerk', 'head'] }),
  refused: channel({ input: z.undefined(), output: z.array(refusedMessageSchema), access: ['clerk', 'head', 'supervisor'] }),
  /** Apply a refused message again once the cause is fixed (audited). */
  retryRefused: channel({ input: refusedIdSchema, output: retryResultSchema, access: ['clerk', 'supervisor'] }),
  /** Send a refused message back to its sender with the reason (audited). */
  returnRefused: channel({ input: refusedIdSchema, output: refusedMessageSchema, access: ['clerk', 'supervisor'] }),
  scan: channel({ input: inboxScanInputSchema, output: scanSchema, access: ['clerk', 'head'] }),
  take: channel({ input: requestIdSchema, output: requestViewSchema, access: ['clerk'] }),
  assign: channel({ input: assignInputSchema, output: requestViewSchema, access: ['head'] }),
  clerks: channel({ input: z.undefined(), output: z.array(z.object({ userId: z.string(), fullName: z.string() })), access: ['head'] }),
  mark: channel({ input: markInputSchema, output: requestViewSchema, access: ['clerk'] }),
};
