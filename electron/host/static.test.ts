import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mimeOf, resolveStatic } from './static';

describe('resolveStatic', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'arm-static-'));
  writeFileSync(path.join(root, 'index.html'), '');
  writeFileSync(path.join(root, 'app.js'), '');

  it('finds files inside the root and sends app paths to index.html', () => {
    expect(resolveStatic(root, '/app.js')).toBe(path.join(root, 'app.js'));
    expect(resolveStatic(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveStatic(root, '/intake/new')).toBe(path.join(root, 'index.html'));
  });

  it('never leaves the root', () => {
    expect(resolveStatic(root, '/../../etc/passwd.txt')).toBeNull();
    expect(resolveStatic(root, '/%2e%2e/%2e%2e/etc/hosts.conf')).toBeNull();
    expect(resolveStatic(root, '/%E0%A4%A')).toBeNull();
  });

  it('answers null, not a throw, for a path with a NUL byte (GET /%00 was a 500)', () => {
    expect(resolveStatic(root, '/%00')).toBeNull();
    expect(resolveStatic(root, '/app.js%00.png')).toBeNull();
  });
});

describe('mimeOf', () => {
  it("serves the PDF viewer's worker module (.mjs) as JavaScript: a module script is refused otherwise", () => {
    expect(mimeOf('/assets/pdf.worker.min-FHbmGBN0.mjs')).toMatch(/^text\/javascript/);
  });
});
