import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseWebArgs, runWebHost } from './host/web/cli';

// `npm start`: the Electron app where its binary is installed, else the web host in Chromium.
const appRoot = path.resolve(path.dirname(process.argv[1] ?? '.'), '..', '..');

function electronBinary(): string | null {
  const electronDir = path.join(appRoot, 'node_modules', 'electron');
  const pathFile = path.join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = path.join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const args = process.argv.slice(2);
const electron = electronBinary();
if (electron) {
  const child = spawn(electron, [appRoot, ...args], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log('Electron binary not installed: starting the web host (see README).');
  runWebHost({ ...parseWebArgs(args), open: true }).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
