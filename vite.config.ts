import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer: relative asset paths so the same build loads from app://arm (Electron) and from
// the web host.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../build/renderer', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 2000 },
});
