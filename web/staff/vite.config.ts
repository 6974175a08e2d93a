import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { precompress } from './precompress.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

// The server serves web/staff/dist at /staff/ with a fallback to index.html, and hashed files at /staff/assets/.
export default defineConfig({
  root,
  base: '/staff/',
  plugins: [react(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The content security policy forbids inline script and style, so nothing may be inlined as a data: URL.
    assetsInlineLimit: 0,
    sourcemap: true,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000', '/healthz': 'http://127.0.0.1:3000' },
  },
});
