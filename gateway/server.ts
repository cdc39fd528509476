import { createHash, timingSafeEqual } from 'node:crypto';
import type forge from 'node-forge';
import { mkdirSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { MAX_UPLOAD_BYTES } from '../shared/limits';
import { CLIENT_VERSION_HEADER, meetsFloor } from '../shared/gateway/version';
import { GATEWAY_TIME_HEADER, MACHINE_HEADER, MACHINE_SIGNATURE_HEADER, MACHINE_TIME_HEADER, machineIdPattern } from '../shared/gateway/machine';
import type { FaultMode } from '../shared/gateway/api';
import { decodeFrames } from '../shared/gateway/framed';
import {
  bytes,
  gatewayEndpoints,
  isFramed,
  parameterName,
  pathSegments,
  type EndpointArgs,
  type EndpointName,
  type EndpointOutput,
  type GatewayEndpoint,
  type GatewayEndpoints,
} from '../shared/gateway/endpoints';
import { createAnchors } from './anchors';
import { createAttachments } from './attachments';
import { createBatch } from './batch';
import { openGatewayDb, type GatewayDb } from './db/database';
import { GatewayError, invalid } from './errors';
import { createMachines, type Caller } from './machines';
import { createMessages } from './messages';
import { createCabinetCheck, createPortal } from './portal';
import { portalPage } from './portal/page';
import { openApiDocument } from './openapi';
import { createRegistries } from './registries';
import { createReference, type ReferenceSigner } from './reference';
import { seedRegistries } from './seed';
import { catalog } from './seed/directory';
import { crlPem } from '../shared/signing';
import { createOcspResponder } from './ocsp';
import { createTimeStamper } from './timestamp';
import { createSignatureVerifier, trustPems, type GatewayTrust, type MessageSignatureVerifier } from './signature';
import pkg from '../package.json';

export interface GatewayOptions {
  /** 0 = a free port. The gateway binds 127.0.0.1 only. */
  port: number;
  dataDir: string;
  /** Tests move time forward (lease expiry, PoA validity) instead of sleeping. */
  now?: () => Date;
  maxAttachmentBytes?: number;
  maxJsonBytes?: number;
  /**
   * Trusted roots and CRLs: published under /reference/trust and /reference/crl, and every message
   * must then carry a valid signature (gateway/signature.ts). Without it nothing is checked.
   */
  trust?: GatewayTrust | null;
  /**
   * The reference-data key and the heads' certificates (issue 14 item 4, issue 21): without a key
   * /reference/datasets/* answers REFERENCE_UNAVAILABLE, since unsigned data is never applied.
   */
  reference?: { signer: ReferenceSigner; heads: forge.pki.Certificate[] } | null;
  /** Replaces the verifier made from `trust` (tests of the seam itself). */
  verifySignature?: MessageSignatureVerifier | null;
  /**
   * The fault and reset controls (/_control/*) exist only with this secret, and answer only a
   * call carrying it (`Authorization: Bearer <secret>`): tests and test harnesses set it; a
   * gateway without it — training mode, a demo — has no controls (404), so no local process can
   * reset its traffic or inject faults.
   */
  controlSecret?: string | null;
  /** The version floor: АРМ calls without `x-arm-version` at or above it get CLIENT_TOO_OLD (426). */
  minClientVersion?: string | null;
  /**
   * Who may call (issue 16): 'required' (the default; the CLI and training) answers only calls
   * signed by an enrolled machine; 'lenient' (test harnesses that drive the emulator with plain
   * fetch) authenticates a call signed by an enrolled machine in full and lets any other through.
   */
  machineAuth?: 'required' | 'lenient';
  /** Training only: the provider the training АРМ plays; every route names it (gateway/registries.ts). */
  trainingProvider?: string | null;
  log?: (line: string) => void;
}

export interface Gateway {
  port: number;
  url: string;
  /** For tests that look at what is stored (no duplicates). */
  db: GatewayDb;
  close(): Promise<void>;
}

const DEFAULT_MAX_JSON_BYTES = 1024 * 1024;

interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

const json = (status: number, value: unknown, headers: Record<string, string> = {}): Reply => ({
  status,
  headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers },
  body: JSON.stringify(value),
});

