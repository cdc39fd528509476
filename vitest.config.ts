import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vitest/config';

// Migrations are imported as text, as esbuild's "text" loader does for the bundles.
const sqlAsText: Plugin = {
  name: 'sql-as-text',
  load(id) {
    return id.endsWith('.sql') ? `export default ${JSON.stringify(readFileSync(id, 'utf8'))};` : null;
  },
};

// ZXing's .wasm is imported as bytes, as esbuild's "binary" loader does for the bundles.
const wasmAsBytes: Plugin = {
  name: 'wasm-as-bytes',
  enforce: 'pre',
  load(id) {
    return id.endsWith('.wasm') ? `export default Uint8Array.from(atob(${JSON.stringify(readFileSync(id).toString('base64'))}), (c) => c.charCodeAt(0));` : null;
  },
};

export default defineConfig({
  plugins: [sqlAsText, wasmAsBytes],
  test: {
    include: ['{electron,shared,renderer,gateway,scripts}/**/*.test.{ts,tsx}'],
    environment: 'node',
    // Through Vite, so the .wasm import above reaches the wasm-as-bytes plugin.
    server: { deps: { inline: [/zxing-wasm/] } },
    pool: 'forks',
    // scrypt logins and RSA key generation are slow on a loaded 2-core machine; correctness, not speed, is tested here.
    testTimeout: 30_000,
    // Tests of the bundled CLIs build them first (scripts/build-node.mjs), which takes tens of seconds there.
    hookTimeout: 120_000,
  },
});
