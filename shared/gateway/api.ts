import { z } from 'zod';
import { apiErrorSchema } from '../api/errors';
import { serviceEntrySchema } from '../catalog/schema';
import { isValidIin } from '../iin/iin';
import { timeStampKeySchema, timeStampSchema } from './timestamp';

// The wire format of the gateway (ШЭП) as the emulator in gateway/ serves it and the АРМ's
// gateway client reads it (docs/gateway-api.md). Shared so both sides validate the same shapes.

export const isoDateSchema = z.iso.date();
export const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'lower-case hex SHA-256');
/** Centre (ЦОН) and provider (услугодатель) codes, district codes, service ids. */
export const codeSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/, 'lower-case latin code');

/** Every name and address comes in both spellings: Russian and Kazakh (ЖТ МДҚ keeps both). */
export const bilingualSchema = z.object({ ru: z.string(), kk: z.string() });
export type Bilingual = z.infer<typeof bilingualSchema>;

export const sexSchema = z.enum(['male', 'female']);

export const identityDocumentSchema = z.object({
  /** Удостоверение личности from 16; свидетельство о рождении before. */
  kind: z.enum(['id-card', 'birth-certificate']),
  number: z.string(),
  issuedOn: isoDateSchema,
  issuer: bilingualSchema,
});

/** A person as ГБД ФЛ («Физические лица») gives it. */
export const personSchema = z.object({
  iin: z.string(),
  surname: bilingualSchema,
  name: bilingualSchema,
  patronymic: bilingualSchema.nullable(),
  birthDate: isoDateSchema,
  sex: sexSchema,
  district: codeSchema,
  address: bilingualSchema,
  document: identityDocumentSchema,
  fatherIin: z.string().nullable(),
  motherIin: z.string().nullable(),
});
export type Person = z.infer<typeof personSchema>;

export const powerOfAttorneyStatusSchema = z.enum(['valid', 'not-yet-valid', 'expired', 'revoked']);

/** A notarised power of attorney (нотариально удостоверенная доверенность) as ЕНИС gives it. */
export const powerOfAttorneySchema = z.object({
  number: z.string(),
  issuedOn: isoDateSchema,
  notary: bilingualSchema,
  principalIin: z.string(),
  attorneyIin: z.string(),
  /** Service ids the attorney may apply for, or every service. */
  scope: z.union([z.literal('all'), z.array(codeSchema)]),
  validFrom: isoDateSchema,
  validTo: isoDateSchema,
  revoked: z.boolean(),
  /** On the gateway's clock at the moment of the lookup. */
  status: powerOfAttorneyStatusSchema,
});
export type PowerOfAttorney = z.infer<typeof powerOfAttorneySchema>;

export const organisationSchema = z.object({
  code: codeSchema,
  kind: z.enum(['centre', 'provider']),
  name: bilingualSchema,
  district: codeSchema,
});
export type Organisation = z.infer<typeof organisationSchema>;

export const routeSchema = z.object({ service: codeSchema, district: codeSchema, provider: codeSchema });
export type Route = z.infer<typeof routeSchema>;

export const routingAnswerSchema = z.object({ service: codeSchema, district: codeSchema, provider: organisationSchema });

/**
 * A person the operator typed by hand while the gateway was unreachable, marked «не проверено»
 * (unverified). The gateway re-checks it against ГБД ФЛ on receipt.
 */
export const unverifiedPersonSchema = z.strictObject({
  iin: z.string().refine(isValidIin, 'not a valid IIN'),
  surname: z.string().min(1).max(100),
  name: z.string().min(1).max(100),
  patronymic: z.string().max(100).nullable(),
  birthDate: isoDateSchema,
});
export type UnverifiedPerson = z.infer<typeof unverifiedPersonSchema>;

export const recheckFieldSchema = z.enum(['surname', 'name', 'patronymic', 'birthDate']);

/** The gateway's verdict on one unverified person: the fields that differ from ГБД ФЛ. */
export const recheckSchema = z.object({
  iin: z.string(),
  result: z.enum(['match', 'mismatch', 'not-found']),
  mismatches: z.array(recheckFieldSchema),
});
export type Recheck = z.infer<typeof recheckSchema>;

export const messageKindSchema = z.enum(['request', 'result', 'refusal', 'notice', 'status']);

/**
 * Уведомление об изменении статуса (ШЭП) / мәртебенің өзгергені туралы хабарлама: the receiving side
 * tells the sender what became of its message — the provider registered the request, took it in
 * work, decided it — or that it could not apply it and returns it (`returned`, with the code and
 * the reason). The payload of a message of kind "status"; the system sends it, no person signs it.
 */
export const statusNoticeSchema = z.strictObject({
  /** The message the request travelled in: the sender finds its copy by it. */
  messageId: z.uuid(),
  /** The request's number, when the receiver could read it. */
  requestNumber: z.string().max(100).nullable(),
  state: z.enum(['registered', 'inWork', 'decided', 'returned']),
  at: z.iso.datetime(),
  /** For `returned`: a stable code (shared/api/errors.ts) and the reason in words. */
  code: z.string().max(64).optional(),
  reason: z.string().max(1000).optional(),
});
export type StatusNotice = z.infer<typeof statusNoticeSchema>;

