import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer: relative asset paths so the same build loads from app://arm (Electron) and from
// the web host. html.cspNonce writes a placeholder each host replaces with a per-load nonce
// (electron/security-policy.ts noncedPage), which the component library's styles carry.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  html: { cspNonce: 'ARM_CSP_NONCE' },
  build: { outDir: '../build/renderer', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 2000 },
});
