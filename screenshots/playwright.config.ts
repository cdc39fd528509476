import { defineConfig } from '@playwright/test';
import base from '../playwright.config';

// `npm run screenshots -- --out <dir>`: not a test suite, a tour of every screen (scripts/screenshots.mjs).
export default defineConfig({
  ...base,
  testDir: '.',
  outputDir: '../test-results/screenshots',
  workers: 1,
  timeout: 600_000,
  // A step that cannot go on fails in seconds and the tour goes on to the next (tryStep), instead
  // of one wait holding the rest of the tour until the test's timeout.
  use: { ...base.use, actionTimeout: 15_000 },
});
