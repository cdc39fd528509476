// Bundles the Node side (hosts, Electron main and preload, CLI tools) into build/node/*.cjs.
// esbuild rather than tsc: one pass, .sql migrations inlined as text, about a second.
import { readFileSync, writeFileSync } from 'node:fs';
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

// Code most sessions never run is bundled on its own and required on first use, so the core does
// not hold it in memory (core.rss_mb in npm run bench): PDF.js and ZXing (verification), exceljs
// (the journal's XLSX), pdf-lib (an uploaded PDF). The main bundles require these files from their
// own folder; electron-builder.yml packs them beside the core bundle.
const vendors = {
  'verify-engines': 'electron/core/verify/engines.ts',
  exceljs: 'node_modules/exceljs/excel.js',
  'pdf-lib': 'node_modules/pdf-lib/cjs/index.js',
};
const vendorOf = { exceljs: './exceljs.cjs', 'pdf-lib': './pdf-lib.cjs' };
const splitVendors = {
  name: 'split-vendors',
  setup(builder) {
    builder.onResolve({ filter: /^(exceljs|pdf-lib)$/ }, (args) => ({ path: vendorOf[args.path], external: true }));
    builder.onResolve({ filter: /^\.\/engines$/ }, (args) => (args.importer.endsWith('verify/read.ts') ? { path: './verify-engines.cjs', external: true } : undefined));
  },
};

const options = {
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
};
// require() rather than import() for the parts: Electron reads CommonJS out of the asar, and a
// failed require names the missing file.
await build({ ...options, entryPoints: entries, plugins: [splitVendors], supported: { 'dynamic-import': false } });
await build({ ...options, entryPoints: vendors });

// One non-ASCII character anywhere makes V8 hold a script's whole source as two-byte text: the
// 11 MB main bundle took 22 MB of the core's heap for the Cyrillic and typographic quotes in its
// comments. esbuild escapes non-ASCII in strings, but not in comments or regular expressions
// (/[әғқ]/), so each remaining UTF-16 unit becomes \uXXXX, which means the same character in a
// regular expression, a string or an identifier and is harmless in a comment; lines stay where
// the source map says.
for (const name of [...Object.keys(entries), ...Object.keys(vendors)]) {
  const file = `build/node/${name}.cjs`;
  const source = readFileSync(file, 'utf8');
  const ascii = source.replace(/[\u0080-\uffff]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (ascii !== source) writeFileSync(file, ascii);
}

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
