import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session, shell } from 'electron';
import { autoUpdater } from 'electron-updater';
import { startCore, type Core } from './core/app';
import type { Logger } from './core/log';
import { readSetting } from './core/settings/store';
import type { UpdateService } from './core/update/service';
import { startErrorText } from './host/startError';
import { resolveDataDir } from './core/dataDir';
import { safeStorageProtector } from './core/vault/masterKey';
import { mimeOf, resolveStatic } from './host/static';
import { policyFile, readUpdatePolicy } from './host/update/policy';
import { createUpdateService } from './host/update/updater';
import { registerIpc } from './ipc';
import { registerPrinting } from './printing';
import { menuTemplate, PRODUCT_NAME, relaunchArgs, windowTitle } from './menu';
import { startTrainingGateway, trainingDataDir } from './host/training';
import { holdSingleInstance, quitOnSignals, relaunchForV8Flags } from './lifecycle';
import { APP_ORIGIN, guardContents, permissionAllowed, secureWebPreferences } from './security';
import { contentSecurityPolicy, PERMISSIONS_POLICY } from './security-policy';

// Bundled to build/node/electron-main.cjs; the renderer is in build/renderer.
const appRoot = path.resolve(__dirname, '..', '..');
const rendererDir = path.join(appRoot, 'build', 'renderer');
// scripts/native.mjs builds better-sqlite3 for Electron's ABI into build/electron-native;
// electron-builder copies that file to <resources>/native (electron-builder.yml, checked by pack:check).
const resourcesPath = app.isPackaged ? process.resourcesPath : null;
const electronSqlite = resourcesPath
  ? path.join(resourcesPath, 'native', 'better_sqlite3.node')
  : path.join(appRoot, 'build', 'electron-native', 'better_sqlite3.node');

// First of all, before any lock or window: once per start, the process relaunches with the core's V8 flags.
const v8Relaunch = relaunchForV8Flags(process.argv.slice(1), app.commandLine.getSwitchValue('js-flags'));
if (v8Relaunch) {
  app.relaunch({ args: v8Relaunch });
  app.exit(0);
}

protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

app.enableSandbox();
app.on('web-contents-created', (_event, contents) => guardContents(contents, (url) => void shell.openExternal(url)));

function flag(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

/**
 * The installed app's updater (electron/host/update): our update key packed beside the app, the
 * server from --update-url / ARM_UPDATE_URL / the settings screen, the organisation's policy file. Checks at start and
 * every 6 hours; installs only when the supervisor says so (update.install).
 */
function startUpdates(log: Logger, storedUrl: string | null): UpdateService {
  const keyFile = path.join(resourcesPath ?? path.join(appRoot, 'build-resources'), 'update-key.pem');
  const updates = createUpdateService({
    updater: autoUpdater,
    currentVersion: app.getVersion(),
    url: flag('--update-url') ?? process.env.ARM_UPDATE_URL ?? storedUrl,
    publicKeyPem: existsSync(keyFile) ? readFileSync(keyFile, 'utf8') : null,
    policy: readUpdatePolicy(policyFile()),
    log,
  });
  const check = () => void updates.check().catch((error: unknown) => log.error('update.check_failed', { error: String(error) }));
  check();
  setInterval(check, 6 * 60 * 60 * 1000).unref();
  return updates;
}

let mainWindow: BrowserWindow | null = null;
// A second start focuses the first window and quits (the data-folder lock is the core's concern).
const firstInstance = holdSingleInstance(app, () => mainWindow);
if (firstInstance) quitOnSignals(process, app);

void app.whenReady().then(async () => {
  if (!firstInstance) return;
  // Training mode: npm start's launcher runs the emulator itself and passes --training with its
  // --gateway; the installed app (menu «учебный режим», or --training alone) runs the bundled
  // emulator under Electron's own Node, with data in a folder of its own.
  const training = process.argv.includes('--training');
  const ownEmulator = training && !flag('--gateway');
  const dataDir = ownEmulator ? trainingDataDir(resolveDataDir(flag('--data-dir'))) : resolveDataDir(flag('--data-dir'));
  const emulator = ownEmulator
    ? await startTrainingGateway({
        appRoot,
        dataDir,
        runtime: { execPath: process.execPath, env: { ELECTRON_RUN_AS_NODE: '1', ...(existsSync(electronSqlite) ? { ARM_SQLITE_BINDING: electronSqlite } : {}) } },
      })
    : null;
  let core: Core;
  try {
    core = startCore({
      appVersion: app.getVersion(),
      dataDir,
      gatewayUrl: emulator?.url ?? flag('--gateway') ?? process.env.ARM_GATEWAY_URL ?? null,
      training,
      resourcesPath,
      ...(existsSync(electronSqlite) ? { nativeBinding: electronSqlite } : {}),
      // The master key sealed by the OS (DPAPI, Keychain, the Linux keyring); system.health warns
      // where Linux has no keyring and Chromium falls back to plain text.
      keyProtector: () => safeStorageProtector(safeStorage),
    });
  } catch (error) {
    // Another АРМ (another user's, or one started with another --data-dir) holds the folder.
    dialog.showErrorBox('АРМ', startErrorText(error));
    await emulator?.stop();
    app.exit(1);
    return;
  }
  await core.ready;
  const storedUpdatesUrl = core.context.db ? readSetting(core.context.db, 'updates.url') : null;
  core.context.updates = app.isPackaged ? startUpdates(core.context.log, storedUpdatesUrl) : null;

  session.defaultSession.setPermissionRequestHandler((contents, permission, grant, details) =>
    grant(permissionAllowed(permission, contents.getURL(), 'mediaTypes' in details ? (details.mediaTypes ?? []) : [])),
  );
  session.defaultSession.setPermissionCheckHandler((_contents, permission, origin, details) => permissionAllowed(permission, origin + '/', details.mediaType ? [details.mediaType] : []));

  protocol.handle('app', (request) => {
    const file = resolveStatic(rendererDir, new URL(request.url).pathname);
    if (!file) return new Response('Not found', { status: 404 });
    return new Response(readFileSync(file), {
      headers: { 'Content-Type': mimeOf(file), 'Content-Security-Policy': contentSecurityPolicy(), 'Permissions-Policy': PERMISSIONS_POLICY },
    });
  });

  const isTrustedSender = (url: string) => url.startsWith(APP_ORIGIN + '/');
  registerIpc(ipcMain, core.dispatch, { isTrustedSender });
  registerPrinting(ipcMain, { isTrustedSender });

  const window = (mainWindow = new BrowserWindow({
    width: 1280,
    height: 800,
    title: windowTitle(app.getVersion(), training),
    webPreferences: secureWebPreferences(path.join(__dirname, 'electron-preload.cjs')),
  }));
  app.setAboutPanelOptions({ applicationName: PRODUCT_NAME, applicationVersion: app.getVersion(), copyright: 'АРМ ЦОН' });
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate({
        training,
        switchMode: (mode) => {
          app.relaunch({ args: relaunchArgs(process.argv.slice(1), mode) });
          app.quit();
        },
      }),
    ),
  );
  // The page's own <title> must not replace the product, version and training mark.
  window.on('page-title-updated', (event) => event.preventDefault());
  void window.loadURL(`${APP_ORIGIN}/index.html`);

  window.on('closed', () => (mainWindow = null));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    core.close();
    void emulator?.stop();
  });
});
