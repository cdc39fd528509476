import { builtinModules } from 'node:module';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import layers from './scripts/eslint/layers.js';

// The layering is a lint rule (docs/architecture.md): who may import what, and which globals a
// folder has. Each folder's block states its whole import list: ESLint replaces a rule's options
// from a later block instead of adding to them.

// Every Node built-in by its exact name (fs, fs/promises, worker_threads…), and anything node:.
const nodeBuiltins = builtinModules.filter((name) => !name.startsWith('_'));
const noNode = (message) => ({ paths: nodeBuiltins.map((name) => ({ name, message })), patterns: [{ group: ['node:*'], message }] });
// Globals Node has and a browser does not: with them code would only run in Node.
const nodeOnlyGlobals = Object.keys(globals.node).filter((name) => !(name in globals.browser) && !(name in globals['shared-node-browser']));
// A top-level folder reached by a relative path (../../gateway/…), so that folders of the same
// name further down (electron/core/gateway, shared/gateway) are not caught.
const top = (folder, from = 1) => [from, from + 1, from + 2, from + 3].flatMap((n) => ['../'.repeat(n) + folder, '../'.repeat(n) + folder + '/**']);
const restrict = ({ paths = [], patterns = [] }) => ({
  '@typescript-eslint/no-restricted-imports': ['error', { paths, patterns }],
});
const noGlobals = (names, message) => ({ 'no-restricted-globals': ['error', ...names.map((name) => ({ name, message }))] });

const rendererMessage = 'The renderer has no Node APIs: it reaches the core only through the contract (shared/api).';
const sharedMessage = 'shared/ is pure: no I/O, no host, no UI.';

export default tseslint.config(
  { ignores: ['build/', 'dist/', 'node_modules/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // Node processes: the core, the hosts, the emulator, the tools and the configs.
    files: ['electron/**', 'gateway/**', 'scripts/**', '*.{js,ts,mjs}'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='bind'][callee.object.type='CallExpression'][callee.object.callee.property.name='prepare']",
          message: 'Statements are cached per SQL text (shared/db/statements.ts): pass parameters to run/get/all, never bind them to the statement.',
        },
      ],
    },
  },
  {
    // The emulator's portal page script runs in the browser (bundled into build/node/portal.js).
    files: ['gateway/portal/browser.ts'],
    languageOptions: { globals: { ...globals.browser } },
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
      ...noGlobals(nodeOnlyGlobals, rendererMessage),
      ...restrict({
        paths: [...noNode(rendererMessage).paths, { name: 'better-sqlite3', message: rendererMessage }],
        patterns: [
          { group: ['electron', 'electron/*', ...top('electron'), ...top('gateway')], message: 'The renderer reaches the core only through the contract (shared/api).' },
          ...noNode(rendererMessage).patterns,
        ],
      }),
    },
  },
  {
    // Pure code both sides run: ES and the few web-standard globals Node shares (TextEncoder, URL).
    files: ['shared/**/*.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      ...noGlobals([...nodeOnlyGlobals, 'fetch', 'localStorage', 'sessionStorage', 'WebSocket', 'navigator'], sharedMessage),
      ...restrict({
        paths: [...noNode(sharedMessage).paths, { name: 'better-sqlite3', message: sharedMessage }],
        patterns: [{ group: ['electron', ...top('electron'), ...top('renderer'), ...top('gateway', 2)], message: sharedMessage }, ...noNode(sharedMessage).patterns],
      }),
    },
  },
  {
    // Tests of shared/ run under Vitest in Node: they may set process.env.TZ or build a Buffer.
    files: ['shared/**/*.test.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-restricted-globals': 'off' },
  },
  {
    // shared/db's helpers take the database the hosts pass; their tests run them on the real one.
    files: ['shared/db/*.test.ts'],
    rules: restrict({
      paths: noNode(sharedMessage).paths,
      patterns: [{ group: ['electron', ...top('electron'), ...top('renderer'), ...top('gateway', 2)], message: sharedMessage }, ...noNode(sharedMessage).patterns],
    }),
  },
  {
    // Playwright runs in Node and evaluates code in the page.
    files: ['e2e/**/*.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['electron/core/**/*.ts'],
    plugins: { arm: layers },
    rules: {
      'arm/core-boundaries': 'error',
      ...restrict({
        patterns: [
          { group: ['electron', 'electron/*'], message: 'The core is plain Node: it never imports electron.' },
          { group: [...top('renderer', 2), ...top('gateway', 2)], message: 'The core never imports the UI or the gateway emulator.' },
        ],
      }),
    },
  },
  {
    files: ['electron/host/**/*.ts', 'electron/start.ts', 'electron/security.ts', 'electron/security-policy.ts', 'electron/lifecycle.ts', 'electron/menu.ts'],
    rules: restrict({
      patterns: [{ group: ['electron', 'electron/*'], message: 'Only main.ts, preload.ts and ipc.ts import electron (types are fine).', allowTypeImports: true }],
    }),
  },
  {
    files: ['electron/ipc.ts'],
    rules: restrict({ patterns: [{ group: ['electron'], message: 'ipc.ts takes ipcMain as a parameter (tested with a fake): types only.', allowTypeImports: true }] }),
  },
  {
    files: ['gateway/**/*.ts'],
    rules: restrict({ patterns: [{ group: ['electron', 'electron/*', ...top('electron'), ...top('renderer')], message: 'The gateway emulator shares only shared/ with the АРМ.' }] }),
  },
  {
    // Core tests may start the real gateway emulator on loopback (gateway/testing.ts).
    files: ['electron/core/**/*.test.ts', 'electron/core/testing/**/*.ts'],
    rules: restrict({
      patterns: [
        { group: ['electron', 'electron/*'], message: 'The core is plain Node: it never imports electron.' },
        { group: [...top('renderer', 2)], message: 'Core tests use the core, and the emulator as a peer.' },
      ],
    }),
  },
);
