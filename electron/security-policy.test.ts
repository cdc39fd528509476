import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, newNonce, PERMISSIONS_POLICY } from './security-policy';

const directive = (policy: string, name: string) => policy.split('; ').find((part) => part.startsWith(`${name} `));

describe('the one Content-Security-Policy', () => {
  it('allows only the app’s own origin (and NCALayer’s one origin) by default: no inline script, no eval, no frames from elsewhere', () => {
    const policy = contentSecurityPolicy();
    expect(directive(policy, 'script-src')).toBe("script-src 'self'");
    expect(directive(policy, 'connect-src')).toBe("connect-src 'self' wss://127.0.0.1:13579");
    expect(directive(policy, 'frame-src')).toBeUndefined();
    expect(directive(policy, 'object-src')).toBe("object-src 'none'");
    expect(directive(policy, 'frame-ancestors')).toBe("frame-ancestors 'none'");
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });

  it('carries a per-load nonce for scripts and styles, fresh each time', () => {
    const nonce = newNonce();
    const policy = contentSecurityPolicy({ nonce });
    expect(directive(policy, 'script-src')).toBe(`script-src 'self' 'nonce-${nonce}'`);
    expect(directive(policy, 'style-src')).toBe(`style-src 'self' 'nonce-${nonce}'`);
    expect(newNonce()).not.toBe(nonce);
    expect(() => contentSecurityPolicy({ nonce: "x' 'unsafe-inline" })).toThrow();
    expect(() => contentSecurityPolicy({ nonce: 'short' })).toThrow();
  });

  it('adds exact extra origins: NCALayer’s socket, blob: frames for a PDF viewer', () => {
    const policy = contentSecurityPolicy({ connect: ['wss://127.0.0.1:13579'], frame: ['blob:'] });
    expect(directive(policy, 'connect-src')).toBe("connect-src 'self' wss://127.0.0.1:13579");
    expect(directive(policy, 'frame-src')).toBe("frame-src 'self' blob:");
  });

  it('refuses anything that is not an exact origin', () => {
    for (const bad of ['wss://*.example', 'https://egov.kz/path', 'https://egov.kz/', '*', "'unsafe-inline'", 'data:', 'file:///etc', 'wss://127.0.0.1:13579; script-src *', 'javascript:alert(1)']) {
      expect(() => contentSecurityPolicy({ connect: [bad] }), bad).toThrow(/exact origin/);
    }
  });

  it('lets the page use exactly the camera, from its own origin: the microphone and the rest are off', () => {
    const features = Object.fromEntries(PERMISSIONS_POLICY.split(', ').map((entry) => entry.split('=') as [string, string]));
    expect(features.camera).toBe('(self)');
    expect(Object.entries(features).filter(([, allow]) => allow !== '()').map(([name]) => name)).toEqual(['camera']);
    expect(features.microphone).toBe('()');
  });
});
