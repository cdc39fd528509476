import { z } from 'zod';
import { refusalGroundCodeSchema } from '../catalog/schema';
import { certificateCardSchema } from '../signing/card';
import { codeSchema, recheckSchema, sha256Schema } from '../gateway/api';
import { errorCodeSchema } from './errors';
import { requestContentSchema, requestStateSchema } from './requests';

// The provider side (услугодатель) and results: the clerk's inbox, the decision, the head's
// signature, the result at the centre. Channels in contract.ts (inbox, decision, results).

export const pullResultSchema = z.object({
  received: z.number().int().nonnegative(),
  refused: z.number().int().nonnegative(),
  duplicates: z.number().int().nonnegative(),
  waiting: z.number().int().nonnegative(),
  /** Results that reached this centre (centre workstations). */
  results: z.number().int().nonnegative(),
});
export type PullResult = z.infer<typeof pullResultSchema>;

export const inboxSettingsSchema = z.object({
  organisation: codeSchema.nullable(),
  roots: z.array(z.object({ subject: z.string(), notAfter: z.string() })),
  crls: z.number().int().nonnegative(),
});

export const configureInputSchema = z.strictObject({
  organisation: codeSchema,
  /** PEM certificates of the trusted roots; absent keeps the current ones. */
  rootsPem: z.string().max(200_000).optional(),
  /** PEM CRLs (список отозванных регистрационных свидетельств); absent keeps the current ones. */
  crlsPem: z.string().max(2_000_000).optional(),
});

/** Highlight of the deadline clock: due today, overdue, or neither; none when there is no due date. */
export const urgencySchema = z.enum(['ok', 'dueToday', 'overdue', 'none']);

export const inboxRowSchema = z.object({
  id: z.string(),
  number: z.string(),
  serviceId: z.string(),
  variantId: z.string().nullable(),
  applicantName: z.string(),
  state: requestStateSchema,
  receivedAt: z.string(),
  dueBy: z.string().nullable(),
  /** Working days from today to the due day (0 = due today, negative = overdue). */
  daysLeft: z.number().int().nullable(),
  urgency: urgencySchema,
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
});

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

export const requestViewSchema = inboxRowSchema.extend({
  outcome: z.enum(['certificate', 'refusal']).nullable(),
  content: requestContentSchema,
  received: receivedSchema,
  marks: z.array(checklistMarkSchema),
  history: z.array(historyEntrySchema),
});
export type RequestView = z.infer<typeof requestViewSchema>;


/**
 * The result as the head signs it (RFC 8785 canonical JSON) and as it travels to the centre:
 * a certificate (справка / анықтама) or a motivated refusal (мотивированный ответ об отказе /
 * бас тарту туралы дәлелді жауап), tied to the request by its number and message id.
 */
export const resultContentSchema = z.object({
  kind: z.enum(['certificate', 'refusal']),
  number: z.string().min(1),
  date: z.iso.date(),
  request: z.object({ number: z.string(), messageId: z.uuid(), serviceId: z.string(), variantId: z.string() }),
  provider: codeSchema,
  centre: codeSchema,
  templateId: z.string(),
  applicant: z.object({ iin: z.string().regex(/^\d{12}$/), fullName: z.string(), address: z.string().nullable() }),
  fields: z.record(z.string(), z.string().max(2000)),
  refusal: z.object({ grounds: z.array(refusalGroundCodeSchema).min(1), text: z.string() }).nullable(),
  preparedBy: z.object({ fullName: z.string() }),
  signer: z.object({ fullName: z.string(), iin: z.string().regex(/^\d{12}$/), position: z.object({ ru: z.string(), kk: z.string() }), organisation: z.string() }).nullable(),
  /** Decided in training mode: printed «УЧЕБНЫЙ ОБРАЗЕЦ / ОҚУ ҮЛГІСІ», refused by verify outside training. Signed, so it cannot be cut off. */
  training: z.literal(true).optional(),
});
export type ResultContent = z.infer<typeof resultContentSchema>;

export const decideInputSchema = z.discriminatedUnion('outcome', [
  z.strictObject({ requestId: z.uuid(), outcome: z.literal('certificate'), fields: z.record(z.string(), z.string().trim().min(1).max(2000)) }),
  z.strictObject({ requestId: z.uuid(), outcome: z.literal('refusal'), grounds: z.array(refusalGroundCodeSchema).min(1).max(9), text: z.string().trim().min(10).max(4000) }),
]);

export const returnInputSchema = z.strictObject({ requestId: z.uuid(), comment: z.string().trim().min(3).max(1000) });
export const approveInputSchema = z.strictObject({ requestId: z.uuid(), cms: z.base64().max(64 * 1024) });

export const resultViewSchema = z.object({
  requestId: z.string(),
  state: requestStateSchema,
  content: resultContentSchema,
  contentSha256: z.string(),
  signed: z.boolean(),
});
export type ResultView = z.infer<typeof resultViewSchema>;

/** A result waiting at the counter (готово к выдаче / беруге дайын) or handed over. */
export const counterResultSchema = z.object({
  requestId: z.string(),
  number: z.string(),
  serviceId: z.string(),
  applicantName: z.string(),
  state: requestStateSchema,
  outcome: z.enum(['certificate', 'refusal']),
  resultNumber: z.string(),
  signer: z.string(),
});

/** Who collects the result: the applicant, or the representative named in the request (with the power of attorney). */
export const issueInputSchema = z.strictObject({
  requestId: z.uuid(),
  collectorIin: z.string().regex(/^\d{12}$/),
  /** Number of the identity document shown at the counter (удостоверение личности). */
  documentNumber: z.string().trim().min(3).max(40),
});
