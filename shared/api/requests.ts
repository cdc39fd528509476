import { z } from 'zod';

// The request life cycle (статус исполнения заявления / өтініштің орындалу мәртебесі). Labels in
// shared/i18n under "requestState.<state>" follow the glossary (seeds/digests, section E).
export const requestStateSchema = z.enum([
  'draft', // черновик / жоба
  'signed', // подписано / қол қойылды
  'queued', // в очереди / кезекте
  'sent', // отправлено / жіберілді
  'registered', // зарегистрировано / тіркелді
  'inWork', // в обработке / өңделуде
  'decided', // certificate or refusal prepared, awaiting the head
  'resultSigned', // подписано руководителем
  'resultAtCentre', // готово к выдаче / беруге дайын
  'issued', // выдано / берілді
  'refusedAtIntake', // отказ в приёме документов
  'withdrawn', // отозвано
  'returned', // возвращено отправителю: the provider could not apply it (status notice with the reason)
]);
export type RequestState = z.infer<typeof requestStateSchema>;

export const outcomeSchema = z.enum(['certificate', 'refusal']);
export type Outcome = z.infer<typeof outcomeSchema>;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const isoDate = z.iso.date();

/**
 * A person as the request carries them: from ГБД ФЛ (`registry`), or typed by the operator while
 * the gateway was unreachable (`manual`, shown «не проверено» until the gateway re-checks it).
 */
export const personDataSchema = z.object({
  iin: z.string().regex(/^\d{12}$/),
  surname: z.string().min(1).max(100),
  name: z.string().min(1).max(100),
  patronymic: z.string().max(100).nullable(),
  birthDate: isoDate,
  address: z.string().max(300).nullable(),
  source: z.enum(['registry', 'manual']),
});
export type PersonData = z.infer<typeof personDataSchema>;

/** A notarised power of attorney as ЕНИС confirmed it (or as typed while offline). */
export const notarisedPowerOfAttorneySchema = z.object({
  kind: z.literal('notarised'),
  number: z.string().min(1).max(40),
  issuedOn: isoDate,
  notary: z.string().max(300),
  validTo: isoDate,
  source: z.enum(['registry', 'manual']),
});

/** Notarised: checked in ЕНИС by number and date. Simple (written): a required scan instead. */
export const powerOfAttorneyDataSchema = z.discriminatedUnion('kind', [
  notarisedPowerOfAttorneySchema,
  z.object({ kind: z.literal('simple'), attachment: sha256 }),
]);
export type PowerOfAttorneyData = z.infer<typeof powerOfAttorneyDataSchema>;

/** One line of the regulation's document list as the operator checked it at the counter. */
export const checklistItemSchema = z.object({
  /** Position of the document in the catalog variant's list. */
  document: z.number().int().nonnegative(),
  presented: z.boolean(),
  form: z.enum(['original', 'copy']).nullable(),
  attachments: z.array(sha256).max(50),
});
export type ChecklistItem = z.infer<typeof checklistItemSchema>;

/**
 * A presented document as it is signed: its checklist name (the regulation's, or the supervisor's
 * list for a variant that only points to a Standard) travels with it, so the receipt and the
 * provider's АРМ, whose catalog has no such list, name it instead of «№ 1».
 */
export const acceptedDocumentSchema = checklistItemSchema.extend({
  /** Absent in requests signed by release 0.1.0, still in outboxes and at providers: those are named from the catalog. */
  name: z.object({ ru: z.string().min(1).max(1000), kk: z.string().min(1).max(1000) }).optional(),
});
export type AcceptedDocument = z.infer<typeof acceptedDocumentSchema>;

/**
 * What the operator signs (as RFC 8785 canonical JSON), what the gateway carries as the
 * message payload, and what the provider decides on: the whole request, hashes of the scans
 * included, nothing else.
 */
export const requestContentSchema = z.object({
  number: z.string().min(1),
  serviceId: z.string().min(1),
  /** The catalog variant (regulation of the region) the request is taken under. */
  variantId: z.string().min(1),
  /** portal: the applicant filed it on egov.kz (ПЭП) and signed it with their own key; there is no operator. */
  channel: z.enum(['centre', 'mobileCentre', 'portal']),
  applicant: personDataSchema,
  representative: personDataSchema.nullable(),
  powerOfAttorney: powerOfAttorneyDataSchema.nullable(),
  /** The application form's fields by the catalog's keys. */
  fields: z.record(z.string(), z.string().max(2000)),
  checklist: z.array(acceptedDocumentSchema),
  /** null for a portal request: the applicant signed it (requestSignerIin). */
  operator: z.object({ userId: z.string(), iin: z.string().regex(/^\d{12}$/), fullName: z.string() }).nullable(),
  /** The centre that took it in, or for a portal request the portal (PORTAL_CODE), whose «личный кабинет» gets the result. */
  centre: z.string().min(1),
  provider: z.string().min(1),
  acceptedAt: z.iso.datetime(),
  /** The result is due by this local date-time (срок оказания), from the catalog term and the calendar. */
  dueBy: z.string().nullable(),
});
export type RequestContent = z.infer<typeof requestContentSchema>;

/**
 * The portal's address at the gateway (ПЭП / ЭҮП): a portal request names it as its centre, so the
 * provider's status notices and its result go back to it, into the applicant's «личный кабинет».
 */
export const PORTAL_CODE = 'egov-portal';

/** Who must have signed a request: the operator at a counter, the applicant on the portal. */
export function requestSignerIin(content: Pick<RequestContent, 'channel' | 'operator' | 'applicant'>): string | null {
  return content.channel === 'portal' ? content.applicant.iin : (content.operator?.iin ?? null);
}
