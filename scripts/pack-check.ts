// `npm run pack:check`: packs the app the way `npm run dist` does (electron-builder.yml), as the
// unpacked Linux target with a stand-in Electron (a placeholder executable; the binary cannot be
// downloaded here), and checks that the package holds everything an installed АРМ needs.
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { extractFile, listPackage } from '@electron/asar';
import { SAMPLE_RECEIPT } from '../electron/core/print/sample';
import { renderReceipt } from '../electron/core/print/receipt';
import { ASSET_FILES, assetsDir, openResources } from '../electron/core/resources';

const root = path.resolve(__dirname, '..', '..');
const requireFromRoot = createRequire(path.join(root, 'package.json'));
const { checkNative, nativeAbi, electronAbi } = requireFromRoot('./scripts/after-pack.cjs') as {
  checkNative(appOutDir: string, options?: { standIn?: boolean }): { file: string; abi: number | null };
  nativeAbi(file: string): number | null;
  electronAbi(): number;
};

const failures: string[] = [];
function check(what: string, ok: boolean, detail = ''): void {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${detail ? ` — ${detail}` : ''}`);
  if (!ok) failures.push(what);
}

/** Top-level packages the runtime dependencies need, from the lockfile, without install-time helpers. */
function runtimeModules(): Set<string> {
  const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dependencies?: Record<string, string> }> };
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  const closure = (names: string[], seen = new Set<string>(), skip = new Set<string>()) => {
    for (const name of names) {
      if (seen.has(name) || skip.has(name)) continue;
      seen.add(name);
      closure(Object.keys(lock.packages[`node_modules/${name}`]?.dependencies ?? {}), seen, skip);
    }
    return seen;
  };
  // better-sqlite3 downloads prebuilt binaries with prebuild-install at install time only.
  return closure(Object.keys(manifest.dependencies), new Set(), new Set(['prebuild-install']));
}

function walk(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(path.join(dir, entry.name), base) : [path.relative(base, path.join(dir, entry.name)).split(path.sep).join('/')],
  );
}

async function main(): Promise<void> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'arm-pack-'));
  const electronVersion = (requireFromRoot('electron/package.json') as { version: string }).version;
  // The stand-in Electron distribution: what electron-builder copies and renames.
  const electronDist = path.join(work, 'electron-dist');
  mkdirSync(electronDist);
  writeFileSync(path.join(electronDist, 'electron'), '#!/bin/sh\necho "stand-in for Electron (npm run pack:check)" >&2\nexit 1\n');
  chmodSync(path.join(electronDist, 'electron'), 0o755);
  writeFileSync(path.join(electronDist, 'version'), electronVersion);
  const nativeBuild = path.join(root, 'build', 'electron-native', 'better_sqlite3.node');
  const standIn = !existsSync(nativeBuild);
  const output = path.join(work, 'out');
  try {
    execFileSync(
      process.execPath,
      [requireFromRoot.resolve('electron-builder/cli.js'), '--linux', 'dir', '--config', 'electron-builder.yml', `-c.electronDist=${electronDist}`, `-c.directories.output=${output}`],
      { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ARM_PACK_STANDIN: standIn ? '1' : '0' } },
    );
    const appOutDir = path.join(output, 'linux-unpacked');
    const resourcesPath = path.join(appOutDir, 'resources');
    const asar = path.join(resourcesPath, 'app.asar');
    check('the executable is named arm', existsSync(path.join(appOutDir, 'arm')));
    check('resources/app.asar exists', existsSync(asar));
    const files = new Set(listPackage(asar, { isPack: false }).map((file) => file.replace(/\\/g, '/').replace(/^\//, '')));

    // Source maps stay out of the package (electron-builder.yml).
    const renderer = walk(path.join(root, 'build', 'renderer')).filter((file) => !file.endsWith('.map')).map((file) => `build/renderer/${file}`);
    const missingRenderer = renderer.filter((file) => !files.has(file));
    check('the asar holds the whole renderer', renderer.includes('build/renderer/index.html') && missingRenderer.length === 0, missingRenderer.join(', '));
    const bundles = [...files].filter((file) => file.startsWith('build/node/') && /\.\w+$/.test(file));
    const expectedBundles = ['build/node/electron-main.cjs', 'build/node/electron-preload.cjs', 'build/node/exceljs.cjs', 'build/node/gateway.cjs', 'build/node/pdf-lib.cjs', 'build/node/portal.js', 'build/node/verify-engines.cjs'];
    check('the asar holds the core bundle, its on-demand parts, the preload and the training emulator, nothing else of build/node', JSON.stringify(bundles.sort()) === JSON.stringify(expectedBundles), bundles.join(', '));
    const manifest = JSON.parse(extractFile(asar, 'package.json').toString('utf8')) as { main: string; version: string };
    check("package.json's main is the core bundle", manifest.main === 'build/node/electron-main.cjs', manifest.main);

    // The migrations are inlined into the bundle as text (scripts/build-node.mjs).
    const main = extractFile(asar, 'build/node/electron-main.cjs').toString('utf8');
    // Every part the core requires on first use is packed beside it (a missing one fails only when an operator verifies or exports).
    const parts = [...main.matchAll(/require\("\.\/([\w-]+\.cjs)"\)/g)].map((match) => `build/node/${match[1]}`);
    check('the on-demand parts the core bundle requires are in the asar', parts.length >= 3 && parts.every((part) => files.has(part)), parts.join(', '));
    // One non-ASCII character would make V8 keep the whole source as two-byte text (scripts/build-node.mjs).
    check('the core bundle is ASCII', !/[\u0080-\uffff]/.test(main));
    const migrationsDir = path.join(root, 'electron', 'core', 'db', 'migrations');
    const migrations = readdirSync(migrationsDir).filter((file) => file.endsWith('.sql'));
    const absent = migrations.filter((file) => {
      const statement = readFileSync(path.join(migrationsDir, file), 'utf8').split('\n').find((line) => /^(CREATE|ALTER|INSERT|DROP|UPDATE)\b/.test(line));
      return !statement || !main.includes(statement);
    });
    check(`the core bundle holds all ${migrations.length} migrations`, migrations.length > 0 && absent.length === 0, absent.join(', '));

    const modules = new Set([...files].filter((file) => file.startsWith('node_modules/')).map((file) => {
      const [, first = '', second = ''] = file.split('/');
      return first.startsWith('@') ? `${first}/${second}` : first;
    }).filter((name) => name && !name.endsWith('/')));
    const expected = runtimeModules();
    const extra = [...modules].filter((name) => !expected.has(name));
    const lacking = [...expected].filter((name) => !modules.has(name));
    check('node_modules in the asar are exactly the runtime dependencies', extra.length === 0 && lacking.length === 0, [extra.length ? `extra: ${extra.join(' ')}` : '', lacking.length ? `missing: ${lacking.join(' ')}` : ''].filter(Boolean).join('; '));
    const nativeInAsar = [...files].filter((file) => file.endsWith('.node'));
    check('no native module inside the asar (the Node-ABI build stays out)', nativeInAsar.length === 0, nativeInAsar.join(', '));
    const sources = [...files].filter((file) => /\.(ts|tsx|map|md)$/.test(file) && !file.endsWith('.d.ts'));
    check('no sources, source maps or docs in the asar', sources.length === 0, sources.slice(0, 5).join(', '));

    for (const relative of Object.values(ASSET_FILES)) check(`resources/assets/${relative}`, existsSync(path.join(resourcesPath, 'assets', relative)));
    const resources = openResources(assetsDir(resourcesPath));
    check('the resolver finds every asset under the packed resourcesPath', resources.missing.length === 0 && resources.dir === path.join(resourcesPath, 'assets'), resources.missing.join(', '));
    if (resources.missing.length === 0) {
      const pdf = await renderReceipt(SAMPLE_RECEIPT, 'kk', resources.fonts());
      const file = path.join(work, 'receipt.pdf');
      writeFileSync(file, pdf);
      let fonts = pdf.toString('latin1');
      try {
        fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
      } catch {
        // poppler-utils absent (Windows): the font name in the PDF's bytes is checked instead.
      }
      check('a receipt renders in Kazakh with the packed fonts embedded', pdf.subarray(0, 5).toString() === '%PDF-' && /DejaVuSans-Bold/.test(fonts) && /DejaVuSans[^-]/.test(fonts));
    }

    // Native module: the Electron-ABI build when it exists; here (no Electron headers) only the guard.
    const nodeBuild = path.join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
    if (standIn) {
      check('no better-sqlite3 packed in resources/native without an Electron-ABI build', !existsSync(path.join(resourcesPath, 'native', 'better_sqlite3.node')));
      console.log(`skip the packed module's ABI: build/electron-native has no Electron-ABI build here (needs Electron ${electronVersion}'s headers)`);
    } else {
      const packed = checkNative(appOutDir);
      check(`the packed better-sqlite3 is built for Electron's ABI ${electronAbi()}`, packed.abi === electronAbi() && readFileSync(packed.file).equals(readFileSync(nativeBuild)));
    }
    const fake = path.join(work, 'node-abi-app');
    mkdirSync(path.join(fake, 'resources', 'native'), { recursive: true });
    copyFileSync(nodeBuild, path.join(fake, 'resources', 'native', 'better_sqlite3.node'));
    let refused = '';
    try {
      checkNative(fake);
    } catch (error) {
      refused = String(error);
    }
    check(`the afterPack hook refuses a Node-ABI (${nativeAbi(nodeBuild)}) better-sqlite3`, refused.includes(`needs ${electronAbi()}`), refused);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  if (failures.length > 0) {
    console.error(`pack:check: ${failures.length} check(s) failed.`);
    process.exit(1);
  }
  console.log('pack:check: the package holds everything the installed АРМ needs.');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
