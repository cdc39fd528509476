import { z } from 'zod';
import { documentOverrideItemSchema, documentsOverrideSchema, serviceEntrySchema, serviceSummarySchema } from '../catalog/schema';
import { channel, type ChannelName } from './channel';
import {
  accountIdSchema,
  accountSchema,
  auditEntrySchema,
  auditQuerySchema,
  auditVerifySchema,
  authStatusSchema,
  changePasswordInputSchema,
  createAccountInputSchema,
  iinSchema,
  loginInputSchema,
  policySchema,
  resetPasswordInputSchema,
  sessionUserSchema,
  setActiveInputSchema,
  setupInputSchema,
  unlockInputSchema,
} from './auth';
import { isoDateSchema, personSchema, powerOfAttorneySchema } from '../gateway/api';
import { certificateCardSchema } from '../signing/card';
import { errorCodeSchema } from './errors';
import { transferExportInputSchema, transferFileSchema, transferImportInputSchema, transferImportResultSchema } from './transfer';
import { dashboardSchema, questionnaireInputSchema, periodFileInputSchema, periodInputSchema, periodReportSchema, journalExportInputSchema, journalExportSchema, journalOperatorSchema, journalPageSchema, journalQuerySchema } from './journal';
import {
  centreSettingSchema,
  draftSummarySchema,
  intakeDraftSchema,
  manualPersonInputSchema,
  pdfSchema,
  personRoleSchema,
  powerOfAttorneyInputSchema,
  receiptInputSchema,
  removeAttachmentInputSchema,
  saveDraftInputSchema,
  scanInputSchema,
  scannerSchema,
  uploadInputSchema,
} from './intake';
import { requestContentSchema, requestStateSchema } from './requests';
import {
  approveInputSchema,
  configureInputSchema,
  counterResultSchema,
  issueInputSchema,
  decideInputSchema,
  resultViewSchema,
  returnInputSchema,
  inboxFilterSchema,
  inboxRowSchema,
  inboxSettingsSchema,
  markInputSchema,
  pullResultSchema,
  refusedMessageSchema,
  requestIdSchema,
  requestViewSchema,
  inboxScanInputSchema,
  scanSchema,
} from './provider';
import { roles } from './roles';

// The one registry of channels. Adding a capability: a block here, a handler set in
// electron/core/<capability>/, registered in electron/core/handlers.ts (docs/architecture.md).

const gatewayModeSchema = z.enum(['none', 'training', 'live']);

export const healthSchema = z.object({
  status: z.enum(['ok', 'failed']),
  /** Why the core could not start (corrupt or newer database); the renderer shows it translated. */
  error: errorCodeSchema.optional(),
  schemaVersion: z.number().int().nonnegative(),
  gateway: z.object({ mode: gatewayModeSchema, reachable: z.boolean() }),
  /**
   * Encryption at rest: 'os' the OS keeps the master key; 'os-plaintext' Linux without a keyring
   * (Chromium stores it in the clear); 'key-file' the web host's key file. The last two warn.
   */
  atRest: z.object({ encrypted: z.boolean(), protection: z.enum(['os', 'os-plaintext', 'key-file']).nullable() }),
});
export type Health = z.infer<typeof healthSchema>;

export const systemInfoSchema = z.object({
  appVersion: z.string(),
  dataDir: z.string(),
  workstationId: z.string(),
  schemaVersion: z.number().int().nonnegative(),
  gateway: z.object({ mode: gatewayModeSchema, url: z.string().nullable() }),
});
export type SystemInfo = z.infer<typeof systemInfoSchema>;

export const outboxStatusSchema = z.object({
  pending: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
  oldestPendingAt: z.string().nullable(),
  lastError: errorCodeSchema.nullable(),
  lastSyncAt: z.string().nullable(),
});
export type OutboxStatus = z.infer<typeof outboxStatusSchema>;

const counter = ['operator', 'mobileOperator'] as const;
// ЭЦП. A key file travels as base64 (a NCA .p12 is a few KB); the password only for the call.
const keyFileSchema = z.string().max(64 * 1024);
const keyPasswordSchema = z.string().max(256);