/**
 * Уведомление (хабарлама): the provider tells the centre something the centre must pass on to the
 * applicant about a request in the provider's hands — the term extended (продление срока: the new
 * due date and the reason) or the package returned for defects (004 App.1 T2 c7: «қайтару
 * себептерін негіздемемен орталыққа қайтарады», within 3 working days, with the reasons). The
 * payload of a message of kind "notice". A person decides it (the executor or the head), so that
 * person signs it with their ЭЦП: the message's detached CMS over canonicalBytes(payload), signer
 * IIN = `iin`; the centre verifies it on receipt like a result. The automatic status notices
 * (statusNoticeSchema) carry only the sending machine's envelope countersignature.
 */
export const requestNoticeSchema = z.strictObject({
  messageId: z.uuid(),
  requestNumber: z.string().max(100),
  kind: z.enum(['extended', 'returned']),
  at: z.iso.datetime(),
  /** For `extended`: the new due date. */
  dueBy: isoDateSchema.optional(),
  reason: z.string().min(1).max(1000),
  by: z.string().max(200),
  /** The IIN of the person who signed the notice (соответствие ИИН, as for a request). */
  iin: z.string().refine(isValidIin, 'IIN'),
});
export type RequestNotice = z.infer<typeof requestNoticeSchema>;

/**
 * What a centre or provider sends. `id` is made by the sender before the first attempt and kept
 * across resends: the gateway recognises a resend by it.
 */
export const messageSchema = z.strictObject({
  id: z.uuid(),
  kind: messageKindSchema,
  from: codeSchema,
  to: codeSchema,
  service: codeSchema,
  createdAt: z.iso.datetime(),
  /** Attachments are uploaded first (PUT /attachments/<sha256>); the message names their hashes. */
  attachments: z.array(sha256Schema).max(100),
  payload: z.record(z.string(), z.unknown()),
  unverifiedPersons: z.array(unverifiedPersonSchema).max(20).optional(),
  /**
   * Detached CMS over canonicalBytes(payload) (RFC 8785), signed by payload.operator.iin for a
   * request and by payload.signer.iin (the provider's head) for a result or refusal.
   */
  signature: z.strictObject({ format: z.literal('cms'), value: z.base64() }).optional(),
  /**
   * The sending workstation's countersignature of the envelope (shared/gateway/machine.ts
   * envelopeSigningText): its machine id and base64 ECDSA-SHA256. Not part of the content hash, so
   * a resend countersigned anew is the same message.
   */
  envelope: z.strictObject({ machine: z.string().regex(/^[0-9a-f]{64}$/), signature: z.base64().max(200) }).optional(),
});
export type GatewayMessage = z.infer<typeof messageSchema>;

/** The admin's enrollment of a workstation: its public key (SPKI DER, base64) and its organisations. */
export const enrollInputSchema = z.strictObject({
  publicKey: z.base64().min(40).max(1000),
  organisations: z.array(codeSchema).min(1).max(10),
});
export const enrollAnswerSchema = z.object({ machineId: z.string(), organisations: z.array(codeSchema) });

/** What PUT /attachments/<sha256> answers (201 stored, 200 already there). */
export const storedAttachmentSchema = z.object({ sha256: sha256Schema, size: z.number().int().nonnegative() });

/** The gateway's receipt for an accepted message; a resend of the same message gets the same one. */
export const receiptSchema = z.object({
  messageId: z.uuid(),
  receiptNumber: z.string(),
  receivedAt: z.iso.datetime(),
  contentSha256: sha256Schema,
  from: codeSchema,
  to: codeSchema,
  /** 'verified' when the gateway runs with trust configured; 'not-checked' without (gateway/signature.ts). */
  signature: z.enum(['verified', 'not-checked']),
  /** One verdict per unverified person of the message, for the sender and the recipient alike. */
  recheck: z.array(recheckSchema),
  /**
   * A request: other open requests the gateway carried for the same applicant and service, from
   * any centre (possible duplicates, issue 22); absent when there are none.
   */
  possibleDuplicates: z.array(z.object({ number: z.string(), centre: codeSchema, receivedAt: z.iso.datetime() })).optional(),
  /** The gateway's signed time (shared/gateway/timestamp.ts); absent from a gateway that has no stamping key. */
  stamp: timeStampSchema.optional(),
});
export type Receipt = z.infer<typeof receiptSchema>;

/** The most messages one batch call carries (POST /messages/batch). */
export const MAX_BATCH_MESSAGES = 100;
/** The most bytes of one batch call's body; a scan the sender cannot fit goes by PUT /attachments first. */
export const MAX_BATCH_BYTES = 32 * 1024 * 1024;