/** Reads the body; past the limit it drains the rest (so the client reads the 413) and returns null. */
async function readBody(request: http.IncomingMessage, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= limit) chunks.push(chunk);
  }
  return size > limit ? null : Buffer.concat(chunks);
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new GatewayError('VALIDATION_FAILED', 'The body is not JSON.');
  }
}

/** What a handler answers: the output, or for endpoints that create, whether this call created it. */
type HandlerResult<N extends EndpointName> = GatewayEndpoints[N] extends { created: true } ? { created: boolean; value: EndpointOutput<N> } : EndpointOutput<N>;
/** What a handler knows of the call besides its input: the portal's calls carry their session token;
 * `caller` is the enrolled machine that signed an АРМ call (null: public, admin, portal, or a lenient gateway's unsigned call). */
interface Call {
  authorization: string | undefined;
  caller: Caller | null;
  /** A lenient gateway's unsigned or unknown caller: the machine id it names, unverified (test harnesses only). */
  namedMachine: string | null;
}
type EndpointHandlers = { [N in EndpointName]: (input: EndpointArgs<N>, call: Call) => HandlerResult<N> | Promise<HandlerResult<N>> };

interface Matched {
  name: EndpointName;
  endpoint: GatewayEndpoint;
  params: Record<string, string>;
  url: URL;
}

const routes = (Object.entries(gatewayEndpoints) as [EndpointName, GatewayEndpoint][]).map(([name, endpoint]) => ({
  name,
  endpoint,
  segments: pathSegments(endpoint.path),
}));

/** `_control`: the first segment of the harness's endpoints. */
const harnessRoots = new Set(routes.filter((route) => route.endpoint.callers.includes('harness')).map((route) => route.segments[0]));

/** The row of the table this request is for; 404 for an unknown path, 405 for a known path and another method. */
function match(method: string, url: URL): Matched | GatewayError {
  let parts: string[];
  try {
    parts = url.pathname.split('/').filter(Boolean).map(segment);
  } catch (error) {
    return error as GatewayError;
  }
  const candidates = routes.flatMap((route) => {
    if (route.segments.length !== parts.length) return [];
    const params: Record<string, string> = {};
    for (const [index, expected] of route.segments.entries()) {
      const name = parameterName(expected);
      if (name) params[name] = parts[index]!;
      else if (expected !== parts[index]) return [];
    }
    return [{ ...route, params }];
  });
  const found = candidates.find((route) => route.endpoint.method === method);
  if (found) return { name: found.name, endpoint: found.endpoint, params: found.params, url };
  if (candidates.length > 0) {
    const allowed = [...new Set(candidates.map((route) => route.endpoint.method))].join(', ');
    return new GatewayError('NOT_FOUND', `${url.pathname} answers ${allowed} only.`, { status: 405 });
  }
  return new GatewayError('NOT_FOUND', `No endpoint ${method} ${url.pathname}.`);
}

function segment(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    throw new GatewayError('VALIDATION_FAILED', 'Malformed percent-encoding in the path.');
  }
}

