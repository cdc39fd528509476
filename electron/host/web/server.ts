import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { channelEntries, contract, type ApiError, type ErrorCode, type ErrorParams } from '../../../shared/api';
import { BINARY_INPUT_HEADER } from '../../../shared/api/upload';
import { MAX_HOST_BODY_BYTES, MAX_UPLOAD_BYTES } from '../../../shared/limits';
import type { Dispatch } from '../../core/dispatch';
import { contentSecurityPolicy, PERMISSIONS_POLICY } from '../../security-policy';
import { mimeOf, resolveStatic } from '../static';

export interface WebHostOptions {
  dispatch: Dispatch;
  /** The built renderer (index.html and its assets). */
  rendererDir: string;
  port: number;
  token?: string;
  maxBodyBytes?: number;
}

export interface WebHost {
  port: number;
  token: string;
  url: string;
  close(): Promise<void>;
}

const STATUS: Partial<Record<ErrorCode, number>> = {
  VALIDATION_FAILED: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  PAYLOAD_TOO_LARGE: 413,
  FILE_TOO_LARGE: 413,
  INTERNAL: 500,
};

const SECURITY_HEADERS = {
  'Content-Security-Policy': contentSecurityPolicy(),
  'Permissions-Policy': PERMISSIONS_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function sendJson(response: http.ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(JSON.stringify(body));
}

function refuse(response: http.ServerResponse, code: ErrorCode, message: string, params?: ErrorParams): void {
  const error: ApiError = { code, message, ...(params ? { params } : {}) };
  sendJson(response, STATUS[code] ?? 422, { ok: false, error });
}

/** What a page may call its window: a UUID or the like, never anything that could smuggle a separator. */
const WINDOW_ID = /^[A-Za-z0-9-]{8,64}$/;

function sameToken(header: string | undefined, token: string): boolean {
  const presented = Buffer.from(header?.startsWith('Bearer ') ? header.slice(7) : '');
  const expected = Buffer.from(token);
  return presented.length === expected.length && timingSafeEqual(presented, expected);
}

/**
 * The body, or null past the limit. Past it the rest is read and dropped, so the client gets
 * the 413 instead of a connection reset while it is still sending.
 */
async function readBody(request: http.IncomingMessage, limit: number): Promise<Buffer | null> {
  const declared = Number(request.headers['content-length']);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= limit && !(declared > limit)) chunks.push(chunk);
  }
  return size > limit ? null : Buffer.concat(chunks);
}

/** Binary channels (Channel.binary) by wire name → the input field their body fills. */
const BINARY_FIELDS = new Map(channelEntries(contract).flatMap(([name, definition]) => (definition.binary ? [[name, definition.binary] as const] : [])));

/**
 * A binary channel's call: the body is the file, counted while it streams against the one upload
 * limit (past it the rest is drained and dropped, held in memory only, so the answer is a
 * translated 413 and nothing reaches the disk); the other fields come as JSON in X-Arm-Input.
 * A binary body for a JSON channel, or JSON for a binary one (no bytes), fails the contract.
 */
async function binaryInput(request: http.IncomingMessage, field: string): Promise<{ input: unknown } | { code: ErrorCode; message: string; params?: ErrorParams }> {
  const body = await readBody(request, MAX_UPLOAD_BYTES);
  if (!body) return { code: 'FILE_TOO_LARGE', message: `The file is larger than ${MAX_UPLOAD_BYTES} bytes.`, params: { limit: MAX_UPLOAD_BYTES / 1024 / 1024 } };
  let rest: unknown;
  try {
    const header = request.headers[BINARY_INPUT_HEADER];
    rest = JSON.parse(decodeURIComponent(typeof header === 'string' ? header : '{}'));
  } catch {
    return { code: 'VALIDATION_FAILED', message: `The ${BINARY_INPUT_HEADER} header is not JSON.` };
  }
  if (typeof rest !== 'object' || rest === null || Array.isArray(rest)) return { code: 'VALIDATION_FAILED', message: `The ${BINARY_INPUT_HEADER} header is not an object.` };
  return { input: { ...rest, [field]: new Uint8Array(body.buffer, body.byteOffset, body.length) } };
}

/**
 * The browser host: serves the renderer and POST /api/<channel> on 127.0.0.1 only. Every call
 * carries the launch's random token; a page from another origin, or a DNS-rebound Host, is refused.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const maxBody = options.maxBodyBytes ?? MAX_HOST_BODY_BYTES;
  let origins: Set<string> = new Set();

  const api = async (request: http.IncomingMessage, response: http.ServerResponse, channel: string) => {
    if (request.method !== 'POST') return refuse(response, 'NOT_FOUND', 'Channels answer POST only.');
    if (!sameToken(request.headers.authorization, token)) return refuse(response, 'UNAUTHORIZED', 'Missing or wrong token.');
    let input: unknown;
    const binaryField = BINARY_FIELDS.get(channel);
    if (request.headers['content-type']?.startsWith('application/octet-stream')) {
      if (!binaryField) return refuse(response, 'VALIDATION_FAILED', 'This channel takes JSON, not a file.');
      const read = await binaryInput(request, binaryField);
      if (!('input' in read)) return refuse(response, read.code, read.message, read.params);
      input = read.input;
    } else {
      const body = await readBody(request, maxBody);
      if (!body) return refuse(response, 'PAYLOAD_TOO_LARGE', `The request is larger than ${maxBody} bytes.`);
      try {
        input = body.length === 0 ? undefined : (JSON.parse(body.toString('utf8')) as { input?: unknown }).input;
      } catch {
        return refuse(response, 'VALIDATION_FAILED', 'The body is not JSON.');
      }
    }
    // One session per browser window (tab), as Electron keys one per BrowserWindow: the page names
    // its window (a random id in its sessionStorage); the token, not the name, is the secret.
    const window = request.headers['x-arm-window'];
    const envelope = await options.dispatch(channel, input, typeof window === 'string' && WINDOW_ID.test(window) ? `web:${token}:${window}` : `web:${token}`);
    sendJson(response, envelope.ok ? 200 : (STATUS[envelope.error.code] ?? 422), envelope);
  };

  const file = (request: http.IncomingMessage, response: http.ServerResponse, pathname: string) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(response, 'NOT_FOUND', 'Not found.');
    const target = resolveStatic(options.rendererDir, pathname);
    if (!target) return refuse(response, 'NOT_FOUND', 'Not found.');
    response.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': mimeOf(target),
      'Cache-Control': target.endsWith('index.html') ? 'no-store' : 'max-age=3600',
    });
    if (request.method === 'HEAD') return response.end();
    createReadStream(target).pipe(response);
  };

  const server = http.createServer((request, response) => {
    const host = request.headers.host ?? '';
    const origin = request.headers.origin;
    if (!origins.has(`http://${host}`)) return refuse(response, 'FORBIDDEN', 'Unknown Host header.');
    if (origin !== undefined && !origins.has(origin)) return refuse(response, 'FORBIDDEN', 'Foreign origin.');
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    const handle = () => (pathname.startsWith('/api/') ? api(request, response, pathname.slice(5)) : file(request, response, pathname));
    Promise.resolve()
      .then(handle)
      .catch(() => {
        if (!response.headersSent) refuse(response, 'INTERNAL', 'Internal error.');
        else response.destroy();
      });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  origins = new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/#token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
