import { z } from 'zod';
import {
  ackAnswerSchema,
  ackInputSchema,
  auditAnchorAnswerSchema,
  auditAnchorInputSchema,
  batchAnswerSchema,
  batchHeadSchema,
  catalogReferenceSchema,
  crlReferenceSchema,
  enrollAnswerSchema,
  enrollInputSchema,
  faultInputSchema,
  holidaysReferenceSchema,
  leaseAnswerSchema,
  MAX_BATCH_BYTES,
  messageSchema,
  organisationSchema,
  organisationsReferenceSchema,
  personSchema,
  powerOfAttorneySchema,
  receiptSchema,
  routingAnswerSchema,
  storedAttachmentSchema,
  trustReferenceSchema,
} from './api';
import {
  portalCabinetSchema,
  portalDraftSchema,
  portalFileSchema,
  portalLoginSchema,
  portalPrepareSchema,
  portalRequestSchema,
  portalServicesSchema,
  portalSessionSchema,
  portalSubmitSchema,
} from './portal';
import { publishReferenceAnswerSchema, publishReferenceInputSchema, signedReferenceSchema } from './reference';

// THE list of the gateway's endpoints (ШЭП as the emulator serves it). The emulator's router
// (gateway/server.ts), the АРМ's client (electron/core/gateway/client.ts) and the OpenAPI document
// (gateway/openapi.ts) are made from it; docs/gateway-api.md describes it and a test holds the two
// together. Adding an endpoint here makes the type checker ask the emulator for its handler.

/**
 * Who calls an endpoint: a centre's АРМ (ЦОН, mobile centre), a provider's АРМ (услугодатель), the
 * gateway's admin (the emulator's controls and enrollment, behind its admin secret, exempt from
 * the faults they set), or a citizen on the emulator's portal page (`/portal/`, ПЭП: its own
 * session, same-origin browser calls). Every АРМ call but the `public` ones is signed by an
 * enrolled machine key (shared/gateway/machine.ts); the OpenAPI document carries the column as
 * `x-callers`.
 */
export type GatewayCaller = 'centre' | 'provider' | 'harness' | 'citizen';

export const MAX_LEASE_LIMIT = 100;
export const MAX_LEASE_SECONDS = 3600;

/** Raw bytes in or out (attachments), not JSON. */
export const bytes = 'bytes' as const;

/** A JSON head checked by its schema, followed by raw byte parts (shared/gateway/framed.ts): files as bytes beside JSON. */
export interface Framed<S extends z.ZodType = z.ZodType> {
  framed: S;
}
export const framed = <S extends z.ZodType>(head: S): Framed<S> => ({ framed: head });
export const isFramed = (body: GatewayEndpoint['body']): body is Framed => typeof body === 'object' && 'framed' in body;

export interface GatewayEndpoint {
  method: 'GET' | 'POST' | 'PUT';
  /** `{name}` marks a path parameter; each becomes a string field of the call's input. */
  path: string;
  summary: string;
  callers: readonly GatewayCaller[];
  /** Query parameters, as strings on the wire. */
  query?: z.ZodObject;
  body?: z.ZodType | typeof bytes | Framed;
  output: z.ZodType | typeof bytes;
  /** The success answers: 200 alone, or also 201 (created the first time). */
  created?: true;
  /** Reference data: ETag / If-None-Match, 304 while unchanged. */
  etag?: true;
  /** Bytes named by the `{sha256}` of their path: the reader checks they hash to it. */
  contentAddressed?: true;
  /** The refusal statuses it may answer besides 500 (docs/gateway-api.md gives the codes). */
  refusals: readonly number[];
  /** Answers anyone (no machine signature): the online indicator and the API description. */
  public?: true;
  /** A body larger than the gateway's usual JSON limit (the batch call's scans). */
  maxBodyBytes?: number;
}

const endpoint = <const E extends GatewayEndpoint>(entry: E): E => entry;

const limitSchema = (max: number, fallback: number) => z.coerce.number().int().min(1).max(max).default(fallback);