export const signedPayloadSchema = z.object({
  /** Detached CMS SignedData, DER, base64. */
  cms: z.string(),
  /** SHA-256 of the signed bytes (RFC 8785 canonical JSON of the payload), hex. */
  contentSha256: z.string().regex(/^[0-9a-f]{64}$/),
  signingTime: z.iso.datetime(),
  card: certificateCardSchema,
});
export type SignedPayload = z.infer<typeof signedPayloadSchema>;

/** The cached trust of the gateway (roots, CRL) as the signing dialog shows it. */
export const trustStatusSchema = z.object({
  /** This call reached the gateway; false: the numbers are the last cached ones. */
  refreshed: z.boolean(),
  roots: z.number().int().nonnegative(),
  /** Null: no CRL was ever fetched, so signing is refused with CRL_UNAVAILABLE. */
  crl: z
    .object({
      issuedAt: z.iso.datetime(),
      nextUpdate: z.iso.datetime().nullable(),
      fetchedAt: z.iso.datetime(),
      ageMinutes: z.number().int().nonnegative(),
      /** Past its nextUpdate: revocations since then are unknown here. */
      stale: z.boolean(),
    })
    .nullable(),
});
export type TrustStatus = z.infer<typeof trustStatusSchema>;

export const contract = {
  system: {
    health: channel({ input: z.undefined(), output: healthSchema, access: 'public' }),
    info: channel({ input: z.undefined(), output: systemInfoSchema, access: 'public' }),
  },
  // Every role looks services up: the operator at intake, the clerk and the head deciding, the supervisor.
  catalog: {
    list: channel({ input: z.undefined(), output: z.array(serviceSummarySchema), access: roles }),
    get: channel({ input: z.object({ id: z.string().min(1).max(100) }), output: serviceEntrySchema, access: roles }),
    /** The supervisor's document list for a variant whose regulation only points to a Standard. */
    setDocuments: channel({
      input: z.object({
        variantId: z.string().min(1).max(40),
        items: z.array(documentOverrideItemSchema).min(1).max(60),
        basis: z.string().trim().min(3).max(300),
      }),
      output: documentsOverrideSchema,
      access: ['supervisor'],
    }),
    documentsHistory: channel({
      input: z.object({ variantId: z.string().min(1).max(40) }),
      output: z.array(documentsOverrideSchema.extend({ items: z.array(documentOverrideItemSchema) })),
      access: ['supervisor'],
    }),
  },
  auth: {
    status: channel({ input: z.undefined(), output: authStatusSchema, access: 'public' }),
    /** First run: the supervisor account, only while there is no account at all. */
    setup: channel({ input: setupInputSchema, output: sessionUserSchema, access: 'public' }),
    login: channel({ input: loginInputSchema, output: sessionUserSchema, access: 'public' }),
    logout: channel({ input: z.undefined(), output: z.null(), access: roles, beforeUnlock: true }),
    changePassword: channel({ input: changePasswordInputSchema, output: sessionUserSchema, access: roles, beforeUnlock: true }),
    lock: channel({ input: z.undefined(), output: z.null(), access: roles }),
    unlock: channel({ input: unlockInputSchema, output: sessionUserSchema, access: roles, beforeUnlock: true }),
  },
  accounts: {
    list: channel({ input: z.undefined(), output: z.array(accountSchema), access: ['supervisor'] }),
    create: channel({ input: createAccountInputSchema, output: accountSchema, access: ['supervisor'] }),
    setActive: channel({ input: setActiveInputSchema, output: accountSchema, access: ['supervisor'] }),
    resetPassword: channel({ input: resetPasswordInputSchema, output: accountSchema, access: ['supervisor'] }),
    unlock: channel({ input: accountIdSchema, output: accountSchema, access: ['supervisor'] }),
    policy: channel({ input: z.undefined(), output: policySchema, access: ['supervisor'] }),
    setPolicy: channel({ input: policySchema, output: policySchema, access: ['supervisor'] }),
  },
  /** ГБД ФЛ and ЕНИС through the gateway; every look-up is in the audit log with the IIN. */
  lookup: {
    person: channel({ input: z.object({ iin: iinSchema }), output: personSchema, access: [...counter, 'clerk'] }),
    powerOfAttorney: channel({
      input: z.object({ number: z.string().trim().min(1).max(40), date: isoDateSchema }),
      output: powerOfAttorneySchema,
      access: [...counter, 'clerk'],
    }),
  },
  outbox: {
    status: channel({ input: z.undefined(), output: outboxStatusSchema, access: roles }),
    syncNow: channel({ input: z.undefined(), output: outboxStatusSchema, access: [...counter, 'supervisor'] }),
  },
  audit: {
    list: channel({ input: auditQuerySchema, output: z.array(auditEntrySchema), access: ['supervisor'] }),
    verify: channel({ input: z.undefined(), output: auditVerifySchema, access: ['supervisor'] }),
  },
  signing: {
    inspectKey: channel({
      input: z.object({ keyFile: keyFileSchema, password: keyPasswordSchema }),
      output: certificateCardSchema,
      access: roles,
    }),
    /** The certificate's IIN must be the signed-in user's (CERT_IIN_MISMATCH otherwise). */
    sign: channel({
      input: z.object({
        keyFile: keyFileSchema,
        password: keyPasswordSchema,
        payload: z.json(),
      }),
      output: signedPayloadSchema,
      access: roles,
    }),
    /** Refreshes the roots and the CRL from the gateway when it answers, then reports the cache. */
    trustStatus: channel({ input: z.undefined(), output: trustStatusSchema, access: roles }),
  },
  /** Журнал заявлений: a search that names an IIN is in the audit log with that IIN. */
  journal: {
    search: channel({ input: journalQuerySchema, output: journalPageSchema, access: [...counter, 'supervisor'] }),
    export: channel({ input: journalExportInputSchema, output: journalExportSchema, access: [...counter, 'supervisor'] }),
    operators: channel({ input: z.undefined(), output: z.array(journalOperatorSchema), access: [...counter, 'supervisor'] }),
  },
  /** Отчёты: the supervisor's live dashboard, polled by the screen. */
  reports: {
    dashboard: channel({ input: z.undefined(), output: dashboardSchema, access: ['supervisor'] }),
    period: channel({ input: periodInputSchema, output: periodReportSchema, access: ['supervisor'] }),
    periodFile: channel({ input: periodFileInputSchema, output: journalExportSchema, access: ['supervisor'] }),
    /** The applicant's анкета after issuance, typed on the operator's screen. */
    answer: channel({ input: questionnaireInputSchema, output: z.null(), access: counter }),
  },
  /** A mobile centre's pending outbox on a USB stick to a connected АРМ of the same centre. */
  transfer: {
    export: channel({ input: transferExportInputSchema, output: transferFileSchema, access: [...counter, 'supervisor'] }),
    import: channel({ input: transferImportInputSchema, output: transferImportResultSchema, access: [...counter, 'supervisor'] }),
  },
  /** The counter: a request from the service choice to the queue (electron/core/intake). */
  intake: {
    centre: channel({ input: z.undefined(), output: centreSettingSchema.nullable(), access: roles }),
    setCentre: channel({ input: centreSettingSchema, output: centreSettingSchema, access: ['supervisor'] }),
    start: channel({ input: z.object({ serviceId: z.string().min(1).max(100) }), output: intakeDraftSchema, access: [...counter] }),
    get: channel({ input: z.object({ requestId: z.uuid() }), output: intakeDraftSchema, access: [...counter] }),
    /** Open drafts of this workstation, newest first: what a restart offers to reopen. */
    drafts: channel({ input: z.undefined(), output: z.array(draftSummarySchema), access: [...counter] }),
    saveDraft: channel({ input: saveDraftInputSchema, output: intakeDraftSchema, access: [...counter] }),
    lookupPerson: channel({ input: z.object({ requestId: z.uuid(), role: personRoleSchema, iin: iinSchema }), output: intakeDraftSchema, access: [...counter] }),
    manualPerson: channel({ input: manualPersonInputSchema, output: intakeDraftSchema, access: [...counter] }),
    powerOfAttorney: channel({ input: powerOfAttorneyInputSchema, output: intakeDraftSchema, access: [...counter] }),
    /** The content to sign; DOCUMENTS_MISSING (params.documents) while a required document is not presented. */
    prepare: channel({ input: z.object({ requestId: z.uuid() }), output: requestContentSchema, access: [...counter] }),
    submit: channel({
      input: z.object({ requestId: z.uuid(), cms: z.base64().min(1).max(64 * 1024) }),
      output: z.object({ requestId: z.uuid(), number: z.string(), state: requestStateSchema, dueBy: z.string().nullable() }),
      access: [...counter],
    }),
    /** Refusal to accept documents (отказ в приёме документов): the draft ends in refusedAtIntake. */
    refuse: channel({ input: z.object({ requestId: z.uuid() }), output: z.object({ requestId: z.uuid(), state: requestStateSchema }), access: [...counter] }),
  },
  /** Scans and files of a draft's documents, stored content-addressed (electron/core/documents). */
  documents: {
    upload: channel({ input: uploadInputSchema, output: intakeDraftSchema, access: [...counter] }),
    scanners: channel({ input: z.undefined(), output: z.array(scannerSchema), access: [...counter] }),
    scan: channel({ input: scanInputSchema, output: intakeDraftSchema, access: [...counter] }),
    remove: channel({ input: removeAttachmentInputSchema, output: intakeDraftSchema, access: [...counter] }),
  },
  /** Printed forms as PDF bytes (electron/core/print). */
  print: {
    /** Расписка о приёме документов, or об отказе в приёме for a refused request. */
    receipt: channel({ input: receiptInputSchema, output: pdfSchema, access: [...counter] }),
  },
  /** The gateway inbox: requests at the provider (clerk, head), results at the centre. */
  inbox: {
    pull: channel({ input: z.undefined(), output: pullResultSchema, access: roles }),
    settings: channel({ input: z.undefined(), output: inboxSettingsSchema, access: roles }),
    configure: channel({ input: configureInputSchema, output: inboxSettingsSchema, access: ['supervisor'] }),
    list: channel({ input: inboxFilterSchema, output: z.array(inboxRowSchema), access: ['clerk', 'head'] }),
    get: channel({ input: requestIdSchema, output: requestViewSchema, access: ['clerk', 'head'] }),
    refused: channel({ input: z.undefined(), output: z.array(refusedMessageSchema), access: ['clerk', 'head', 'supervisor'] }),
    scan: channel({ input: inboxScanInputSchema, output: scanSchema, access: ['clerk', 'head'] }),
    take: channel({ input: requestIdSchema, output: requestViewSchema, access: ['clerk'] }),
    mark: channel({ input: markInputSchema, output: requestViewSchema, access: ['clerk'] }),
  },
  /** The clerk's certificate or motivated refusal; the head signs it or returns it. */
  decision: {
    decide: channel({ input: decideInputSchema, output: resultViewSchema, access: ['clerk'] }),
    result: channel({ input: requestIdSchema, output: resultViewSchema, access: ['clerk', 'head'] }),
    queue: channel({ input: z.undefined(), output: z.array(inboxRowSchema), access: ['head'] }),
    prepare: channel({ input: requestIdSchema, output: resultViewSchema, access: ['head'] }),
    approve: channel({ input: approveInputSchema, output: resultViewSchema, access: ['head'] }),
    return: channel({ input: returnInputSchema, output: requestViewSchema, access: ['head'] }),
  },
  /** Result PDFs (ru, kk) with the verifiable barcode. */
  results: {
    pdf: channel({ input: z.strictObject({ requestId: z.uuid(), lang: z.enum(['ru', 'kk']) }), output: z.object({ base64: z.string() }), access: ['clerk', 'head', ...counter] }),
    /** The centre's results inbox: ready to hand over, and handed over. */
    counter: channel({ input: z.undefined(), output: z.array(counterResultSchema), access: [...counter] }),
    /** Hands the result over at the counter: resultAtCentre → issued. */
    issue: channel({ input: issueInputSchema, output: counterResultSchema, access: [...counter] }),
  },
};

export type Contract = typeof contract;
export type ArmChannel = ChannelName<Contract>;
