import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The server serves client/dist at / with a strict CSP (no inline scripts, no CDNs), so everything is
// bundled from node_modules. In development Vite proxies the API to the server on port 3000.
export default defineConfig({
  base: '/',
  plugins: [react()],
  server: {
    proxy: { '/api': { target: process.env.API_URL ?? 'http://localhost:3000', changeOrigin: true } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Libraries change less often than our code: separate chunks stay cached across releases.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|@tanstack)[\\/]/ },
            {
              name: 'map',
              test: /node_modules[\\/](leaflet|react-leaflet|@react-leaflet|topojson-client)[\\/]/,
            },
            { name: 'zod', test: /node_modules[\\/]zod[\\/]/ },
          ],
        },
      },
    },
  },
});
