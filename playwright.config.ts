import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

// Debian's Chromium where it is installed (this workplace, CI); Playwright's own browser elsewhere.
const debianChromium = '/usr/bin/chromium';
const args = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
if (process.getuid?.() === 0) args.push('--no-sandbox');

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  timeout: 30_000,
  workers: 2,
  reporter: [['list']],
  use: {
    headless: true,
    locale: 'ru-RU',
    viewport: { width: 1280, height: 800 },
    launchOptions: { args, ...(existsSync(debianChromium) ? { executablePath: debianChromium } : {}) },
  },
});
