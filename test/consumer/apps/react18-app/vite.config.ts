import { defineConfig } from 'vite';

// Vite compiles TSX itself (tsconfig's "jsx": "react-jsx"); a relative base so the build runs from any folder.
export default defineConfig({ base: './' });
