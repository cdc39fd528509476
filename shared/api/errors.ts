import { z } from 'zod';

// Stable codes: the renderer translates them (shared/i18n/*.json "errors.<CODE>"), scripts and
// tests match on them. Add codes, never rename one.
export const errorCodeSchema = z.enum([
  'VALIDATION_FAILED',
  'NOT_FOUND',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'PAYLOAD_TOO_LARGE',
  'INTERNAL',
  'HOST_UNREACHABLE',
  'DB_CORRUPT',
  'DB_TOO_NEW',
  'DB_UNAVAILABLE',
  'DATA_DIR_IN_USE',
  'CALENDAR_YEAR_MISSING',
  'IIN_INVALID',
  'SETUP_DONE',
  'LOGIN_FAILED',
  'LOGIN_TAKEN',
  'LOGIN_KEY_REQUIRED',
  'LOGIN_CHALLENGE_EXPIRED',
  'ACCOUNT_LOCKED',
  'ACCOUNT_INACTIVE',
  'ACCOUNT_SELF',
  'PASSWORD_WRONG',
  'PASSWORD_POLICY',
  'PASSWORD_CHANGE_REQUIRED',
  'SESSION_LOCKED',
  'STATE_CONFLICT',
  // The gateway (ШЭП) and its registries answer these; the emulator in gateway/ too.
  'PERSON_NOT_FOUND',
  'POWER_OF_ATTORNEY_NOT_FOUND',
  'ORGANISATION_NOT_FOUND',
  'ROUTE_NOT_FOUND',
  'ATTACHMENT_NOT_FOUND',
  'HASH_MISMATCH',
  'MESSAGE_ID_CONFLICT',
  'MESSAGE_NOT_FOUND',
  // The emulator's portal page (ПЭП, gateway/portal): «условие 1» (IIN and password) refused; «условие 2»
  // (the applicant's ЭЦП: validity, revocation, IIN) failed; a service the portal does not offer; a
  // result or notice for a «личный кабинет» the applicant does not own.
  'PORTAL_LOGIN_REFUSED',
  'SIGNATURE_NOT_CONFIRMED',
  'PORTAL_CHANNEL_MISSING',
  'REGULATION_NOT_IN_FORCE',
  'CABINET_NOT_OWNED',
  // The АРМ's side: no usable answer (network, timeout, 5xx), or a refusal with a code it does not know.
  'GATEWAY_UNAVAILABLE',
  'GATEWAY_REFUSED',
  'CLIENT_TOO_OLD',
  // ЭЦП: key files, certificates, signatures (shared/signing, electron/core/signing).
  'KEY_PASSWORD_WRONG',
  'KEY_FILE_INVALID',
  'CERT_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_REVOKED',
  'CERT_UNTRUSTED',
  'CERT_IIN_MISMATCH',
  'CERT_KEY_USAGE',
  'SIGNATURE_INVALID',
  // A signature algorithm this АРМ cannot verify (GOST 34.310-2004, an unknown OID): refused by name, never accepted unverified.
  'SIGNATURE_ALGORITHM_UNSUPPORTED',
  'CRL_UNAVAILABLE',
  // The CRL relied on is past its nextUpdate (and the supervisor's grace period, if any).
  'CRL_STALE',
  // OCSP: the answer cannot be read, is not about this certificate, lacks our nonce or is out of date; or is signed by neither the issuer nor its delegated responder.
  'OCSP_RESPONSE_INVALID',
  'OCSP_RESPONDER_UNTRUSTED',
  // "Keep unlocked for this session": the kept key was cleared (lock, logout) or never kept.
  'SIGNING_KEY_NOT_KEPT',
  // НУЦ key roles: a head's result needs a head or may-sign key, a request an employee key; of the right organisation (BIN).
  'CERT_ROLE',
  'CERT_ORGANISATION',
  // NCALayer (НУЦ РК's local signing service): not running; answered garbage, closed, hung or failed.
  'NCALAYER_UNAVAILABLE',
  'NCALAYER_FAILED',
  // Journal: a name query with no letters or digits left to search by; an export too large for one file.
  'JOURNAL_QUERY_EMPTY',
  'JOURNAL_EXPORT_TOO_LARGE',
  // Offline transfer files: not one of ours or cut short; the password does not open it; opened but altered; over the size limit; nothing to export.
  'TRANSFER_FILE_INVALID',
  'TRANSFER_PASSWORD_WRONG',
  'TRANSFER_TAMPERED',
  'TRANSFER_TOO_LARGE',
  'TRANSFER_NOTHING',
  // Анкета: only for an issued request, once.
  'QUESTIONNAIRE_NOT_ISSUED',
  'QUESTIONNAIRE_DONE',
  // Intake at the counter (electron/core/intake, documents, print).
  'CENTRE_NOT_SET',
  'SERVICE_NOT_OFFERED',
  'ROUTE_OFFLINE',
  'REPRESENTATIVE_NOT_ALLOWED',
  'POA_SIMPLE_NOT_ALLOWED',
  'POA_PRINCIPAL_MISMATCH',
  'POA_ATTORNEY_MISMATCH',
  'POA_REVOKED',
  'POA_EXPIRED',
  'POA_NOT_YET_VALID',
  'POA_SCOPE',
  'APPLICANT_MISSING',
  'REPRESENTATIVE_MISSING',
  'POA_MISSING',
  'FIELDS_MISSING',
  'DOCUMENTS_MISSING',
  'DOCUMENTS_COMPLETE',
  'REFUSAL_DOCUMENTS_UNNAMED',
  'EXTENSION_REASON_REQUIRED',
  'EXTENSION_DATE_INVALID',
  'RETURN_REASON_REQUIRED',
  'RETURN_TOO_LATE',
  // The recall list: «исправлено и отправлено повторно» only after a re-signed resend.
  'RECALL_NOT_RESENT',
  'NOTICE_TEXT_INVALID',
  'NOTICE_STALE',
  'TICKET_INVALID',
  'COMPLAINT_ANSWER_REQUIRED',
  'CONTENT_NOT_PREPARED',
  'FILE_EMPTY',
  'FILE_TOO_LARGE',
  'FILE_TYPE',
  'FILE_UNREADABLE',
  'SCANNER_NOT_FOUND',
  'SCANNER_FAILED',
  // Each a message of its own (issue 22): a WIA script that timed out or answered garbage, an MFP folder with nothing or a file still being written.
  'SCANNER_TIMEOUT',
  'SCANNER_ANSWER_INVALID',
  'SCAN_FOLDER_EMPTY',
  'SCAN_FOLDER_WRITING',
  'DOCUMENT_PAGE_DUPLICATE',
  // The provider side and results (electron/core/inbox, decision, results).
  'WORKSTATION_NOT_CONFIGURED',
  'TRUST_INVALID',
  'MESSAGE_UNEXPECTED',
  'COLLECTOR_MISMATCH',
  // Assignment at the provider (electron/core/inbox/assignment.ts) and business duplicates at intake.
  'ASSIGNEE_INVALID',
  'ASSIGNMENT_REQUIRED',
  'DUPLICATE_REQUEST',
  // The provider's chain (electron/core/chain): an outside act's number used before, a result
  // that waits for the act, a stage the regulation does not have or that is not open; the
  // akimat's resolution that is the result itself (001 Рег.3 п.3): recorded with its scan, never decided again.
  'ACT_IS_RESULT',
  'ACT_NUMBER_REUSED',
  'ACT_REQUIRED',
  'ACT_SCAN_REQUIRED',
  'STAGE_NOT_APPLICABLE',
  // Delivery: the installed app's own files (fonts) are missing from its resources folder.
  'RESOURCES_MISSING',
  // Updates (electron/host/update): metadata not signed by our update key, server or download
  // failing, a URL that is not https; install asked while the outbox holds requests, or before one is ready.
  'UPDATE_SIGNATURE_INVALID',
  'UPDATE_UNREACHABLE',
  'UPDATE_DOWNLOAD_FAILED',
  'UPDATE_URL_INVALID',
  'UPDATE_OUTBOX_PENDING',
  'UPDATE_NOT_READY',
  // The settings screen: a gateway URL that is not https (http only on this computer) or has credentials in it.
  'GATEWAY_URL_INVALID',
  'GATEWAY_URL_UNREACHABLE',
  // Checking a printed result (electron/core/verify): no QR, another system's QR, a damaged one,
  // a signer this workstation has no certificate of, a page that says other than what was signed,
  // a training print outside training, a result too long for its barcode.
  'BARCODE_NOT_FOUND',
  'BARCODE_FOREIGN',
  'BARCODE_DAMAGED',
  'SIGNER_UNKNOWN',
  'PRINT_MISMATCH',
  'TRAINING_PRINT',
  'RESULT_TOO_LONG',
  // Data care (electron/core/vault, backup): the database cannot be written; the master key is missing or cannot be opened here; the OS key store is absent;
  // backups: the folder, a full disk, a copy that fails its check, not a backup, the password, a newer version, a medium pulled out; a restore by whom.
  'DB_READONLY',
  'KEY_UNREADABLE',
  'KEY_STORE_UNAVAILABLE',
  'BACKUP_FOLDER_INVALID',
  'BACKUP_DISK_FULL',
  'BACKUP_VERIFY_FAILED',
  'BACKUP_INVALID',
  'BACKUP_PASSWORD_WRONG',
  'BACKUP_TOO_NEW',
  'BACKUP_UNREADABLE',
  'RESTORE_NOT_ALLOWED',
  'RESTART_REQUIRED',
  'BACKUP_NOT_CONFIGURED',
  // Queue registers (electron/core/queue): a number or place typed by hand instead of the
  // register's; an entry that has already left the queue (referred or withdrawn).
  'QUEUE_POSITION_MANUAL',
  'QUEUE_ENTRY_CLOSED',
  // Who calls the gateway (issue 16): each АРМ signs its calls with its machine key, enrolled to
  // its organisations; an unknown or revoked machine, a bad request signature, a call for an
  // organisation the machine is not enrolled to, a workstation clock the gateway cannot trust.
  'MACHINE_NOT_ENROLLED',
  'MACHINE_SIGNATURE_INVALID',
  'MACHINE_REMAPPED',
  'CLOCK_DRIFT',
  // The envelope (from, to, id, time, hash of the signed content) countersigned by the machine;
  // the same signed content again under another id; a signing time the gateway cannot vouch for.
  'ENVELOPE_INVALID',
  'MESSAGE_REPLAYED',
  'SIGNING_TIME_SKEW',
  // The gateway's time-stamp on a receipt: made by a key the gateway does not publish (another
  // gateway's), or not verifying over the receipt it sits on.
  'TIMESTAMP_UNTRUSTED',
  'TIMESTAMP_INVALID',
  // Offline guardrails (issue 14): new intake stopped — too long without the gateway, too many
  // requests waiting to be sent, too little free disk. Sync, printing and issuance go on.
  'OFFLINE_TOO_LONG',
  'OUTBOX_TOO_FULL',
  'DISK_TOO_FULL',
  // Reference data from the gateway (issue 14 item 4): each refused with the previous data kept.
  'REFERENCE_UNAVAILABLE',
  'REFERENCE_SIGNATURE_INVALID',
  'REFERENCE_SCHEMA_NEWER',
  'REFERENCE_DATA_INVALID',
  'REFERENCE_VERSION_OLDER',
  'REFERENCE_WRITE_FAILED',
  // Audit anchoring (issue 14 item 7): the gateway refused a chain head that does not extend the
  // one it keeps; this workstation's audit is shorter than, or differs from, its anchored head.
  'AUDIT_ANCHOR_CONFLICT',
  'AUDIT_ANCHOR_BROKEN',
  // A mobile centre set where no regulation of its district names mobile centres (reach).
  'MOBILE_CENTRE_NOT_ALLOWED',
]);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const issueSchema = z.object({ path: z.string(), message: z.string() });
export type Issue = z.infer<typeof issueSchema>;

/** Values the translated message interpolates ("locked until {until}"); never personal data. */
export const errorParamsSchema = z.record(z.string(), z.union([z.string(), z.number()]));
export type ErrorParams = z.infer<typeof errorParamsSchema>;

export const apiErrorSchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
  issues: z.array(issueSchema).optional(),
  params: errorParamsSchema.optional(),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

export class ArmError extends Error {
  readonly code: ErrorCode;
  readonly issues: Issue[] | undefined;
  readonly params: ErrorParams | undefined;

  constructor(code: ErrorCode, message: string = code, issues?: Issue[], params?: ErrorParams) {
    super(message);
    this.name = 'ArmError';
    this.code = code;
    this.issues = issues;
    this.params = params;
  }

  toJSON(): ApiError {
    return {
      code: this.code,
      message: this.message,
      ...(this.issues ? { issues: this.issues } : {}),
      ...(this.params ? { params: this.params } : {}),
    };
  }

  static from(error: ApiError): ArmError {
    return new ArmError(error.code, error.message, error.issues, error.params);
  }
}

/** What every channel call answers, over IPC and over HTTP alike. */
export type Envelope = { ok: true; value: unknown } | { ok: false; error: ApiError };

export const envelopeSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: apiErrorSchema }),
]);
