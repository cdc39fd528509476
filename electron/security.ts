import type { WebPreferences } from 'electron';

export const APP_ORIGIN = 'app://arm';

export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
  };
}

interface Preventable {
  preventDefault(): void;
}

/** The part of WebContents the guards need, so a test can hand in a fake. */
export interface GuardedContents {
  on(event: 'will-navigate', listener: (event: Preventable, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: Preventable) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

// Public pages an operator may be sent to (NCALayer, the e-government portal); they open in the
// system browser, never inside the АРМ.
const EXTERNAL_ALLOWED = ['https://egov.kz/', 'https://pki.gov.kz/', 'https://ncl.pki.gov.kz/'];

export function externalAllowed(url: string): boolean {
  return EXTERNAL_ALLOWED.some((prefix) => url.startsWith(prefix));
}

/** The window never leaves the app: no navigation away, no new windows, no webviews. */
export function guardContents(contents: GuardedContents, openExternal: (url: string) => void): void {
  contents.on('will-navigate', (event, url) => {
    if (!url.startsWith(APP_ORIGIN + '/')) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (externalAllowed(url)) openExternal(url);
    return { action: 'deny' };
  });
}

/**
 * Only the camera (document capture where there is no scanner) may be granted, and only to the app:
 * a media request must ask for video and nothing else (Electron's `mediaTypes` on a request,
 * `mediaType` on a check), never the microphone. The hosts' Permissions-Policy says the same
 * (security-policy.ts `PERMISSIONS_POLICY`).
 */
export function permissionAllowed(permission: string, requestingUrl: string, mediaTypes: readonly string[] = []): boolean {
  return permission === 'media' && requestingUrl.startsWith(APP_ORIGIN + '/') && mediaTypes.length > 0 && mediaTypes.every((type) => type === 'video');
}
