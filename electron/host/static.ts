import { statSync } from 'node:fs';
import path from 'node:path';

export const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  // PDF.js's worker (the PDF viewer) is an ES module file: a module script needs a JavaScript type.
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
};

/**
 * The renderer file a URL path names, never outside rootDir. Paths without an extension get
 * index.html (the app routes in memory); a missing file with an extension is null.
 */
export function resolveStatic(rootDir: string, pathname: string): string | null {
  const root = path.resolve(rootDir);
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  // A NUL byte makes the file system calls throw (GET /%00 was a 500): no file has one.
  if (decoded.includes('\0')) return null;
  const wanted = path.resolve(root, '.' + decoded);
  const inside = wanted.startsWith(root + path.sep);
  if (inside && statSync(wanted, { throwIfNoEntry: false })?.isFile()) return wanted;
  if (!inside && wanted !== root) return null;
  return path.extname(decoded) ? null : path.join(root, 'index.html');
}

export function mimeOf(file: string): string {
  return MIME[path.extname(file)] ?? 'application/octet-stream';
}
