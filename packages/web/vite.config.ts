import { defaultClientConditions, defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The built files are served by the Fastify server at `/`, and the app only ever calls relative
// `/api/...` URLs, so the same build works in development (through the proxy) and production.
export default defineConfig({
  plugins: [react()],
  // The pure core is bundled from its TypeScript sources (its `source` export), no build needed.
  resolve: { conditions: ['source', ...defaultClientConditions] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // MapLibre alone is ~1 MB minified; it is one cohesive library, so silence the generic warning
    // instead of splitting it into chunks that would all be needed on first paint anyway.
    chunkSizeWarningLimit: 1200,
  },
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
    },
  },
});
