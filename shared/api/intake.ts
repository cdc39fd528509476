import { z } from 'zod';
import { codeSchema } from '../gateway/api';
import { iinSchema } from './auth';
import { channel } from './channel';
import { checklistItemSchema, notarisedPowerOfAttorneySchema, personDataSchema, requestContentSchema, requestStateSchema } from './requests';
import { counterRoles, roles } from './roles';

// Intake at the counter (приём документов / құжаттарды қабылдау): the draft the operator fills in,
// saved on every change, and what the screens send. The signed form is requestContentSchema.

export const languageSchema = z.enum(['ru', 'kk']);
export type Language = z.infer<typeof languageSchema>;

const isoDate = z.iso.date();
const requestId = z.uuid();

/** The workstation's centre (ЦОН), a gateway organisation code, and the district it serves. */
export const centreSettingSchema = z.object({ code: codeSchema, district: codeSchema });
export type CentreSetting = z.infer<typeof centreSettingSchema>;

/** A notarised PoA as ЕНИС confirmed it, or a simple written one whose scan is a checklist line. */
export const draftPowerOfAttorneySchema = z.discriminatedUnion('kind', [notarisedPowerOfAttorneySchema, z.object({ kind: z.literal('simple') })]);
export type DraftPowerOfAttorney = z.infer<typeof draftPowerOfAttorneySchema>;

const text = z.object({ ru: z.string(), kk: z.string() });

/** One line of the checklist as the screen shows it: the catalog's document or the simple PoA. */
export const checklistLineSchema = z.object({
  document: z.number().int().nonnegative(),
  name: text,
  required: z.boolean(),
  /** The form the regulation asks for (original, copy, electronic copy). */
  expected: z.enum(['original', 'copy', 'electronicCopy']),
  kind: z.enum(['catalog', 'powerOfAttorney']),
});
export type ChecklistLine = z.infer<typeof checklistLineSchema>;

export const formFieldViewSchema = z.object({
  key: z.string(),
  label: text,
  type: z.string(),
  required: z.boolean(),
});

export const intakeDraftSchema = z.object({
  requestId,
  number: z.string(),
  state: requestStateSchema,
  serviceId: z.string(),
  serviceName: text,
  variantId: z.string(),
  channel: z.enum(['centre', 'mobileCentre']),
  centre: z.string(),
  provider: z.string(),
  /** Whether the variant lets a representative apply, and with what kind of PoA. */
  representation: z.object({ allowed: z.boolean(), simpleAllowed: z.boolean() }),
  language: languageSchema,
  applicant: personDataSchema.nullable(),
  represented: z.boolean(),
  representative: personDataSchema.nullable(),
  powerOfAttorney: draftPowerOfAttorneySchema.nullable(),
  formFields: z.array(formFieldViewSchema),
  fields: z.record(z.string(), z.string().max(2000)),
  lines: z.array(checklistLineSchema),
  checklist: z.array(checklistItemSchema),
  /** Required lines not presented yet, by their `document`: what a refusal preselects. */
  missing: z.array(z.number().int().nonnegative()),
  dueBy: z.string().nullable(),
  updatedAt: z.string(),
  /** Open requests of the same applicant for the same service at this centre (possible duplicates). */
  duplicates: z.array(z.object({ number: z.string(), state: requestStateSchema, centre: z.string() })),
  /** Why the operator continues despite them; signing waits for it while there are duplicates. */
  duplicateReason: z.string().nullable(),
});
export type IntakeDraft = z.infer<typeof intakeDraftSchema>;

export const draftSummarySchema = z.object({
  requestId,
  number: z.string(),
  serviceName: text,
  applicantName: z.string().nullable(),
  updatedAt: z.string(),
});

export const saveDraftInputSchema = z.object({
  requestId,
  language: languageSchema,
  represented: z.boolean(),
  fields: z.record(z.string().max(60), z.string().max(2000)),
  /** Presented and form per line; the scans are added by the documents channels only. */
  checklist: z.array(z.object({ document: z.number().int().nonnegative().max(200), presented: z.boolean(), form: z.enum(['original', 'copy']).nullable() })).max(200),
});

export const personRoleSchema = z.enum(['applicant', 'representative']);

