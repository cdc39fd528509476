import { describe, expect, it } from 'vitest';
import { externalAllowed, guardContents, permissionAllowed, secureWebPreferences, type GuardedContents } from './security';

describe('window security', () => {
  it('isolates the renderer: context isolation, sandbox, no Node', () => {
    expect(secureWebPreferences('/app/preload.cjs')).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
    });
  });

  it('denies navigation away from the app, new windows and webviews', () => {
    const listeners = new Map<string, (event: { preventDefault(): void }, url?: string) => void>();
    let openHandler: ((details: { url: string }) => { action: string }) | undefined;
    const contents = {
      on: (event: string, listener: (event: { preventDefault(): void }, url?: string) => void) => listeners.set(event, listener),
      setWindowOpenHandler: (handler: (details: { url: string }) => { action: string }) => (openHandler = handler),
    } as unknown as GuardedContents;
    const opened: string[] = [];
    guardContents(contents, (url) => opened.push(url));

    const attempt = (event: string, url?: string) => {
      let prevented = false;
      listeners.get(event)!({ preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    expect(attempt('will-navigate', 'https://evil.example/')).toBe(true);
    expect(attempt('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(attempt('will-navigate', 'app://arm/index.html')).toBe(false);
    expect(attempt('will-attach-webview')).toBe(true);
    expect(openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(openHandler?.({ url: 'https://egov.kz/cms/ru' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://egov.kz/cms/ru']);
  });

  it('opens only allow-listed pages outside, and grants only the camera to the app', () => {
    expect(externalAllowed('https://ncl.pki.gov.kz/')).toBe(true);
    expect(externalAllowed('https://egov.kz.evil.example/')).toBe(false);
    expect(externalAllowed('file:///etc/passwd')).toBe(false);
    expect(permissionAllowed('media', 'app://arm/index.html', ['video'])).toBe(true);
    expect(permissionAllowed('media', 'https://evil.example/', ['video'])).toBe(false);
    // Exactly the camera: never the microphone, alone or with it, nor a media request naming nothing.
    expect(permissionAllowed('media', 'app://arm/index.html', ['audio'])).toBe(false);
    expect(permissionAllowed('media', 'app://arm/index.html', ['video', 'audio'])).toBe(false);
    expect(permissionAllowed('media', 'app://arm/index.html')).toBe(false);
    expect(permissionAllowed('geolocation', 'app://arm/index.html')).toBe(false);
    expect(permissionAllowed('notifications', 'app://arm/index.html')).toBe(false);
  });
});
