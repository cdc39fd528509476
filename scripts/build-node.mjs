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
  'support-bundle': 'scripts/support-bundle.ts',
  gateway: 'gateway/main.ts',
  'pki-demo': 'scripts/pki-demo.ts',
  'pack-check': 'scripts/pack-check.ts',
  'update-sign': 'scripts/update-sign.ts',
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
  // pdfkit reads its font metrics and ICC profile from its own folder at run time; these and
  // better-sqlite3 are the package's only runtime "dependencies" (electron-builder packs them).
  // fontkit is pdfkit's font parser: the core parses each font once with it and hands pdfkit the
  // object (electron/core/pdf/document.ts), so both must load the same module.
  // original-fs is Electron's own; @electron/asar is pack:check's tool, loaded from node_modules.
  external: ['better-sqlite3', 'electron', 'original-fs', 'pdfkit', 'fontkit', '@electron/asar'],
  // ZXing's .wasm goes into the bundle as bytes (electron/core/verify/read.ts): nothing to find or
  // fetch at run time, in the package as in the CLI.
  loader: { '.sql': 'text', '.wasm': 'binary' },
  // import.meta.url in a CommonJS bundle: the bundle's own file (PDF.js makes a require from it).
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
});

// The gateway emulator's portal page script (gateway/portal/browser.ts), for the browser: served by
// the emulator as /portal/app.js from beside gateway.cjs (gateway/portal/page.ts).
await build({
  entryPoints: { portal: 'gateway/portal/browser.ts' },
  outdir: 'build/node',
  bundle: true,
  platform: 'browser',
  target: 'chrome120',
  format: 'iife',
  minify: true,
  logLevel: 'warning',
});
