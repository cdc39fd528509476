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
  'CALENDAR_YEAR_MISSING',
]);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const issueSchema = z.object({ path: z.string(), message: z.string() });
export type Issue = z.infer<typeof issueSchema>;

export const apiErrorSchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
  issues: z.array(issueSchema).optional(),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

export class ArmError extends Error {
  readonly code: ErrorCode;
  readonly issues: Issue[] | undefined;

  constructor(code: ErrorCode, message: string = code, issues?: Issue[]) {
    super(message);
    this.name = 'ArmError';
    this.code = code;
    this.issues = issues;
  }

  toJSON(): ApiError {
    return this.issues ? { code: this.code, message: this.message, issues: this.issues } : { code: this.code, message: this.message };
  }

  static from(error: ApiError): ArmError {
    return new ArmError(error.code, error.message, error.issues);
  }
}

/** What every channel call answers, over IPC and over HTTP alike. */
export type Envelope = { ok: true; value: unknown } | { ok: false; error: ApiError };

export const envelopeSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: apiErrorSchema }),
]);
