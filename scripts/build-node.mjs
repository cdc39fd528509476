// Bundles the Node side (hosts, Electron main and preload, CLI tools) into build/node/*.cjs.
// esbuild rather than tsc: one pass, .sql migrations inlined as text, about a second.
import { build } from 'esbuild';

const entries = {
  web: 'electron/host/web/main.ts',
  start: 'electron/start.ts',
  'electron-main': 'electron/main.ts',
  'electron-preload': 'electron/preload.ts',
  bench: 'scripts/bench.ts',
  'audit-verify': 'scripts/audit-verify.ts',
  gateway: 'gateway/main.ts',
  'pki-demo': 'scripts/pki-demo.ts',
  verify: 'scripts/verify.ts',
};

await build({
  entryPoints: entries,
  outdir: 'build/node',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  // pdfkit reads its font metrics and ICC profile from its own folder at run time; zxing-wasm and
  // pdfjs-dist load their .wasm and worker files from their own folders (never from a CDN).
  external: ['better-sqlite3', 'electron', 'pdfkit', 'zxing-wasm', 'pdfjs-dist'],
  loader: { '.sql': 'text' },
  // import.meta.url in a CommonJS bundle: the bundle's own file (createRequire needs it).
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
});