/** Typed by the operator while the gateway is unreachable (source «manual», не проверено). */
export const manualPersonInputSchema = z.object({
  requestId,
  role: personRoleSchema,
  person: z.object({
    // Checked where it is typed: a wrong check digit used to pass here and fail only at submit.
    iin: iinSchema,
    surname: z.string().trim().min(1).max(100),
    name: z.string().trim().min(1).max(100),
    patronymic: z.string().trim().max(100).nullable(),
    birthDate: isoDate,
    address: z.string().trim().max(300).nullable(),
  }),
});

export const powerOfAttorneyInputSchema = z.discriminatedUnion('kind', [
  z.object({ requestId, kind: z.literal('notarised'), number: z.string().trim().min(1).max(40), date: isoDate }),
  z.object({ requestId, kind: z.literal('simple') }),
]);

/**
 * Why the counter refuses to accept (отказ в приёме документов / құжаттарды қабылдаудан бас тарту):
 * the regulations name two grounds, an incomplete package (Standard п.9) and documents whose
 * validity has expired (seed 001, п.2 of each regulation).
 */
export const intakeRefusalGroundSchema = z.enum(['incompletePackage', 'expiredDocuments']);
export type IntakeRefusalGround = z.infer<typeof intakeRefusalGroundSchema>;
/**
 * The ground, the checklist lines it concerns (the missing ones preselected on the screen) and a
 * note. Where the regulation gives no document list (it points to the Standard, e.g. seed 001 R1,
 * R5, R9, which still oblige the ЦОН worker to refuse with a receipt) there are no lines to name:
 * the note names the documents instead (REFUSAL_DOCUMENTS_UNNAMED when it is empty).
 */
export const intakeRefusalSchema = z.strictObject({
  ground: intakeRefusalGroundSchema,
  documents: z.array(z.number().int().nonnegative().max(200)).max(200),
  comment: z.string().trim().max(500).default(''),
});
export type IntakeRefusal = z.infer<typeof intakeRefusalSchema>;

/** The counter: a request from the service choice to the queue (electron/core/intake). */
export const intakeChannels = {
  centre: channel({ input: z.undefined(), output: centreSettingSchema.nullable(), access: roles }),
  setCentre: channel({ input: centreSettingSchema, output: centreSettingSchema, access: ['supervisor'] }),
  start: channel({ input: z.object({ serviceId: z.string().min(1).max(100) }), output: intakeDraftSchema, access: counterRoles }),
  get: channel({ input: z.object({ requestId }), output: intakeDraftSchema, access: counterRoles }),
  /** Open drafts of this workstation, newest first: what a restart offers to reopen. */
  drafts: channel({ input: z.undefined(), output: z.array(draftSummarySchema), access: counterRoles }),
  saveDraft: channel({ input: saveDraftInputSchema, output: intakeDraftSchema, access: counterRoles }),
  lookupPerson: channel({ input: z.object({ requestId, role: personRoleSchema, iin: iinSchema }), output: intakeDraftSchema, access: counterRoles }),
  manualPerson: channel({ input: manualPersonInputSchema, output: intakeDraftSchema, access: counterRoles }),
  powerOfAttorney: channel({ input: powerOfAttorneyInputSchema, output: intakeDraftSchema, access: counterRoles }),
  /** The content to sign; DOCUMENTS_MISSING (params.documents) while a required document is not presented. */
  continueDuplicate: channel({ input: z.strictObject({ requestId, reason: z.string().trim().min(5).max(500) }), output: intakeDraftSchema, access: counterRoles }),
  prepare: channel({ input: z.object({ requestId }), output: requestContentSchema, access: counterRoles }),
  submit: channel({
    input: z.object({ requestId, cms: z.base64().min(1).max(64 * 1024) }),
    output: z.object({ requestId, number: z.string(), state: requestStateSchema, dueBy: z.string().nullable() }),
    access: counterRoles,
  }),
  /** Refusal to accept documents (отказ в приёме документов): the draft ends in refusedAtIntake. */
  refuse: channel({ input: intakeRefusalSchema.extend({ requestId }), output: z.object({ requestId, state: requestStateSchema }), access: counterRoles }),
};
