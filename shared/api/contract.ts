import { z } from 'zod';
import { serviceEntrySchema, serviceSummarySchema } from '../catalog/schema';
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
  scanInputSchema,
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

export const contract = {
  system: {
    health: channel({ input: z.undefined(), output: healthSchema, access: 'public' }),
    info: channel({ input: z.undefined(), output: systemInfoSchema, access: 'public' }),
  },
  // Every role looks services up: the operator at intake, the clerk and the head deciding, the supervisor.
  catalog: {
    list: channel({ input: z.undefined(), output: z.array(serviceSummarySchema), access: roles }),
    get: channel({ input: z.object({ id: z.string().min(1).max(100) }), output: serviceEntrySchema, access: roles }),
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
  },
  /** The gateway inbox: requests at the provider (clerk, head), results at the centre. */
  inbox: {
    pull: channel({ input: z.undefined(), output: pullResultSchema, access: roles }),
    settings: channel({ input: z.undefined(), output: inboxSettingsSchema, access: roles }),
    configure: channel({ input: configureInputSchema, output: inboxSettingsSchema, access: ['supervisor'] }),
    list: channel({ input: inboxFilterSchema, output: z.array(inboxRowSchema), access: ['clerk', 'head'] }),
    get: channel({ input: requestIdSchema, output: requestViewSchema, access: ['clerk', 'head'] }),
    refused: channel({ input: z.undefined(), output: z.array(refusedMessageSchema), access: ['clerk', 'head', 'supervisor'] }),
    scan: channel({ input: scanInputSchema, output: scanSchema, access: ['clerk', 'head'] }),
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
