import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { ArmError, errorCodeSchema, type ErrorCode } from '../../../shared/api';
import { gatewayErrorSchema } from '../../../shared/gateway/api';
import {
  bytes,
  fillPath,
  gatewayEndpoints,
  isFramed,
  type EndpointInput,
  type EndpointName,
  type EndpointOutput,
  type GatewayEndpoint,
  type GatewayEndpoints,
} from '../../../shared/gateway/endpoints';
import { countersign, GATEWAY_TIME_HEADER, machineHeaders, type MachineSigner } from '../../../shared/gateway/machine';
import { CLIENT_VERSION_HEADER } from '../../../shared/gateway/version';
import type { BatchHead, GatewayMessage } from '../../../shared/gateway/api';
import { encodeFrames } from '../../../shared/gateway/framed';

export interface GatewayClientOptions {
  url: string;
  /** The АРМ's version, sent on every call (x-arm-version) for the gateway's version floor. */
  clientVersion: string;
  fetch?: typeof fetch;
  /** A lookup at the counter must not hang: the regulation gives seconds for it. */
  timeoutMs?: number;
  /** This workstation's machine key: signs every call but the public ones, countersigns every message. */
  machine?: MachineSigner;
  /** The clock the calls are signed with. */
  now?: () => Date;
  /** Every answer: the gateway's clock (x-gateway-time) and whether a signed call was accepted. */
  observe?: (answer: { gatewayTime: Date | null; localTime: Date; status: number; signed: boolean }) => void;
}

/**
 * The АРМ's side of the ШЭП: typed calls, validated answers. Anything that is not the gateway's
 * own answer (no network, a timeout, a 5xx, an answer that breaks the wire schema) becomes
 * GATEWAY_UNAVAILABLE, which callers treat as "try again later"; the gateway's refusals keep
 * their codes (PERSON_NOT_FOUND, MESSAGE_ID_CONFLICT, …).
 */
