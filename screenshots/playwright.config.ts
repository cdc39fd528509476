import { defineConfig } from '@playwright/test';
import base from '../playwright.config';

// `npm run screenshots -- --out <dir>`: not a test suite, a tour of every screen (scripts/screenshots.mjs).
export default defineConfig({
  ...base,
  testDir: '.',
  outputDir: '../test-results/screenshots',
  workers: 1,
  timeout: 600_000,
});
