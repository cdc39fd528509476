// One Content-Security-Policy for both hosts: the renderer loads only its own files and talks
// only to its own origin (the web host's /api or Electron's IPC) and to NCALayer, НУЦ РК's local
// signing service, at exactly its one origin (renderer/features/signing/ncalayer.ts). No inline
// script, no eval.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self' wss://127.0.0.1:13579",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
