import type { z } from 'zod';
import { ArmError, errorCodeSchema, type ErrorCode } from '../../../shared/api';
import {
  crlReferenceSchema,
  gatewayErrorSchema,
  organisationSchema,
  organisationsReferenceSchema,
  personSchema,
  powerOfAttorneySchema,
  receiptSchema,
  routingAnswerSchema,
  storedAttachmentSchema,
  trustReferenceSchema,
  type GatewayMessage,
} from '../../../shared/gateway/api';

export interface GatewayClientOptions {
  url: string;
  fetch?: typeof fetch;
  /** A lookup at the counter must not hang: the regulation gives seconds for it. */
  timeoutMs?: number;
}

/**
 * The АРМ's side of the ШЭП: typed calls, validated answers. Anything that is not the gateway's
 * own answer (no network, a timeout, a 5xx, an answer that breaks the wire schema) becomes
 * GATEWAY_UNAVAILABLE, which callers treat as "try again later"; the gateway's refusals keep
 * their codes (PERSON_NOT_FOUND, MESSAGE_ID_CONFLICT, …).
 */
export function createGatewayClient(options: GatewayClientOptions) {
  const base = options.url.replace(/\/?$/, '/');
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;

  async function call<T>(pathname: string, schema: z.ZodType<T>, init: RequestInit = {}): Promise<{ status: number; body: T }> {
    let response: Response;
    try {
      response = await doFetch(new URL(pathname, base), { ...init, signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      const reason = error instanceof Error && error.name === 'TimeoutError' ? 'timed out' : 'unreachable';
      throw new ArmError('GATEWAY_UNAVAILABLE', `The gateway is ${reason}.`);
    }
    let json: unknown;
    try {
      json = await response.json();
    } catch {
      throw new ArmError('GATEWAY_UNAVAILABLE', `The gateway answered ${response.status} without JSON.`);
    }
    if (response.ok) {
      const parsed = schema.safeParse(json);
      if (!parsed.success) throw new ArmError('GATEWAY_UNAVAILABLE', 'The gateway answered in an unexpected format.');
      return { status: response.status, body: parsed.data };
    }
    const refusal = gatewayErrorSchema.safeParse(json);
    if (response.status >= 500 || !refusal.success) throw new ArmError('GATEWAY_UNAVAILABLE', `The gateway answered ${response.status}.`);
    const code: ErrorCode = errorCodeSchema.safeParse(refusal.data.error.code).success ? refusal.data.error.code : 'GATEWAY_REFUSED';
    throw new ArmError(code, refusal.data.error.message, refusal.data.error.issues);
  }

  /**
   * Reference data by ETag: `null` when the gateway answers 304 (the cached copy is current),
   * else the validated body with its new ETag.
   */
  async function reference<T>(name: string, schema: z.ZodType<T>, etag: string | null): Promise<{ etag: string | null; body: T } | null> {
    let response: Response;
    try {
      response = await doFetch(new URL(`reference/${name}`, base), { headers: etag ? { 'If-None-Match': etag } : {}, signal: AbortSignal.timeout(timeoutMs) });
    } catch {
      throw new ArmError('GATEWAY_UNAVAILABLE', 'The gateway is unreachable.');
    }
    if (response.status === 304) return null;
    if (!response.ok) throw new ArmError('GATEWAY_UNAVAILABLE', `The gateway answered ${response.status} for reference ${name}.`);
    const parsed = schema.safeParse(await response.json().catch(() => undefined));
    if (!parsed.success) throw new ArmError('GATEWAY_UNAVAILABLE', 'The gateway answered in an unexpected format.');
    return { etag: response.headers.get('etag'), body: parsed.data };
  }

  const json = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

  return {
    /** ГБД ФЛ: the person with this IIN, or PERSON_NOT_FOUND. */
    person: async (iin: string) => (await call(`persons/${iin}`, personSchema)).body,
    /** ЕНИС: the notarised power of attorney, or POWER_OF_ATTORNEY_NOT_FOUND. */
    powerOfAttorney: async (number: string, date: string) =>
      (await call(`powers-of-attorney?${new URLSearchParams({ number, date })}`, powerOfAttorneySchema)).body,
    organisation: async (code: string) => (await call(`organisations/${code}`, organisationSchema)).body,
    /** Every organisation and route: the workstation caches it for routing while offline. */
    organisationsReference: async () => (await call('reference/organisations', organisationsReferenceSchema)).body,
    route: async (service: string, district: string) => (await call(`routing?${new URLSearchParams({ service, district })}`, routingAnswerSchema)).body,
    /** Idempotent: the gateway hashes the bytes itself and keeps one copy. */
    putAttachment: async (sha256: string, bytes: Uint8Array) => {
      await call(`attachments/${sha256}`, storedAttachmentSchema, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/octet-stream' },
        body: bytes,
      });
    },
    /** 201 the first time, 200 with the same receipt for a resend of the same message. */
    send: async (message: GatewayMessage) => (await call('messages', receiptSchema, json(message))).body,
    /** The roots a signer's chain must end in (PEM). */
    trust: (etag: string | null) => reference('trust', trustReferenceSchema, etag),
    /** The CRLs of the issuers (PEM). */
    crl: (etag: string | null) => reference('crl', crlReferenceSchema, etag),
  };
}

export type GatewayClient = ReturnType<typeof createGatewayClient>;
