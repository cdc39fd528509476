import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startCore, type Core } from '../../core/app';
import { resolveDataDir } from '../../core/dataDir';
import { startErrorText } from '../startError';
import { startTrainingGateway, type TrainingGateway } from '../training';
import { startWebHost } from './server';
import pkg from '../../../package.json' with { type: 'json' };

export interface WebCommand {
  port: number;
  dataDir: string;
  gatewayUrl: string | null;
  /** Start the bundled gateway emulator and use it (training mode, docs/training.md). */
  training: boolean;
  open: boolean;
  /** The master key's file (the web host has no OS key store); default <dataDir>/arm.key. */
  keyFile: string | null;
}

export function parseWebArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): WebCommand {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: '0' },
      'data-dir': { type: 'string' },
      gateway: { type: 'string' },
      open: { type: 'boolean', default: false },
      training: { type: 'boolean', default: false },
      'key-file': { type: 'string' },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0…65535, got ${values.port}`);
  const gatewayUrl = values.gateway || env.ARM_GATEWAY_URL || null;
  if (gatewayUrl !== null && !URL.canParse(gatewayUrl)) throw new Error(`--gateway is not a URL: ${gatewayUrl}`);
  if (values.training && values.gateway) throw new Error('--training starts its own gateway emulator: leave out --gateway.');
  // Training wins over ARM_GATEWAY_URL: asking for training must never talk to a real gateway.
  const training = values.training;
  const keyFile = values['key-file'] || env.ARM_KEY_FILE || null;
  return {
    port,
    dataDir: resolveDataDir(values['data-dir'], env),
    gatewayUrl: training ? null : gatewayUrl,
    training,
    open: values.open,
    keyFile: keyFile ? path.resolve(keyFile) : null,
  };
}

/** Debian's Chromium, or the browser named by ARM_BROWSER, in app mode; null when none is found. */
function findBrowser(env: NodeJS.ProcessEnv): string | null {
  const candidates = [env.ARM_BROWSER, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((candidate): candidate is string => Boolean(candidate && existsSync(candidate))) ?? null;
}

function hasDisplay(env: NodeJS.ProcessEnv): boolean {
  return process.platform === 'win32' || process.platform === 'darwin' || Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

export async function runWebHost(command: WebCommand, env: NodeJS.ProcessEnv = process.env) {
  const appRoot = path.resolve(path.dirname(process.argv[1] ?? '.'), '..', '..');
  const training: TrainingGateway | null = command.training ? await startTrainingGateway({ appRoot, dataDir: command.dataDir }) : null;
  const gatewayUrl = training?.url ?? command.gatewayUrl;
  let core: Core;
  try {
    core = startCore({
      appVersion: pkg.version,
      dataDir: command.dataDir,
      gatewayUrl,
      training: training !== null,
      ...(command.keyFile ? { keyFile: command.keyFile } : {}),
    });
  } catch (error) {
    // Another АРМ holds the folder (DATA_DIR_IN_USE): stop the emulator this start made.
    await training?.stop();
    throw new Error(startErrorText(error), { cause: error });
  }
  await core.ready;
  const host = await startWebHost({
    dispatch: core.dispatch,
    rendererDir: path.join(appRoot, 'build', 'renderer'),
    port: command.port,
  });
  console.log(`Data folder: ${command.dataDir}`);
  // The browser has no OS key store to offer: the master key is a plain file (system.health says so too).
  console.log(
    `Warning: the data is encrypted, but its key is a file (${command.keyFile ?? path.join(command.dataDir, 'arm.key')}) not protected by the OS; keep it apart from the data (--key-file) or use the desktop АРМ.`,
  );
  if (training) {
    console.log(`Training mode: gateway emulator ${training.url}, TEST PKI in ${training.pkiDir} (docs/training.md)`);
    console.log(`Citizen portal (training): ${training.url}/portal/ (demo citizens in docs/gateway-api.md)`);
  }
  else
    console.log(
      core.context.gateway.url
        ? `Gateway: ${core.context.gateway.url}`
        : 'Gateway: none configured; the АРМ works offline. Pass --gateway <url>, set ARM_GATEWAY_URL or the gateway.url setting.',
    );
  console.log(`ARM ready: ${host.url}`);

  const browser = command.open && hasDisplay(env) ? findBrowser(env) : null;
  if (browser) {
    const profile = path.join(command.dataDir, 'browser-profile');
    const flags = ['--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
    // Chromium refuses to start as root with its sandbox on (this workplace runs as root).
    if (process.getuid?.() === 0) flags.push('--no-sandbox');
    spawn(browser, [`--app=${host.url}`, `--user-data-dir=${profile}`, ...flags], {
      stdio: 'ignore',
      detached: true,
    }).unref();
  }

  const stop = async () => {
    await host.close();
    core.close();
    await training?.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return { core, host };
}
