// `npm run screenshots -- --out <dir>`: every screen in ru and kk at 1366×768 and 1920×1080 from the
// built web host in training mode (screenshots/screens.spec.ts), for a person to look at.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const args = process.argv.slice(2);
const at = args.indexOf('--out');
const out = path.resolve(at >= 0 && args[at + 1] ? args[at + 1] : 'screenshots-out');
const result = spawnSync('npx', ['playwright', 'test', '-c', 'screenshots/playwright.config.ts'], {
  stdio: 'inherit',
  env: { ...process.env, ARM_SCREENSHOTS_OUT: out },
});
console.log(`Screenshots in ${out}`);
process.exit(result.status ?? 1);
