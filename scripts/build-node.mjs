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
  // pdfkit reads its font metrics and ICC profile from its own folder at run time.
  external: ['better-sqlite3', 'electron', 'pdfkit'],
  loader: { '.sql': 'text' },
  logLevel: 'warning',
});
