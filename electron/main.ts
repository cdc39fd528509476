import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, ipcMain, protocol, session, shell } from 'electron';
import { startCore } from './core/app';
import { resolveDataDir } from './core/dataDir';
import { mimeOf, resolveStatic } from './host/static';
import { registerIpc } from './ipc';
import { holdSingleInstance, quitOnSignals } from './lifecycle';
import { APP_ORIGIN, guardContents, permissionAllowed, secureWebPreferences } from './security';
import { CONTENT_SECURITY_POLICY } from './security-policy';

// Bundled to build/node/electron-main.cjs; the renderer is in build/renderer.
const appRoot = path.resolve(__dirname, '..', '..');
const rendererDir = path.join(appRoot, 'build', 'renderer');
// scripts/native.mjs builds better-sqlite3 for Electron's ABI into build/electron-native;
// electron-builder copies that file to <resources>/native (electron-builder.yml, checked by pack:check).
const resourcesPath = app.isPackaged ? process.resourcesPath : null;
const electronSqlite = resourcesPath
  ? path.join(resourcesPath, 'native', 'better_sqlite3.node')
  : path.join(appRoot, 'build', 'electron-native', 'better_sqlite3.node');

protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

app.enableSandbox();
app.on('web-contents-created', (_event, contents) => guardContents(contents, (url) => void shell.openExternal(url)));

function flag(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

let mainWindow: BrowserWindow | null = null;
// A second start focuses the first window and quits (the data-folder lock is the core's concern).
const firstInstance = holdSingleInstance(app, () => mainWindow);
if (firstInstance) quitOnSignals(process, app);

void app.whenReady().then(async () => {
  if (!firstInstance) return;
  const core = startCore({
    appVersion: app.getVersion(),
    dataDir: resolveDataDir(flag('--data-dir')),
    gatewayUrl: flag('--gateway') ?? process.env.ARM_GATEWAY_URL ?? null,
    // npm start's launcher started the training emulator and passes its URL with this flag.
    training: process.argv.includes('--training'),
    resourcesPath,
    ...(existsSync(electronSqlite) ? { nativeBinding: electronSqlite } : {}),
  });
  await core.ready;

  session.defaultSession.setPermissionRequestHandler((contents, permission, grant) => grant(permissionAllowed(permission, contents.getURL())));
  session.defaultSession.setPermissionCheckHandler((_contents, permission, origin) => permissionAllowed(permission, origin + '/'));

  protocol.handle('app', (request) => {
    const file = resolveStatic(rendererDir, new URL(request.url).pathname);
    if (!file) return new Response('Not found', { status: 404 });
    return new Response(readFileSync(file), {
      headers: { 'Content-Type': mimeOf(file), 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
    });
  });

  registerIpc(ipcMain, core.dispatch, {
    isTrustedSender: (url) => url.startsWith(APP_ORIGIN + '/'),
  });

  const window = (mainWindow = new BrowserWindow({
    width: 1280,
    height: 800,
    title: 'АРМ',
    webPreferences: secureWebPreferences(path.join(__dirname, 'electron-preload.cjs')),
  }));
  window.removeMenu();
  void window.loadURL(`${APP_ORIGIN}/index.html`);

  window.on('closed', () => (mainWindow = null));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => core.close());
});
