import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The layering is a lint rule (docs/architecture.md): who may import what.
const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'net'];
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
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict([
        { group: ['electron', 'electron/*', '**/electron/**', '**/gateway/**'], message: 'The renderer reaches the core only through the contract (shared/api).' },
        { group: [...nodeBuiltins, 'better-sqlite3'], message: 'The renderer has no Node APIs.' },
      ]),
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: restrict([
      { group: [...nodeBuiltins, 'better-sqlite3', 'electron', '**/electron/**', '**/renderer/**', '**/gateway/**'], message: 'shared/ is pure: no I/O, no host, no UI.' },
    ]),
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: restrict([
      { group: ['electron', 'electron/*'], message: 'The core is plain Node: it never imports electron.' },
      { group: ['**/host/**', '**/ipc', '**/main', '**/preload', '**/renderer/**', '**/gateway/**'], message: 'The core never imports a host, the UI or the gateway.' },
    ]),
  },
  {
    files: ['electron/host/**/*.ts', 'electron/start.ts', 'electron/security.ts', 'electron/security-policy.ts'],
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
    rules: restrict([{ group: ['electron', 'electron/*', '**/electron/**', '**/renderer/**'], message: 'The gateway emulator shares only shared/ with the АРМ.' }]),
  },
);
