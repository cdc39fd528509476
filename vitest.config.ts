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
  },
});
