import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DATABASE_FILE } from './core/app';
import { peekGatewayUrl } from './core/settings/store';
import { databaseKeyFromFile } from './core/vault/toolAccess';
import { superviseChild } from './host/supervise';
import { startTrainingGateway } from './host/training';
import { parseWebArgs, runWebHost } from './host/web/cli';
import { CORE_JS_FLAGS_SWITCH } from './core/memory';

// `npm start`: the Electron app where its binary is installed, else the web host in Chromium.
// With no gateway configured (--gateway, ARM_GATEWAY_URL, the stored gateway.url setting) it runs
// in training mode: the bundled gateway emulator in its own process, stopped on exit
// (docs/training.md).
const appRoot = path.resolve(path.dirname(process.argv[1] ?? '.'), '..', '..');

function electronBinary(): string | null {
  const electronDir = path.join(appRoot, 'node_modules', 'electron');
  const pathFile = path.join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = path.join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const command = parseWebArgs(args);
  // The stored gateway is read under the web host's key file; a key the desktop АРМ sealed with the
  // OS cannot be opened here, so there only --gateway or ARM_GATEWAY_URL leave training mode.
  const stored = () => peekGatewayUrl(path.join(command.dataDir, DATABASE_FILE), undefined, databaseKeyFromFile(command.dataDir, command.keyFile ?? undefined));
  const training = command.training || (command.gatewayUrl === null && stored() === null);
  const electron = electronBinary();
  if (!electron) {
    console.log('Electron binary not installed: starting the web host (see README).');
    await runWebHost({ ...command, training, open: true });
    return;
  }
  const gateway = training ? await startTrainingGateway({ appRoot, dataDir: command.dataDir }) : null;
  if (gateway) console.log(`Citizen portal (training): ${gateway.url}/portal/ (demo citizens in docs/gateway-api.md)`);
  const extra = gateway ? ['--data-dir', command.dataDir, '--gateway', gateway.url, '--training'] : [];
  // With the core's V8 flags, so Electron does not relaunch itself out of this supervision.
  const child = spawn(electron, [appRoot, CORE_JS_FLAGS_SWITCH, ...args.filter((arg) => arg !== '--training'), ...extra], { stdio: 'inherit' });
  await superviseChild({ child, launcher: process, cleanup: () => gateway?.stop() ?? Promise.resolve() });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