export const gatewayEndpoints = {
  health: endpoint({
    method: 'GET',
    path: '/health',
    summary: 'Is the gateway up (the online indicator)',
    callers: ['centre', 'provider'],
    output: z.object({ status: z.literal('ok') }),
    refusals: [],
    public: true,
  }),
  openapi: endpoint({
    method: 'GET',
    path: '/openapi.json',
    summary: 'This table as an OpenAPI 3.1 document',
    callers: ['centre', 'provider'],
    output: z.record(z.string(), z.unknown()),
    refusals: [],
    public: true,
  }),
  person: endpoint({
    method: 'GET',
    path: '/persons/{iin}',
    summary: 'ГБД ФЛ: a person by IIN',
    callers: ['centre', 'provider'],
    output: personSchema,
    refusals: [400, 404],
  }),
  powerOfAttorney: endpoint({
    method: 'GET',
    path: '/powers-of-attorney',
    summary: 'ЕНИС: a notarised power of attorney by number and date',
    callers: ['centre'],
    query: z.object({ number: z.string().min(1).max(64), date: z.iso.date() }),
    output: powerOfAttorneySchema,
    refusals: [400, 404],
  }),
  route: endpoint({
    method: 'GET',
    path: '/routing',
    summary: 'The provider that decides a service in a district',
    callers: ['centre'],
    query: z.object({ service: z.string().min(1), district: z.string().min(1) }),
    output: routingAnswerSchema,
    refusals: [400, 404],
  }),
  organisation: endpoint({
    method: 'GET',
    path: '/organisations/{code}',
    summary: 'One centre or provider',
    callers: ['centre', 'provider'],
    output: organisationSchema,
    refusals: [404],
  }),
  holidays: endpoint({
    method: 'GET',
    path: '/reference/holidays',
    summary: 'Reference data: public holidays',
    callers: ['centre', 'provider'],
    output: holidaysReferenceSchema,
    etag: true,
    refusals: [],
  }),
  organisationsReference: endpoint({
    method: 'GET',
    path: '/reference/organisations',
    summary: 'Reference data: every organisation and route',
    callers: ['centre', 'provider'],
    output: organisationsReferenceSchema,
    etag: true,
    refusals: [],
  }),
  catalog: endpoint({
    method: 'GET',
    path: '/reference/catalog',
    summary: 'Reference data: the service catalog',
    callers: ['centre', 'provider'],
    output: catalogReferenceSchema,
    etag: true,
    refusals: [],
  }),
  trust: endpoint({
    method: 'GET',
    path: '/reference/trust',
    summary: 'Reference data: the trusted root certificates (PEM)',
    callers: ['centre', 'provider'],
    output: trustReferenceSchema,
    etag: true,
    refusals: [],
  }),
  crl: endpoint({
    method: 'GET',
    path: '/reference/crl',
    summary: 'Reference data: the CRL of each issuer (PEM)',
    callers: ['centre', 'provider'],
    output: crlReferenceSchema,
    etag: true,
    refusals: [],
  }),
  referenceData: endpoint({
    method: 'GET',
    path: '/reference/datasets/{dataset}',
    summary: "Reference data, signed by the gateway's reference-data key: catalog, calendar, organisations, signers (heads' certificates), limits",
    callers: ['centre', 'provider'],
    output: signedReferenceSchema,
    etag: true,
    refusals: [404],
  }),
  /**
   * The test CA's OCSP responder (RFC 6960: DER OCSPRequest in, DER OCSPResponse out), as НУЦ РК
   * runs one beside its CRLs. Public like theirs: `openssl ocsp -url` asks it without a machine key.
   */
  ocsp: endpoint({
    method: 'POST',
    path: '/ocsp',
    summary: 'OCSP: is this certificate revoked? (RFC 6960, DER in and out)',
    callers: ['centre', 'provider'],
    body: bytes,
    output: bytes,
    refusals: [404, 413],
    public: true,
  }),
  putAttachment: endpoint({
    method: 'PUT',
    path: '/attachments/{sha256}',
    summary: 'Upload a scan, named by the SHA-256 of its bytes (idempotent)',
    callers: ['centre', 'provider'],
    body: bytes,
    output: storedAttachmentSchema,
    created: true,
    refusals: [400, 413, 422],
  }),
  getAttachment: endpoint({
    method: 'GET',
    path: '/attachments/{sha256}',
    summary: 'Download a scan',
    callers: ['centre', 'provider'],
    output: bytes,
    contentAddressed: true,
    refusals: [400, 404],
  }),
  send: endpoint({
    method: 'POST',
    path: '/messages',
    summary: 'Send a request (centre) or a result, refusal or notice (provider); a resend gets the first receipt',
    callers: ['centre', 'provider'],
    body: messageSchema,
    output: receiptSchema,
    created: true,
    refusals: [400, 409, 413, 422],
  }),
  sendBatch: endpoint({
    method: 'POST',
    path: '/messages/batch',
    summary: 'Send many messages with their scans in one call: each checked and answered on its own, all stored in one commit, answered after it',
    callers: ['centre', 'provider'],
    body: framed(batchHeadSchema),
    output: batchAnswerSchema,
    maxBodyBytes: MAX_BATCH_BYTES,
    refusals: [400, 413],
  }),
  lease: endpoint({
    method: 'POST',
    path: '/inboxes/{org}/lease',
    summary: "Lease the oldest unacknowledged messages of the caller's own inbox",
    callers: ['centre', 'provider'],
    query: z.object({ limit: limitSchema(MAX_LEASE_LIMIT, 10), leaseSeconds: limitSchema(MAX_LEASE_SECONDS, 60) }),
    output: leaseAnswerSchema,
    refusals: [400, 404],
  }),
  ack: endpoint({
    method: 'POST',
    path: '/inboxes/{org}/ack',
    summary: "Acknowledge messages of the caller's own inbox after the local commit",
    callers: ['centre', 'provider'],
    body: ackInputSchema,
    output: ackAnswerSchema,
    refusals: [400, 404],
  }),
  auditAnchor: endpoint({
    method: 'GET',
    path: '/audit/anchor',
    summary: "The calling workstation's last anchored audit chain head (null: none yet)",
    callers: ['centre', 'provider'],
    output: auditAnchorAnswerSchema,
    refusals: [],
  }),
  anchorAudit: endpoint({
    method: 'POST',
    path: '/audit/anchor',
    summary: 'Anchor the calling workstation’s audit chain head; it must extend the last one, unless a restore re-anchors it (recorded)',
    callers: ['centre', 'provider'],
    body: auditAnchorInputSchema,
    output: auditAnchorAnswerSchema,
    refusals: [400, 409],
  }),
  portalLogin: endpoint({
    method: 'POST',
    path: '/portal/api/session',
    summary: 'Portal: a demo citizen logs in with IIN and password («условие 1»); answers the session token',
    callers: ['citizen'],
    body: portalLoginSchema,
    output: portalSessionSchema,
    refusals: [400, 401],
  }),
  portalLogout: endpoint({
    method: 'POST',
    path: '/portal/api/session/end',
    summary: "Portal: ends the citizen's session and drops the files held for it",
    callers: ['citizen'],
    output: z.object({ status: z.literal('ended') }),
    refusals: [401],
  }),
  portalServices: endpoint({
    method: 'GET',
    path: '/portal/api/services',
    summary: 'Portal: the catalog variants that name the portal as a channel, with their term and form',
    callers: ['citizen'],
    output: portalServicesSchema,
    refusals: [401],
  }),
  portalFile: endpoint({
    method: 'PUT',
    path: '/portal/api/files/{sha256}',
    summary: "Portal: a document's electronic copy, held in the session until the request is submitted",
    callers: ['citizen'],
    body: bytes,
    output: portalFileSchema,
    refusals: [400, 401, 413, 422],
  }),
  portalPrepare: endpoint({
    method: 'POST',
    path: '/portal/api/requests/prepare',
    summary: 'Portal: the request content to sign (routed, numbered, with the portal term); nothing stored yet',
    callers: ['citizen'],
    body: portalPrepareSchema,
    output: portalDraftSchema,
    refusals: [400, 401, 404, 422],
  }),
  portalSubmit: endpoint({
    method: 'POST',
    path: '/portal/api/requests',
    summary: "Portal: the signed request; «условие 2» checks the citizen's ЭЦП, then it goes to the provider's inbox",
    callers: ['citizen'],
    body: portalSubmitSchema,
    output: portalRequestSchema,
    created: true,
    refusals: [400, 401, 404, 422],
  }),
  portalCabinet: endpoint({
    method: 'GET',
    path: '/portal/api/cabinet',
    summary: '«Личный кабинет»: the citizen’s requests, their notifications and results',
    callers: ['citizen'],
    output: portalCabinetSchema,
    refusals: [401],
  }),
  portalDocument: endpoint({
    method: 'GET',
    path: '/portal/api/documents/{sha256}',
    summary: "Portal: a result's signed PDF from the citizen's own cabinet",
    callers: ['citizen'],
    output: bytes,
    contentAddressed: true,
    refusals: [400, 401, 404],
  }),
  faults: endpoint({
    method: 'POST',
    path: '/_control/faults',
    summary: 'Emulator only: inject a fault into every other endpoint',
    callers: ['harness'],
    body: faultInputSchema,
    output: z.object({ mode: z.string(), remaining: z.number().int().nullable() }),
    refusals: [400],
  }),
  enrollMachine: endpoint({
    method: 'POST',
    path: '/_control/machines',
    summary: "Admin: enroll a workstation's machine key to its organisations (again: remap it)",
    callers: ['harness'],
    body: enrollInputSchema,
    output: enrollAnswerSchema,
    refusals: [400, 422],
  }),
  revokeMachine: endpoint({
    method: 'POST',
    path: '/_control/machines/{machineId}/revoke',
    summary: 'Admin: revoke a workstation (its calls are refused from now on)',
    callers: ['harness'],
    output: z.object({ machineId: z.string(), revoked: z.boolean() }),
    refusals: [],
  }),
  publishReference: endpoint({
    method: 'POST',
    path: '/_control/reference/{dataset}',
    summary: 'Admin: publish the next version of one reference dataset, signed by the reference-data key',
    callers: ['harness'],
    body: publishReferenceInputSchema,
    output: publishReferenceAnswerSchema,
    refusals: [400, 404],
  }),
  reset: endpoint({
    method: 'POST',
    path: '/_control/reset',
    summary: 'Emulator only: clear the faults and the traffic, keep the registries',
    callers: ['harness'],
    output: z.object({ status: z.literal('reset') }),
    refusals: [],
  }),
} as const;

