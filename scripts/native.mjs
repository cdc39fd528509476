// Builds what `ignore-scripts=true` (.npmrc) left unbuilt: better-sqlite3 for this Node, and
// Electron's binary where it can be downloaded. Idempotent and quick when all is in place.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function sqliteLoads() {
  const probe = spawnSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], {
    cwd: root,
    stdio: 'ignore',
  });
  return probe.status === 0;
}

if (!sqliteLoads()) {
  console.log('Building better-sqlite3 for Node ' + process.version + ' (about a minute, once)…');
  execFileSync(npm, ['rebuild', 'better-sqlite3', '--ignore-scripts=false'], { cwd: root, stdio: 'inherit' });
  if (!sqliteLoads()) {
    console.error('better-sqlite3 could not be built: see the compiler output above.');
    process.exit(1);
  }
}

// Electron: try its own installer once; where the download is impossible (this workplace, CI)
// remember that, so every later start goes straight to the web host without waiting.
const wantElectron = process.argv.includes('--electron');
const electronDir = path.dirname(require.resolve('electron/package.json'));
const marker = path.join(root, 'node_modules', '.cache', 'arm', 'electron-unavailable');
const electronPresent = existsSync(path.join(electronDir, 'path.txt'));
const triedBefore = existsSync(marker) && readFileSync(marker, 'utf8').trim() === process.version;
if (!electronPresent && !process.env.CI && (wantElectron || !triedBefore)) {
  console.log('Fetching the Electron binary…');
  const run = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], {
    cwd: electronDir,
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: 120_000,
  });
  if (run.status !== 0) {
    mkdirSync(path.dirname(marker), { recursive: true });
    writeFileSync(marker, process.version + '\n');
    console.log('Electron binary not available here: the app will run through the web host.');
    if (wantElectron) process.exit(1);
  }
}

// Electron runs its own Node ABI: build a second better-sqlite3 for it into build/electron-native
// (electron/main.ts loads it through nativeBinding) so the Node build that tests use stays intact.
// `npm run dist` packs this very file (electron-builder.yml extraResources; npmRebuild is off).
const electronSqlite = path.join(root, 'build', 'electron-native', 'better_sqlite3.node');
if (existsSync(path.join(electronDir, 'path.txt')) && !existsSync(electronSqlite)) {
  const electronVersion = JSON.parse(readFileSync(path.join(electronDir, 'package.json'), 'utf8')).version;
  const work = path.join(root, 'build', 'electron-native', 'src');
  const sqliteDir = path.dirname(require.resolve('better-sqlite3/package.json'));
  const nodeGyp = path.join(path.dirname(require.resolve('npm/package.json', { paths: [path.join(path.dirname(process.execPath), '..', 'lib'), path.dirname(process.execPath)] })), 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
  console.log(`Building better-sqlite3 for Electron ${electronVersion}…`);
  rmSync(work, { recursive: true, force: true });
  cpSync(sqliteDir, work, { recursive: true, filter: (source) => !source.startsWith(path.join(sqliteDir, 'build')) });
  execFileSync(process.execPath, [nodeGyp, 'rebuild', '--release', `--target=${electronVersion}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'], {
    cwd: work,
    stdio: 'inherit',
    env: { ...process.env, npm_config_nodedir: '' },
  });
  copyFileSync(path.join(work, 'build', 'Release', 'better_sqlite3.node'), electronSqlite);
}