/**
 * The JSON head of POST /messages/batch; the scans follow it as raw parts, one per `attachments`
 * entry in order (shared/gateway/framed.ts). Each message is checked as POST /messages checks it,
 * on its own: one that breaks the message schema is refused alone (so the head takes any JSON
 * value here), the rest go on.
 */
export const batchHeadSchema = z.strictObject({
  messages: z.array(z.unknown()).min(1).max(MAX_BATCH_MESSAGES),
  /** The scans' names; each part must hash to its name, as PUT /attachments checks. */
  attachments: z.array(z.strictObject({ sha256: sha256Schema })).max(MAX_BATCH_MESSAGES * 5),
});
export type BatchHead = z.infer<typeof batchHeadSchema>;

/** One answer per message, in the order sent: its receipt (`created` false for a resend), or its own refusal. */
export const batchResultSchema = z.union([
  z.object({ messageId: z.uuid(), created: z.boolean(), receipt: receiptSchema }),
  z.object({ messageId: z.string().nullable(), error: apiErrorSchema }),
]);
export type BatchResult = z.infer<typeof batchResultSchema>;
export const batchAnswerSchema = z.object({ results: z.array(batchResultSchema) });

export const leasedMessageSchema = z.object({
  message: messageSchema,
  receipt: receiptSchema,
  /** 1 on the first lease; more means an earlier lease ran out without an acknowledgement. */
  deliveryAttempt: z.number().int().positive(),
  leaseUntil: z.iso.datetime(),
});
export const leaseAnswerSchema = z.object({ messages: z.array(leasedMessageSchema) });
export const ackInputSchema = z.strictObject({ ids: z.array(z.uuid()).min(1).max(500) });
export const ackAnswerSchema = z.object({ acknowledged: z.number().int().nonnegative() });

export const holidaySchema = z.object({ date: isoDateSchema, name: bilingualSchema });
export const holidaysReferenceSchema = z.object({ version: z.number().int().positive(), holidays: z.array(holidaySchema) });
export const organisationsReferenceSchema = z.object({
  version: z.number().int().positive(),
  organisations: z.array(organisationSchema),
  routes: z.array(routeSchema),
});

/** GET /reference/catalog: the service catalog (shared/catalog) as the gateway distributes it. */
export const catalogReferenceSchema = z.object({ version: z.number().int().positive(), services: z.array(serviceEntrySchema) });

/** GET /reference/trust: the root certificates (PEM) a signer's chain must end in. */
export const trustReferenceSchema = z.object({
  version: z.number().int().positive(),
  roots: z.array(z.string()),
  /** The keys the gateway stamps receipts with (its time-stamp authority, shared/gateway/timestamp.ts). */
  timeStampKeys: z.array(timeStampKeySchema).optional(),
});
/** GET /reference/crl: the CRLs (список отозванных регистрационных свидетельств), PEM, one per issuer. */
export const crlReferenceSchema = z.object({ version: z.number().int().positive(), crls: z.array(z.string()) });

/**
 * Audit anchoring (issue 14 item 7): a workstation's audit chain head — the sequence number and hash
 * of its newest entry — kept by the gateway, the last one per workstation, so a chain later cut
 * short or rewritten at home no longer matches what the gateway saw.
 */
export const auditHeadSchema = z.strictObject({ seq: z.number().int().positive(), hash: sha256Schema });
export const auditAnchorSchema = z.object({ seq: z.number().int().positive(), hash: sha256Schema, anchoredAt: z.iso.datetime() });
export const auditAnchorAnswerSchema = z.object({ anchor: auditAnchorSchema.nullable() });
export const auditAnchorInputSchema = z.strictObject({
  seq: z.number().int().positive(),
  hash: sha256Schema,
  /** The anchor this head extends, as the gateway answered it (null: the first anchor). */
  previous: auditHeadSchema.nullable(),
  /** A supervisor-confirmed restore from backup: the chain starts again from the backup's, and the gateway records why. */
  reanchor: z
    .strictObject({
      reason: z.literal('restore'),
      /** The supervisor's login, or null when a dead database was restored with the backup password alone. */
      confirmedBy: z.string().min(1).max(64).nullable(),
      backupCreatedAt: z.iso.datetime(),
    })
    .optional(),
});
export type AuditAnchor = z.infer<typeof auditAnchorSchema>;
export type AuditAnchorInput = z.infer<typeof auditAnchorInputSchema>;

export const faultModeSchema = z.enum(['none', 'error500', 'timeout', 'drop', 'slow']);
export type FaultMode = z.infer<typeof faultModeSchema>;
export const faultInputSchema = z.strictObject({
  mode: faultModeSchema,
  /** How many requests the fault hits before the gateway heals itself; absent = until changed. */
  count: z.number().int().positive().optional(),
  /** For "slow": how long each request waits before it is processed (default 2000). */
  delayMs: z.number().int().min(1).max(60_000).optional(),
});

/** Every refusal: a stable code (shared/api/errors.ts) with a reason. */
export const gatewayErrorSchema = z.object({ error: apiErrorSchema });
