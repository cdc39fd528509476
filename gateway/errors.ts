import type { ApiError, ErrorCode, Issue } from '../shared/api/errors';

const STATUS: Partial<Record<ErrorCode, number>> = {
  VALIDATION_FAILED: 400,
  IIN_INVALID: 400,
  NOT_FOUND: 404,
  PERSON_NOT_FOUND: 404,
  POWER_OF_ATTORNEY_NOT_FOUND: 404,
  ORGANISATION_NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  REFERENCE_UNAVAILABLE: 404,
  ATTACHMENT_NOT_FOUND: 404,
  MESSAGE_NOT_FOUND: 404,
  MESSAGE_ID_CONFLICT: 409,
  AUDIT_ANCHOR_CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  CLIENT_TOO_OLD: 426,
  HASH_MISMATCH: 422,
  INTERNAL: 500,
};

/** A refusal with its stable code; the server answers it as {error: {code, message, issues?}}. */
export class GatewayError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly issues: Issue[] | undefined;

  constructor(code: ErrorCode, message: string, options: { status?: number; issues?: Issue[] } = {}) {
    super(message);
    this.name = 'GatewayError';
    this.code = code;
    this.status = options.status ?? STATUS[code] ?? 422;
    this.issues = options.issues;
  }

  toJSON(): { error: ApiError } {
    return { error: this.issues ? { code: this.code, message: this.message, issues: this.issues } : { code: this.code, message: this.message } };
  }
}

/** A zod refusal as VALIDATION_FAILED, one issue per wrong field ("attachments.0"). */
export function invalid(message: string, error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> }): GatewayError {
  return new GatewayError('VALIDATION_FAILED', message, {
    issues: error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })),
  });
}
