import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The layering is a lint rule (docs/architecture.md): who may import what.
const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'net'];
// A top-level folder reached by a relative path (../../gateway/…), so that folders of the same
// name further down (electron/core/gateway, shared/gateway) are not caught.
const top = (folder, from = 1) => [from, from + 1, from + 2, from + 3].flatMap((n) => ['../'.repeat(n) + folder, '../'.repeat(n) + folder + '/**']);
const restrict = (patterns) => ({
  '@typescript-eslint/no-restricted-imports': ['error', { patterns }],
});

export default tseslint.config(
  { ignores: ['build/', 'dist/', 'node_modules/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // electron-builder loads its hooks with require (scripts/after-pack.cjs).
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict([
        { group: ['electron', 'electron/*', ...top('electron'), ...top('gateway')], message: 'The renderer reaches the core only through the contract (shared/api).' },
        { group: [...nodeBuiltins, 'better-sqlite3'], message: 'The renderer has no Node APIs.' },
      ]),
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: restrict([
      { group: [...nodeBuiltins, 'better-sqlite3', 'electron', ...top('electron'), ...top('renderer'), ...top('gateway', 2)], message: 'shared/ is pure: no I/O, no host, no UI.' },
    ]),
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: restrict([
      { group: ['electron', 'electron/*'], message: 'The core is plain Node: it never imports electron.' },
      { group: ['**/host/**', '**/ipc', '**/main', '**/preload', ...top('renderer', 2), ...top('gateway', 2)], message: 'The core never imports a host, the UI or the gateway emulator.' },
    ]),
  },
  {
    files: ['electron/host/**/*.ts', 'electron/start.ts', 'electron/security.ts', 'electron/security-policy.ts', 'electron/lifecycle.ts', 'electron/menu.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['electron', 'electron/*'], message: 'Only main.ts, preload.ts and ipc.ts import electron (types are fine).', allowTypeImports: true }],
        },
      ],
    },
  },
  {
    files: ['electron/ipc.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['electron'], message: 'ipc.ts takes ipcMain as a parameter (tested with a fake): types only.', allowTypeImports: true }] },
      ],
    },
  },
  {
    files: ['gateway/**/*.ts'],
    rules: restrict([{ group: ['electron', 'electron/*', ...top('electron'), ...top('renderer')], message: 'The gateway emulator shares only shared/ with the АРМ.' }]),
  },
  {
    // Core tests may start the real gateway emulator on loopback (gateway/testing.ts).
    files: ['electron/core/**/*.test.ts'],
    rules: restrict([{ group: ['electron', 'electron/*', ...top('renderer', 2)], message: 'Core tests use the core, and the emulator as a peer.' }]),
  },
);
