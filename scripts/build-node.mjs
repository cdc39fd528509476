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
  'pack-check': 'scripts/pack-check.ts',
  'update-sign': 'scripts/update-sign.ts',
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
  // Whitespace and comments out: one Cyrillic letter in a comment makes V8 keep the whole
  // bundle's source as two-byte text (11 MB of the core's heap, core.rss_mb); strings are
  // escaped to ASCII anyway (esbuild's default charset). Names stay for readable stack traces.
  minifyWhitespace: true,
  // pdfkit reads its font metrics and ICC profile from its own folder at run time; these and
  // better-sqlite3 are the package's only runtime "dependencies" (electron-builder packs them).
  // fontkit is pdfkit's font parser: the core parses each font once with it and hands pdfkit the
  // object (electron/core/pdf/document.ts), so both must load the same module.
  // original-fs is Electron's own; @electron/asar is pack:check's tool, loaded from node_modules.
  external: ['better-sqlite3', 'electron', 'original-fs', 'pdfkit', 'fontkit', '@electron/asar'],
  loader: { '.sql': 'text' },
  logLevel: 'warning',
});