/** Reference data: the ETag names the content, so If-None-Match with it answers 304. */
function referenceReply(request: http.IncomingMessage, name: string, value: { version: number }): Reply {
  const body = JSON.stringify(value);
  const etag = `"${name}-v${value.version}-${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
  const presented = (request.headers['if-none-match'] ?? '').split(',').map((tag) => tag.trim().replace(/^W\//, ''));
  const headers = { ETag: etag, 'Cache-Control': 'no-cache' };
  if (presented.includes(etag) || presented.includes('*')) return { status: 304, headers };
  return json(200, value, headers);
}

export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  const now = options.now ?? (() => new Date());
  const maxAttachment = options.maxAttachmentBytes ?? MAX_UPLOAD_BYTES;
  const maxJson = options.maxJsonBytes ?? DEFAULT_MAX_JSON_BYTES;
  const log = options.log ?? ((line: string) => console.error(line));

  mkdirSync(options.dataDir, { recursive: true });
  const db = openGatewayDb(path.join(options.dataDir, 'gateway.sqlite'));
  seedRegistries(db);
  const trainingProvider = options.trainingProvider ?? null;
  const registries = createRegistries(db, now, trainingProvider);
  const attachments = createAttachments(db, now);
  const trust = options.trust ?? null;
  const verifySignature = options.verifySignature ?? (trust ? createSignatureVerifier(trust, now) : null);
  const machines = createMachines(db, now);
  const anchors = createAnchors(db, now);
  const machineAuth = options.machineAuth ?? 'required';
  const stamper = createTimeStamper(db, now);
  const messages = createMessages(db, { now, verifySignature, recheck: registries.recheck, checkCabinet: createCabinetCheck(db), stamper });
  const sendBatch = createBatch({ messages, attachments, machines, maxAttachmentBytes: maxAttachment });
  const portal = createPortal({ db, now, trust, registries, attachments, messages });
  const trustReference = { version: 1, roots: trust ? trustPems(trust) : [], timeStampKeys: [stamper.key] };
  const crlReference = { version: 1, crls: trust ? trust.crls.map(crlPem) : [] };
  const answerOcsp = trust?.ocsp ? createOcspResponder(trust, trust.ocsp, now) : null;
  // The catalog ships with the build (shared/catalog); its version moves with the АРМ's releases.
  const catalogReference = { version: 1, services: catalog.services };
  const reference = createReference(db, { signer: options.reference?.signer ?? null, heads: options.reference?.heads ?? [], registries, now });

  const noFault = { mode: 'none' as FaultMode, remaining: null, delayMs: 0 };
  let fault: { mode: FaultMode; remaining: number | null; delayMs: number } = noFault;
  /** Requests held open by the "timeout" and "slow" faults; closed with the server. */
  const hanging = new Set<http.ServerResponse>();

  const clearTraffic = db.transaction(() => {
    db.exec("DELETE FROM deliveries; DELETE FROM portal_requests; DELETE FROM messages; DELETE FROM attachments; DELETE FROM sqlite_sequence WHERE name = 'messages';");
  });

  /** One handler per row of the table (shared/gateway/endpoints.ts), given its validated input. */
  const handlers: EndpointHandlers = {
    health: () => ({ status: 'ok' }),
    openapi: () => openApiDocument(pkg.version),
    person: ({ iin }) => registries.person(iin),
    powerOfAttorney: ({ number, date }) => registries.powerOfAttorney(number, date),
    route: ({ service, district }) => registries.route(service, district),
    organisation: ({ code }) => {
      const organisation = registries.organisation(code);
      if (!organisation) throw new GatewayError('ORGANISATION_NOT_FOUND', `No centre or provider ${code}.`);
      return organisation;
    },
    holidays: () => registries.holidays(),
    organisationsReference: () => registries.organisations(),
    catalog: () => catalogReference,
    trust: () => trustReference,
    crl: () => crlReference,
    referenceData: ({ dataset }) => reference.get(dataset),
    publishReference: ({ dataset, body }) => reference.publish(dataset, body.data),
    ocsp: ({ body }) => {
      if (!answerOcsp) throw new GatewayError('NOT_FOUND', 'This gateway runs no OCSP responder (no responder key in its trust).');
      return Buffer.from(answerOcsp(body));
    },
    putAttachment: async ({ sha256, body }) => {
      const { created, ...stored } = await attachments.put(sha256, body);
      return { created, value: stored };
    },
    getAttachment: ({ sha256 }) => attachments.get(sha256),
    send: async ({ body }, { caller }) => {
      if (caller) {
        // A machine sends only as its own organisation, and vouches for the envelope it sends.
        machines.requireOrganisation(caller, body.from);
        machines.verifyEnvelope(caller, body);
      }
      const accepted = await messages.send(body, undefined, { lastContact: caller?.lastContact ?? null });
      return { created: accepted.created, value: accepted.receipt };
    },
    sendBatch: ({ body }, { caller }) => sendBatch(body, caller),
    lease: ({ org, limit, leaseSeconds }, { caller }) => {
      // An inbox is leased and acknowledged only by its own organisation's machines.
      if (caller) machines.requireOrganisation(caller, org);
      return messages.lease(org, limit, leaseSeconds);
    },
    ack: ({ org, body }, { caller }) => {
      if (caller) machines.requireOrganisation(caller, org);
      return messages.ack(org, body);
    },
    // Kept per workstation: the signing machine (a lenient test gateway: the one the call names).
    auditAnchor: (_input, { caller, namedMachine }) => anchors.get(caller?.machineId ?? namedMachine),
    anchorAudit: ({ body }, { caller, namedMachine }) => anchors.put(caller?.machineId ?? namedMachine, body),
    enrollMachine: ({ body }) => machines.enroll(body),
    revokeMachine: ({ machineId }) => machines.revoke(machineId),
    portalLogin: ({ body }) => portal.login(body),
    portalLogout: (_input, { authorization }) => portal.logout(authorization),
    portalServices: (_input, { authorization }) => portal.services(authorization),
    portalFile: ({ sha256, body }, { authorization }) => portal.file(authorization, sha256, body),
    portalPrepare: ({ body }, { authorization }) => portal.prepare(authorization, body),
    portalSubmit: ({ body }, { authorization }) => portal.submit(authorization, body),
    portalCabinet: (_input, { authorization }) => portal.cabinet(authorization),
    portalDocument: ({ sha256 }, { authorization }) => portal.document(authorization, sha256),
    faults: ({ body: { mode, count, delayMs } }) => {
      fault = mode === 'none' ? noFault : { mode, remaining: count ?? null, delayMs: delayMs ?? 2000 };
      return { mode: fault.mode, remaining: fault.remaining };
    },
    reset: () => {
      fault = noFault;
      clearTraffic();
      return { status: 'reset' };
    },
  };

  /** The table's input of one call: path parameters, query and body, each checked by its schema. */
  const readInput = async (request: http.IncomingMessage, found: Matched): Promise<{ input: Record<string, unknown>; raw: Buffer }> => {
    const { endpoint } = found;
    const input: Record<string, unknown> = { ...found.params };
    let raw: Buffer = Buffer.alloc(0);
    if (endpoint.query) {
      const parsed = endpoint.query.safeParse(Object.fromEntries(found.url.searchParams));
      if (!parsed.success) throw invalid(`Bad query parameters of ${endpoint.path}.`, parsed.error);
      Object.assign(input, parsed.data);
    }
    if (endpoint.body === bytes) {
      const declared = Number(request.headers['content-length'] ?? 0);
      const body = declared > maxAttachment ? null : await readBody(request, maxAttachment);
      if (!body) {
        request.resume();
        throw new GatewayError('PAYLOAD_TOO_LARGE', `Attachments are limited to ${maxAttachment} bytes.`, { issues: [{ path: 'body', message: String(maxAttachment) }] });
      }
      input.body = body;
      raw = body;
    } else if (isFramed(endpoint.body)) {
      const limit = endpoint.maxBodyBytes ?? maxJson;
      const body = await readBody(request, limit);
      if (!body) throw new GatewayError('PAYLOAD_TOO_LARGE', `The body of ${endpoint.path} is limited to ${limit} bytes.`);
      raw = body;
      const parts = decodeFrames(body);
      if (!parts) throw new GatewayError('VALIDATION_FAILED', 'The body is not framed: part count, part lengths, then the parts.', { issues: [{ path: 'body', message: 'framing' }] });
      const parsed = endpoint.body.framed.safeParse(parseJson(parts[0]!));
      if (!parsed.success) throw invalid(`The head does not match the schema of ${endpoint.method} ${endpoint.path}.`, parsed.error);
      input.body = { head: parsed.data, parts: parts.slice(1) };
    } else if (endpoint.body) {
      const limit = endpoint.maxBodyBytes ?? maxJson;
      const body = await readBody(request, limit);
      if (!body) throw new GatewayError('PAYLOAD_TOO_LARGE', `JSON bodies of ${endpoint.path} are limited to ${limit} bytes.`);
      raw = body;
      const parsed = endpoint.body.safeParse(parseJson(body));
      if (!parsed.success) throw invalid(`The body does not match the schema of ${endpoint.method} ${endpoint.path}.`, parsed.error);
      input.body = parsed.data;
    } else if (request.method !== 'GET') {
      raw = (await readBody(request, maxJson)) ?? Buffer.alloc(0);
    }
    return { input, raw };
  };

  /** The enrolled machine that signed this call; a refusal when the gateway requires one and it is not. */
  const callerOf = (request: http.IncomingMessage, found: Matched, raw: Buffer): Caller | null => {
    const { endpoint } = found;
    // The portal's citizen calls carry their own session (gateway/portal.ts), not a machine's signature.
    if (endpoint.public || endpoint.callers.includes('harness') || endpoint.callers.includes('citizen')) return null;
    const header = (name: string) => {
      const value = request.headers[name];
      return typeof value === 'string' ? value : undefined;
    };
    const machineId = header(MACHINE_HEADER);
    if (machineAuth === 'lenient' && (!machineId || !machines.known(machineId))) return null;
    return machines.authenticate({
      machineId,
      time: header(MACHINE_TIME_HEADER),
      signature: header(MACHINE_SIGNATURE_HEADER),
      method: request.method ?? 'GET',
      path: request.url ?? '/',
      body: raw,
    });
  };

  const run = async (request: http.IncomingMessage, found: Matched): Promise<Reply> => {
    const { endpoint, name } = found;
    const handler = handlers[name] as (input: Record<string, unknown>, call: Call) => unknown;
    const { input, raw } = await readInput(request, found);
    const caller = callerOf(request, found, raw);
    const named = request.headers[MACHINE_HEADER];
    const namedMachine = !caller && machineAuth === 'lenient' && typeof named === 'string' && machineIdPattern.test(named) ? named : null;
    const result = await handler(input, { authorization: request.headers.authorization, caller, namedMachine });
    if (endpoint.output === bytes) return { status: 200, headers: { 'Content-Type': name === 'portalDocument' ? 'application/pdf' : name === 'ocsp' ? 'application/ocsp-response' : 'application/octet-stream' }, body: result as Buffer };
    if ('created' in endpoint) {
      const { created, value } = result as { created: boolean; value: unknown };
      return json(created ? 201 : 200, value);
    }
    if ('etag' in endpoint) return referenceReply(request, (result as { dataset?: string }).dataset ?? pathSegments(endpoint.path).at(-1)!, result as { version: number });
    return json(200, result);
  };

  const answer = (response: http.ServerResponse, reply: Reply) => {
    // The gateway's clock on every answer: the АРМ records its offset (clock trust, issue 14).
    response.writeHead(reply.status, { 'Cache-Control': 'no-store', [GATEWAY_TIME_HEADER]: now().toISOString(), ...reply.headers });
    response.end(reply.body);
  };

  const refusal = (error: unknown): Reply => {
    if (error instanceof GatewayError) return json(error.status, error.toJSON());
    log(`gateway: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return json(500, { error: { code: 'INTERNAL', message: 'Internal error of the gateway emulator.' } });
  };

  let closing = false;
  const controlSecret = options.controlSecret ? Buffer.from(options.controlSecret) : null;
  const controlRefusal = (authorization: string | undefined): GatewayError | null => {
    if (!controlSecret) return new GatewayError('NOT_FOUND', 'No such endpoint.', { status: 404 });
    const presented = Buffer.from(authorization?.startsWith('Bearer ') ? authorization.slice(7) : '');
    const matches = presented.length === controlSecret.length && timingSafeEqual(presented, controlSecret);
    return matches ? null : new GatewayError('UNAUTHORIZED', 'The controls need the emulator’s admin secret.', { status: 401 });
  };
  /** Filled in once the port is known. */
  let ownHosts = new Set<string>();

  const handle = async (request: http.IncomingMessage, response: http.ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const host = request.headers.host ?? '';
    // Only programs call the gateway (the АРМ's core), never a web page: a request with an Origin,
    // or for another Host (DNS rebinding), is a browser being used against the emulator. The one
    // exception is the portal page (/portal/), which calls its own API from its own origin.
    const portalPath = url.pathname === '/portal' || url.pathname.startsWith('/portal/');
    const origin = request.headers.origin;
    // OpenSSL's OCSP client names the host without its port; a bare loopback literal is no rebinding.
    const ocspHost = url.pathname === '/ocsp' && host === '127.0.0.1';
    if (!(ownHosts.has(host) || ocspHost) || (origin !== undefined && !(portalPath && origin === `http://${host}`))) {
      request.resume();
      return answer(response, json(403, { error: { code: 'FORBIDDEN', message: 'Browsers and foreign Host headers are refused.' } }));
    }
    const page = portalPath && request.method === 'GET' ? portalPage(url, trainingProvider) : null;
    if (page) {
      request.resume();
      return answer(response, page);
    }
    const found = match(request.method ?? 'GET', url);
    const reply = (): Promise<Reply> => {
      if (found instanceof GatewayError) {
        request.resume();
        return Promise.resolve(refusal(found));
      }
      return run(request, found).catch(refusal);
    };
    // The harness's controls (and mistyped calls to them) are never hit by the faults they set.
    if (harnessRoots.has(pathSegments(url.pathname)[0] ?? '')) {
      const refused = controlRefusal(request.headers.authorization);
      if (refused) {
        request.resume();
        return answer(response, refusal(refused));
      }
      return answer(response, await reply());
    }
    const version = request.headers[CLIENT_VERSION_HEADER];
    if (options.minClientVersion && !meetsFloor(typeof version === 'string' ? version : null, options.minClientVersion)) {
      request.resume();
      return answer(response, refusal(new GatewayError('CLIENT_TOO_OLD', `This gateway serves АРМ ${options.minClientVersion} and later; this one is ${String(version ?? 'unnamed')}.`)));
    }

    const { mode, delayMs } = fault;
    if (mode !== 'none' && fault.remaining !== null && --fault.remaining <= 0) fault = noFault;
    if (mode === 'timeout') {
      // Hang: read nothing, answer nothing, until the client gives up or the gateway stops.
      hanging.add(response);
      response.on('close', () => hanging.delete(response));
      return;
    }
    if (mode === 'error500') {
      request.resume();
      return answer(response, json(500, { error: { code: 'INTERNAL', message: 'Injected fault: error500.' } }));
    }
    const replied = await reply();
    // "drop": the request was received and processed, but the connection dies before the answer,
    // so the client cannot know whether its message arrived.
    if (mode === 'drop') return request.socket.destroy();
    if (mode === 'slow') {
      // Processed on arrival, answered late: a client that gives up meanwhile must resend.
      hanging.add(response);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      hanging.delete(response);
      if (closing || response.destroyed) return;
    }
    answer(response, replied);
  };

  const server = http.createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (response.headersSent) response.destroy();
      else answer(response, refusal(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  ownHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  return {
    port,
    url: `http://127.0.0.1:${port}`,
    db,
    close: async () => {
      closing = true;
      for (const response of hanging) response.destroy();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      db.close();
    },
  };
}
