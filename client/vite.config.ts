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
    // One stylesheet for the first paint rather than one per chunk (Leaflet's and ours), for the same reason.
    cssCodeSplit: false,
    rolldownOptions: {
      // The shared contracts build every zod schema at module load, used or not. Calls on `z` have no side
      // effects, so schemas this bundle never reads are dropped instead of built on every page load.
      treeshake: { manualPureFunctions: ['z'] },
      output: {
        // Libraries change less often than our code, so they get a chunk of their own that stays cached
        // across releases: one, not one per library. Over HTTP/1.1 the browser opens six connections, and the
        // first visit's scripts share them with the map page's preloaded API requests (bench/map-draw.ts).
        codeSplitting: {
          groups: [
            // The first map's libraries (main.tsx, features/seat-map/firstMap.ts) apart from the app's:
            // the entry loads only these, and the rest after the map is drawn.
            { name: 'leaflet', test: /node_modules[\\/](leaflet|topojson-client)[\\/]/, priority: 2 },
            // Pilot pages only: the chart and the marker clustering load with what uses them.
            { name: 'chart', test: /node_modules[\\/](chart\.js|@kurkle)[\\/]/, priority: 3 },
            { name: 'markercluster', test: /node_modules[\\/]leaflet\.markercluster[\\/]/, priority: 3 },
            { name: 'vendor', test: /node_modules[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
});
