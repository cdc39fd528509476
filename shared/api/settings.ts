import { z } from 'zod';
import { noticeTextsSchema } from './notices';
import { codeSchema, organisationsReferenceSchema } from '../gateway/api';
import { policySchema } from './accounts';
import { centreSettingSchema } from './intake';
import { genericWordingSchema } from './results';
import { updateUrlSchema } from './update';
import { binSchema } from './workstation';

// The workstation's settings: one table (settings), one typed key each, read and written only
// through electron/core/settings. A key is added here when something reads it; its default, if
// any, lives with the code that reads it.

/** The gateway the АРМ talks to: http(s), no credentials in it. */
export const gatewayUrlSchema = z
  .url({ protocol: /^https?$/ })
  .max(2000)
  .refine((url) => { const parsed = new URL(url); return !parsed.username && !parsed.password; }, 'no credentials in the URL');

export const settingSchemas = {
  /** The gateway (ШЭП) URL; `--gateway` and ARM_GATEWAY_URL override it for one run. */
  'gateway.url': gatewayUrlSchema,
  /** The update server (electron-updater's generic provider); --update-url and ARM_UPDATE_URL override it. */
  'updates.url': updateUrlSchema,
  /** The centre (ЦОН) this counter belongs to and its district (intake). */
  'workstation.centre': centreSettingSchema,
  /**
   * The mobile centre (мобильный ЦОН) its mobile-centre operator takes requests in for, and its
   * district, where that is not the counter's centre (training: M. Zhumabaev, seed 004, whose
   * regulations name mobile centres); unset: the centre's.
   */
  'workstation.mobileCentre': centreSettingSchema,
  /** This workstation's organisation BIN (БИН): signatures made here need a key of it (CERT_ORGANISATION). */
  'workstation.bin': binSchema,
  /** The gateway code of this workstation's organisation: whose inbox it pulls (provider side). */
  'workstation.organisation': codeSchema,
  /** This workstation's scanner (electron/core/documents/sources.ts): a SANE device, wia:<id> or folder:<full path>. */
  'documents.scanner': z.string().min(1).max(500),
  /** The printer of each kind of document on this workstation (print.setPrinters); unset: the print dialog asks. */
  'print.receiptPrinter': z.string().trim().min(1).max(300),
  'print.resultPrinter': z.string().trim().min(1).max(300),
  /** PEM roots the supervisor set (else the gateway's published ones). */
  'trust.roots': z.string().max(200_000),
  /** PEM CRLs of those roots. */
  'trust.crls': z.string().max(2_000_000),
  /** PEM certificates of the heads whose results this workstation may verify (verify.setSigners). */
  'trust.signers': z.string().max(500_000),
  /** Hours a CRL past its nextUpdate is still believed (the supervisor's grace period; unset: none, CRL_STALE). */
  'trust.crlGraceHours': z.number().int().min(0).max(168),
  /** The gateway's organisations reference, kept for routing while it cannot be reached. */
  'reference.organisations': organisationsReferenceSchema,
  /** Password and session limits (accounts.setPolicy). */
  'policy.minPasswordLength': policySchema.shape.minPasswordLength,
  'policy.maxFailedAttempts': policySchema.shape.maxFailedAttempts,
  'policy.lockMinutes': policySchema.shape.lockMinutes,
  'policy.idleMinutes': policySchema.shape.idleMinutes,
  'policy.keyWarningDays': policySchema.shape.keyWarningDays,
  /** Where backups go (a folder or a USB stick), and every how many hours by themselves (0: on demand). */
  'backup.folder': z.string().trim().min(1).max(1000),
  'backup.everyHours': z.number().int().min(0).max(24 * 30),
  /** The supervisor's captions of the generic result layout (results.setWording). */
  'results.genericWording': genericWordingSchema,
  /** Days personal data of a finished request is kept, per ending; unset: kept (retention). */
  'retention.issuedDays': z.number().int().min(1).max(36_500),
  'retention.refusedDays': z.number().int().min(1).max(36_500),
  'retention.withdrawnDays': z.number().int().min(1).max(36_500),
  /** The supervisor's texts of what the centre tells the applicant, per notice kind (notices). */
  'notices.texts': noticeTextsSchema,
  /** Offline guardrails (sync.setGuardrails): hours since the gateway last answered, requests waiting, free disk in MB. */
  'guardrails.offlineHours': z.number().int().min(1).max(24 * 90),
  'guardrails.maxUnsent': z.number().int().min(1).max(100_000),
  'guardrails.minFreeMb': z.number().int().min(1).max(1_000_000),
} as const;

export type SettingKey = keyof typeof settingSchemas;
export type Settings = { [K in SettingKey]: z.infer<(typeof settingSchemas)[K]> };
export const settingKeys = Object.keys(settingSchemas) as SettingKey[];