export function createGatewayClient(options: GatewayClientOptions): GatewayClient {
  const base = options.url.replace(/\/?$/, '/');
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const now = options.now ?? (() => new Date());

  async function request(pathname: string, init: RequestInit, waitMs: number): Promise<Response> {
    try {
      return await doFetch(new URL(pathname, base), { ...init, signal: AbortSignal.timeout(waitMs) });
    } catch (error) {
      const reason = error instanceof Error && error.name === 'TimeoutError' ? 'timed out' : 'unreachable';
      throw new ArmError('GATEWAY_UNAVAILABLE', `The gateway is ${reason}.`);
    }
  }

  async function readJson(response: Response): Promise<unknown> {
    try {
      return await response.json();
    } catch {
      throw new ArmError('GATEWAY_UNAVAILABLE', `The gateway answered ${response.status} without JSON.`);
    }
  }

  /** A non-2xx answer: the gateway's own refusal keeps its code; anything else is "try later". */
  async function refused(response: Response): Promise<never> {
    const refusal = gatewayErrorSchema.safeParse(await readJson(response));
    if (response.status >= 500 || !refusal.success) throw new ArmError('GATEWAY_UNAVAILABLE', `The gateway answered ${response.status}.`);
    const code: ErrorCode = errorCodeSchema.safeParse(refusal.data.error.code).success ? refusal.data.error.code : 'GATEWAY_REFUSED';
    throw new ArmError(code, refusal.data.error.message, refusal.data.error.issues);
  }

  async function answer<T>(response: Response, schema: z.ZodType<T>): Promise<{ status: number; body: T }> {
    if (!response.ok) return refused(response);
    const parsed = schema.safeParse(await readJson(response));
    if (!parsed.success) throw new ArmError('GATEWAY_UNAVAILABLE', 'The gateway answered in an unexpected format.');
    return { status: response.status, body: parsed.data };
  }

  /** The sending machine vouches for each message's envelope (issue 16 item 2), one by one in a batch. */
  function countersigned(name: EndpointName, body: unknown): unknown {
    const machine = options.machine;
    if (!machine) return body;
    if (name === 'send') return countersign(machine, body as GatewayMessage);
    if (name === 'sendBatch') {
      const batch = body as BatchHead;
      return { ...batch, messages: batch.messages.map((message) => countersign(machine, message as GatewayMessage)) };
    }
    return body;
  }

  /** One row of the table: the path filled in, the query added, the body sent, the answer checked by the output schema. */
  async function callEndpoint(name: EndpointName, input: Record<string, unknown> = {}, callOptions: CallOptions = {}): Promise<unknown> {
    const endpoint: GatewayEndpoint = gatewayEndpoints[name];
    const query = endpoint.query
      ? new URLSearchParams(
          Object.keys(endpoint.query.shape).flatMap((key): [string, string][] => (input[key] === undefined ? [] : [[key, String(input[key])]])),
        ).toString()
      : '';
    // Relative to the base, so a gateway mounted under a path prefix keeps it.
    const pathname = fillPath(endpoint.path, input).slice(1) + (query ? `?${query}` : '');
    const headers: Record<string, string> = { [CLIENT_VERSION_HEADER]: options.clientVersion };
    let body: Uint8Array<ArrayBuffer> | undefined;
    if (endpoint.body === bytes) {
      headers['Content-Type'] = 'application/octet-stream';
      body = input.body as Uint8Array<ArrayBuffer>;
    } else if (isFramed(endpoint.body)) {
      headers['Content-Type'] = 'application/octet-stream';
      const { head, parts } = input.body as { head: unknown; parts: Uint8Array[] };
      body = encodeFrames([new TextEncoder().encode(JSON.stringify(countersigned(name, head))), ...parts]);
    } else if (endpoint.body) {
      headers['Content-Type'] = 'application/json';
      body = new TextEncoder().encode(JSON.stringify(countersigned(name, input.body)));
    }
    const etag = endpoint.etag ? (input.etag as string | null | undefined) : undefined;
    if (etag) headers['If-None-Match'] = etag;
    const signed = Boolean(options.machine && !endpoint.public);
    if (signed) {
      const url = new URL(pathname, base);
      Object.assign(headers, machineHeaders(options.machine!, { method: endpoint.method, path: url.pathname + url.search, body: body ?? new Uint8Array(), time: now() }));
    }
    const response = await request(pathname, { method: endpoint.method, headers, ...(body !== undefined ? { body } : {}) }, callOptions.timeoutMs ?? timeoutMs);
    const stamped = response.headers.get(GATEWAY_TIME_HEADER);
    options.observe?.({ gatewayTime: stamped ? new Date(stamped) : null, localTime: now(), status: response.status, signed });

    if (endpoint.etag && response.status === 304) return null;
    if (endpoint.output === bytes) {
      if (!response.ok) return refused(response);
      let bytesRead: Uint8Array;
      try {
        bytesRead = new Uint8Array(await response.arrayBuffer());
      } catch {
        throw new ArmError('GATEWAY_UNAVAILABLE', 'The download broke off.');
      }
      const named = String(input.sha256);
      if (endpoint.contentAddressed && createHash('sha256').update(bytesRead).digest('hex') !== named) {
        throw new ArmError('HASH_MISMATCH', `The gateway's bytes for ${named} do not hash to it.`);
      }
      return bytesRead;
    }
    const { body: value } = await answer(response, endpoint.output);
    return endpoint.etag ? { etag: response.headers.get('etag'), body: value } : value;
  }

  return Object.fromEntries(
    (Object.keys(gatewayEndpoints) as EndpointName[])
      .filter((name) => gatewayEndpoints[name].callers.some((caller) => caller === 'centre' || caller === 'provider'))
      .map((name) => [name, (input?: Record<string, unknown>, callOptions?: CallOptions) => callEndpoint(name, input, callOptions)]),
  ) as unknown as GatewayClient;
}

interface CallOptions {
  /** Replaces the client's timeout for this call (the online indicator waits less). */
  timeoutMs?: number;
}

/** The endpoints an АРМ calls: every row of the table but the harness's controls and the portal page's calls. */
type ArmEndpointName = { [N in EndpointName]: GatewayEndpoints[N]['callers'][number] extends 'harness' | 'citizen' ? never : N }[EndpointName];
type ClientInput<N extends EndpointName> = EndpointInput<N> & (GatewayEndpoints[N] extends { etag: true } ? { etag?: string | null } : unknown);
/** Reference data: null when the gateway answers 304 (the cached copy is current), else the body with its new ETag. */
type ClientOutput<N extends EndpointName> = GatewayEndpoints[N] extends { etag: true } ? { etag: string | null; body: EndpointOutput<N> } | null : EndpointOutput<N>;
type ClientMethod<N extends EndpointName> = object extends ClientInput<N>
  ? (input?: ClientInput<N>, options?: CallOptions) => Promise<ClientOutput<N>>
  : (input: ClientInput<N>, options?: CallOptions) => Promise<ClientOutput<N>>;

/** One method per row of shared/gateway/endpoints.ts, named as the row. */
export type GatewayClient = { [N in ArmEndpointName]: ClientMethod<N> };