export type GatewayEndpoints = typeof gatewayEndpoints;
export type EndpointName = keyof GatewayEndpoints;

/** `/inboxes/{org}/lease` → `['org']`, as a type. */
type PathParams<P extends string> = P extends `${string}{${infer Name}}${infer Rest}` ? Name | PathParams<Rest> : never;

type QueryOf<E> = E extends { query: infer Q extends z.ZodType } ? z.input<Q> : unknown;
type ParsedQueryOf<E> = E extends { query: infer Q extends z.ZodType } ? z.output<Q> : unknown;
type BodyOf<E> = E extends { body: infer B }
  ? B extends Framed<infer S>
    ? { body: { head: z.input<S>; parts: Uint8Array[] } }
    : B extends z.ZodType
      ? { body: z.input<B> }
      : { body: Uint8Array }
  : unknown;
type ParsedBodyOf<E> = E extends { body: infer B }
  ? B extends Framed<infer S>
    ? { body: { head: z.output<S>; parts: Buffer[] } }
    : B extends z.ZodType
      ? { body: z.output<B> }
      : { body: Buffer }
  : unknown;

/** What the client passes: path parameters and query fields side by side, the body under `body`. */
export type EndpointInput<N extends EndpointName> = Record<PathParams<GatewayEndpoints[N]['path']>, string> & QueryOf<GatewayEndpoints[N]> & BodyOf<GatewayEndpoints[N]>;
/** What the emulator's handler gets: the same, validated by the table's schemas. */
export type EndpointArgs<N extends EndpointName> = Record<PathParams<GatewayEndpoints[N]['path']>, string> &
  ParsedQueryOf<GatewayEndpoints[N]> &
  ParsedBodyOf<GatewayEndpoints[N]>;
export type EndpointOutput<N extends EndpointName> = GatewayEndpoints[N]['output'] extends z.ZodType ? z.output<GatewayEndpoints[N]['output']> : Uint8Array;

/** `/persons/{iin}` → `['persons', '{iin}']`, for matching a request path. */
export const pathSegments = (template: string): string[] => template.split('/').filter(Boolean);
export const parameterName = (segment: string): string | null => /^\{(\w+)\}$/.exec(segment)?.[1] ?? null;

/** The request path of a call: path parameters percent-encoded into the template. */
export function fillPath(template: string, values: Record<string, unknown>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(values[name])));
}
