import { randomBytes } from 'node:crypto';

// The one Content-Security-Policy of both hosts (the web host's responses, Electron's app://
// protocol): the renderer loads only its own files and talks only to its own origin (the web
// host's /api or Electron's IPC). No inline script, no eval. What a feature needs beyond that is
// named here, exactly (an origin, never a wildcard), so both hosts grant the same and a reviewer
// sees each one as a diff.

export interface PageSources {
  /** Origins the page may open connections to besides its own, e.g. NCALayer's `wss://127.0.0.1:13579`. */
  connect?: readonly string[];
  /** Frame sources besides its own, e.g. `blob:` for a PDF viewer. */
  frame?: readonly string[];
}

/**
 * What the renderer needs beyond its own origin today (features add theirs here): NCALayer, НУЦ
 * РК's local signing service, at exactly its one origin (renderer/features/signing/ncalayer.ts).
 */
export const APP_SOURCES: Required<PageSources> = { connect: ['wss://127.0.0.1:13579'], frame: [] };

export interface PolicyOptions extends PageSources {
  /** Made fresh for each page load (newNonce): lets that load's own inline <script>/<style nonce> run. */
  nonce?: string;
}

const SCHEME_SOURCES = new Set(['blob:']);
const ORIGIN_SCHEMES = new Set(['https:', 'wss:', 'http:', 'ws:']);
const NONCE = /^[A-Za-z0-9+/_-]{16,}={0,2}$/;

/** An exact origin (scheme, host, port; no path, no wildcard) or an allowed scheme source. */
function source(value: string): string {
  if (SCHEME_SOURCES.has(value)) return value;
  const url = URL.canParse(value) ? new URL(value) : null;
  if (!url || !ORIGIN_SCHEMES.has(url.protocol) || url.origin !== value || value.includes('*')) {
    throw new Error(`Not an exact origin for the Content-Security-Policy: ${value}`);
  }
  return value;
}

const list = (...groups: Array<readonly string[] | undefined>) => [...new Set(groups.flatMap((group) => group ?? []).map(source))];

export function contentSecurityPolicy(options: PolicyOptions = {}): string {
  if (options.nonce !== undefined && !NONCE.test(options.nonce)) throw new Error('A CSP nonce is at least 16 base64 characters.');
  const nonce = options.nonce ? [`'nonce-${options.nonce}'`] : [];
  const connect = list(APP_SOURCES.connect, options.connect);
  const frame = list(APP_SOURCES.frame, options.frame);
  return [
    "default-src 'self'",
    ["script-src 'self'", ...nonce].join(' '),
    ["style-src 'self'", ...nonce].join(' '),
    "img-src 'self' data: blob:",
    "font-src 'self'",
    ["connect-src 'self'", ...connect].join(' '),
    ...(frame.length > 0 ? [["frame-src 'self'", ...frame].join(' ')] : []),
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * The one Permissions-Policy of both hosts: the page may use exactly the camera (a document page
 * captured where there is no scanner, renderer/features/camera), from its own origin only; the
 * microphone and every other powerful feature are off. Electron's permission handler
 * (electron/security.ts) grants the same: video, never audio.
 */
export const PERMISSIONS_POLICY = ['camera=(self)', 'microphone=()', 'geolocation=()', 'display-capture=()', 'usb=()', 'serial=()', 'hid=()', 'bluetooth=()', 'payment=()'].join(', ');

/** 128 random bits for one page load's nonce. */
export function newNonce(): string {
  return randomBytes(16).toString('base64');
}
