import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vitest/config';

// Migrations are imported as text, as esbuild's "text" loader does for the bundles.
const sqlAsText: Plugin = {
  name: 'sql-as-text',
  load(id) {
    return id.endsWith('.sql') ? `export default ${JSON.stringify(readFileSync(id, 'utf8'))};` : null;
  },
};

export default defineConfig({
  plugins: [sqlAsText],
  test: {
    include: ['{electron,shared,renderer,gateway,scripts}/**/*.test.{ts,tsx}'],
    environment: 'node',
    pool: 'forks',
    // scrypt logins and RSA key generation are slow on a loaded 2-core machine; correctness, not speed, is tested here.
    testTimeout: 30_000,
  },
});
