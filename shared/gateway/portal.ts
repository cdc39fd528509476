import { z } from 'zod';
import { requestContentSchema, requestStateSchema } from '../api/requests';
import { termUnitSchema } from '../calendar/term';
import { bilingualSchema, codeSchema, sha256Schema } from './api';

// The wire format of the emulator's citizen portal (ПЭП / ЭҮП, gateway/portal): what its page sends
// and reads. Only the page calls these (caller `citizen` in shared/gateway/endpoints.ts), with the
// session token it got at login as `Authorization: Bearer`.

const iinSchema = z.string().regex(/^\d{12}$/);

export const portalLoginSchema = z.strictObject({ iin: iinSchema, password: z.string().min(1).max(200) });
export const portalSessionSchema = z.object({ token: z.string(), citizen: z.object({ iin: iinSchema, fullName: z.string() }) });

/** A variant of a service that names the portal as a channel, with what its form asks. */
export const portalServiceSchema = z.object({
  serviceId: codeSchema,
  variantId: z.string(),
  name: bilingualSchema,
  region: bilingualSchema,
  term: z.object({ value: z.number().int().positive(), unit: termUnitSchema }).nullable(),
  fields: z.array(z.object({ key: z.string(), label: bilingualSchema, type: z.string(), required: z.boolean() })),
});
export const portalServicesSchema = z.object({ services: z.array(portalServiceSchema) });

/** A file the page holds for the next request (kept in the session, stored only with the request). */
export const portalFileSchema = z.object({ sha256: sha256Schema, size: z.number().int().nonnegative() });

export const portalPrepareSchema = z.strictObject({
  variantId: z.string().min(1).max(40),
  fields: z.record(z.string().max(40), z.string().trim().max(2000)),
  files: z.array(sha256Schema).max(20),
});
/** What the applicant signs: the request content as RFC 8785 bytes (the same schema as a counter's request). */
export const portalDraftSchema = z.object({ draftId: z.uuid(), content: requestContentSchema });

export const portalSubmitSchema = z.strictObject({ draftId: z.uuid(), cms: z.base64().max(64 * 1024) });

/** An entry of the cabinet's «Уведомления»: accepted (with the date and time of the result), each status, the result. */
export const portalNotificationSchema = z.object({
  at: z.iso.datetime(),
  kind: z.enum(['accepted', 'registered', 'inWork', 'decided', 'returned', 'certificate', 'refusal']),
  /** accepted: the date and time of the result (null when the regulation gives no term); result: its number and date; returned: the reason. */
  number: z.string().nullable(),
  date: z.string().nullable(),
  reason: z.string().nullable(),
});

export const portalResultSchema = z.object({
  kind: z.enum(['certificate', 'refusal']),
  number: z.string(),
  date: z.string(),
  signer: z.string(),
  /** The signed PDF with its QR code, as the provider attached it (GET /portal/api/documents/{sha256}). */
  documents: z.array(z.object({ sha256: sha256Schema, language: z.enum(['ru', 'kk']) })),
});

export const portalRequestSchema = z.object({
  messageId: z.uuid(),
  number: z.string(),
  serviceId: z.string(),
  variantId: z.string(),
  provider: codeSchema,
  submittedAt: z.iso.datetime(),
  dueBy: z.string().nullable(),
  state: requestStateSchema,
  notifications: z.array(portalNotificationSchema),
  result: portalResultSchema.nullable(),
});
export type PortalRequest = z.infer<typeof portalRequestSchema>;
export const portalCabinetSchema = z.object({ citizen: z.object({ iin: iinSchema, fullName: z.string() }), requests: z.array(portalRequestSchema) });
