import { defineConfig } from 'vite';

// Three pages, one per way of importing Kijkom; a relative base so the build runs from any folder.
export default defineConfig({
  base: './',
  build: { rollupOptions: { input: ['index.html', 'one-element.html', 'classes.html'] } },
});
