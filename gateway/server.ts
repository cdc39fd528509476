import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { faultInputSchema, type FaultMode } from '../shared/gateway/api';
import { createAttachments } from './attachments';
import { openGatewayDb, type GatewayDb } from './db/database';
import { GatewayError, invalid } from './errors';
import { createMessages } from './messages';
import { openApiDocument } from './openapi';
import { createRegistries } from './registries';
import { seedRegistries } from './seed';
import { catalog } from './seed/directory';
import { crlPem } from '../shared/signing';
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
  /** Replaces the verifier made from `trust` (tests of the seam itself). */
  verifySignature?: MessageSignatureVerifier | null;
  log?: (line: string) => void;
}

export interface Gateway {
  port: number;
  url: string;
  /** For tests that look at what is stored (no duplicates). */
  db: GatewayDb;
  close(): Promise<void>;
}

export const DEFAULT_MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
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

function segment(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    throw new GatewayError('VALIDATION_FAILED', 'Malformed percent-encoding in the path.');
  }
}

/** Reference data: the ETag names the content, so If-None-Match with it answers 304. */
function reference(request: http.IncomingMessage, name: string, value: { version: number }): Reply {
  const body = JSON.stringify(value);
  const etag = `"${name}-v${value.version}-${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
  const presented = (request.headers['if-none-match'] ?? '').split(',').map((tag) => tag.trim().replace(/^W\//, ''));
  const headers = { ETag: etag, 'Cache-Control': 'no-cache' };
  if (presented.includes(etag) || presented.includes('*')) return { status: 304, headers };
  return json(200, value, headers);
}

export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  const now = options.now ?? (() => new Date());
  const maxAttachment = options.maxAttachmentBytes ?? DEFAULT_MAX_ATTACHMENT_BYTES;
  const maxJson = options.maxJsonBytes ?? DEFAULT_MAX_JSON_BYTES;
  const log = options.log ?? ((line: string) => console.error(line));

  mkdirSync(options.dataDir, { recursive: true });
  const db = openGatewayDb(path.join(options.dataDir, 'gateway.sqlite'));
  seedRegistries(db);
  const registries = createRegistries(db, now);
  const attachments = createAttachments(db, now);
  const trust = options.trust ?? null;
  const verifySignature = options.verifySignature ?? (trust ? createSignatureVerifier(trust, now) : null);
  const messages = createMessages(db, { now, verifySignature, recheck: registries.recheck });
  const trustReference = { version: 1, roots: trust ? trustPems(trust) : [] };
  const crlReference = { version: 1, crls: trust ? trust.crls.map(crlPem) : [] };
  // The catalog ships with the build (shared/catalog); its version moves with the АРМ's releases.
  const catalogReference = { version: 1, services: catalog.services };

  const noFault = { mode: 'none' as FaultMode, remaining: null, delayMs: 0 };
  let fault: { mode: FaultMode; remaining: number | null; delayMs: number } = noFault;
  /** Requests held open by the "timeout" and "slow" faults; closed with the server. */
  const hanging = new Set<http.ServerResponse>();

  const jsonBody = async (request: http.IncomingMessage) => {
    const body = await readBody(request, maxJson);
    if (!body) throw new GatewayError('PAYLOAD_TOO_LARGE', `JSON bodies are limited to ${maxJson} bytes.`);
    return parseJson(body);
  };

  const clearTraffic = db.transaction(() => {
    db.exec("DELETE FROM deliveries; DELETE FROM messages; DELETE FROM attachments; DELETE FROM sqlite_sequence WHERE name = 'messages';");
  });

  const control = async (request: http.IncomingMessage, action: string | undefined): Promise<Reply> => {
    if (request.method !== 'POST') throw new GatewayError('NOT_FOUND', 'Control endpoints answer POST only.', { status: 405 });
    if (action === 'faults') {
      const parsed = faultInputSchema.safeParse(await jsonBody(request));
      if (!parsed.success) throw invalid('Give {mode: "none" | "error500" | "timeout" | "drop" | "slow", count?, delayMs?}.', parsed.error);
      const { mode, count, delayMs } = parsed.data;
      fault = mode === 'none' ? noFault : { mode, remaining: count ?? null, delayMs: delayMs ?? 2000 };
      return json(200, { mode: fault.mode, remaining: fault.remaining });
    }
    if (action === 'reset') {
      await readBody(request, maxJson);
      fault = noFault;
      clearTraffic();
      return json(200, { status: 'reset' });
    }
    throw new GatewayError('NOT_FOUND', `No control action ${action ?? ''}.`);
  };

  const route = async (request: http.IncomingMessage, url: URL): Promise<Reply> => {
    const parts = url.pathname.split('/').filter(Boolean).map(segment);
    const [head, second, third] = parts;
    const method = request.method ?? 'GET';
    const only = (allowed: string) => {
      if (method !== allowed) throw new GatewayError('NOT_FOUND', `${url.pathname} answers ${allowed} only.`, { status: 405 });
    };

    if (head === 'health' && parts.length === 1) {
      only('GET');
      return json(200, { status: 'ok' });
    }
    if (head === 'openapi.json' && parts.length === 1) {
      only('GET');
      return json(200, openApiDocument(pkg.version));
    }
    if (head === 'persons' && parts.length === 2 && second !== undefined) {
      only('GET');
      return json(200, registries.person(second));
    }
    if (head === 'powers-of-attorney' && parts.length === 1) {
      only('GET');
      return json(200, registries.powerOfAttorney(url.searchParams.get('number'), url.searchParams.get('date')));
    }
    if (head === 'routing' && parts.length === 1) {
      only('GET');
      return json(200, registries.route(url.searchParams.get('service'), url.searchParams.get('district')));
    }
    if (head === 'organisations' && parts.length === 2 && second !== undefined) {
      only('GET');
      const organisation = registries.organisation(second);
      if (!organisation) throw new GatewayError('ORGANISATION_NOT_FOUND', `No centre or provider ${second}.`);
      return json(200, organisation);
    }
    if (head === 'reference' && parts.length === 2) {
      only('GET');
      if (second === 'holidays') return reference(request, 'holidays', registries.holidays());
      if (second === 'organisations') return reference(request, 'organisations', registries.organisations());
      if (second === 'catalog') return reference(request, 'catalog', catalogReference);
      if (second === 'trust') return reference(request, 'trust', trustReference);
      if (second === 'crl') return reference(request, 'crl', crlReference);
      throw new GatewayError('NOT_FOUND', `No reference data ${second ?? ''}.`);
    }
    if (head === 'attachments' && parts.length === 2 && second !== undefined) {
      if (method === 'PUT') {
        const declared = Number(request.headers['content-length'] ?? 0);
        const body = declared > maxAttachment ? null : await readBody(request, maxAttachment);
        if (!body) {
          request.resume();
          throw new GatewayError('PAYLOAD_TOO_LARGE', `Attachments are limited to ${maxAttachment} bytes.`, { issues: [{ path: 'body', message: String(maxAttachment) }] });
        }
        const stored = attachments.put(second, body);
        return json(stored.created ? 201 : 200, { sha256: stored.sha256, size: stored.size });
      }
      only('GET');
      return { status: 200, headers: { 'Content-Type': 'application/octet-stream' }, body: attachments.get(second) };
    }
    if (head === 'messages' && parts.length === 1) {
      only('POST');
      const accepted = await messages.send(await jsonBody(request));
      return json(accepted.created ? 201 : 200, accepted.receipt);
    }
    if (head === 'inboxes' && parts.length === 3 && second !== undefined) {
      only('POST');
      if (third === 'lease') {
        await readBody(request, maxJson);
        return json(200, messages.lease(second, url.searchParams.get('limit'), url.searchParams.get('leaseSeconds')));
      }
      if (third === 'ack') return json(200, messages.ack(second, await jsonBody(request)));
    }
    throw new GatewayError('NOT_FOUND', `No endpoint ${method} ${url.pathname}.`);
  };

  const answer = (response: http.ServerResponse, reply: Reply) => {
    response.writeHead(reply.status, { 'Cache-Control': 'no-store', ...reply.headers });
    response.end(reply.body);
  };

  const refusal = (error: unknown): Reply => {
    if (error instanceof GatewayError) return json(error.status, error.toJSON());
    log(`gateway: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return json(500, { error: { code: 'INTERNAL', message: 'Internal error of the gateway emulator.' } });
  };

  let closing = false;
  /** Filled in once the port is known. */
  let ownHosts = new Set<string>();

  const handle = async (request: http.IncomingMessage, response: http.ServerResponse) => {
    // Only programs call the gateway (the АРМ's core), never a web page: a request with an Origin,
    // or for another Host (DNS rebinding), is a browser being used against the emulator.
    if (request.headers.origin !== undefined || !ownHosts.has(request.headers.host ?? '')) {
      request.resume();
      return answer(response, json(403, { error: { code: 'FORBIDDEN', message: 'Browsers and foreign Host headers are refused.' } }));
    }
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/_control/')) return answer(response, await control(request, url.pathname.split('/')[2]).catch(refusal));

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
    const reply = await route(request, url).catch(refusal);
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
    answer(response, reply);
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
