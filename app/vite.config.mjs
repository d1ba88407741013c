// The app is a static site: relative asset paths, so any server (or a file manager) can host it.
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [preact()],
  base: './',
  build: { target: 'es2022', chunkSizeWarningLimit: 1024 },
});
