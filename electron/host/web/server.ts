import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiError, ErrorCode } from '../../../shared/api';
import { MAX_HOST_BODY_BYTES } from '../../../shared/limits';
import type { Dispatch } from '../../core/dispatch';
import { contentSecurityPolicy, noncedPage } from '../../security-policy';
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
  INTERNAL: 500,
};

const SECURITY_HEADERS = {
  'Content-Security-Policy': contentSecurityPolicy(),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function sendJson(response: http.ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(JSON.stringify(body));
}

function refuse(response: http.ServerResponse, code: ErrorCode, message: string): void {
  const error: ApiError = { code, message };
  sendJson(response, STATUS[code] ?? 422, { ok: false, error });
}

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
    const body = await readBody(request, maxBody);
    if (!body) return refuse(response, 'PAYLOAD_TOO_LARGE', `The request is larger than ${maxBody} bytes.`);
    let input: unknown;
    try {
      input = body.length === 0 ? undefined : (JSON.parse(body.toString('utf8')) as { input?: unknown }).input;
    } catch {
      return refuse(response, 'VALIDATION_FAILED', 'The body is not JSON.');
    }
    // One launch token, one window: its session in the core is keyed by it.
    const envelope = await options.dispatch(channel, input, `web:${token}`);
    sendJson(response, envelope.ok ? 200 : (STATUS[envelope.error.code] ?? 422), envelope);
  };

  const file = (request: http.IncomingMessage, response: http.ServerResponse, pathname: string) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(response, 'NOT_FOUND', 'Not found.');
    const target = resolveStatic(options.rendererDir, pathname);
    if (!target) return refuse(response, 'NOT_FOUND', 'Not found.');
    if (target.endsWith('index.html')) {
      // Each load its own nonce (the component library's <style nonce>), never cached.
      const page = noncedPage(readFileSync(target, 'utf8'));
      response.writeHead(200, { ...SECURITY_HEADERS, 'Content-Security-Policy': page.policy, 'Content-Type': mimeOf(target), 'Cache-Control': 'no-store' });
      return response.end(request.method === 'HEAD' ? undefined : page.html);
    }
    response.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': mimeOf(target), 'Cache-Control': 'max-age=3600' });
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
