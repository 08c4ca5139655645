// The yardstick for the map: a bare Leaflet page drawing the raw ONS GeoJSON on Leaflet's canvas renderer,
// served by a tiny static server. It marks 'seats-drawn' the way the app does: once every feature is on
// the layer and one animation frame (Leaflet's canvas redraw) has run.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';

/** ONS BUC boundaries of July 2024, as published (gzipped); credited in docs/data-sources.md. */
export const BARE_GEOJSON = 'bench/fixtures/pcon-2024-uk-buc.geojson.gz';

// The same starting view as the app (UK_BOUNDS in client/src/features/seat-map/SeatMap.tsx). A fill colour
// per nation through a style function, as a real page would colour its seats.
const PAGE = `<!doctype html>
<html lang="en-GB">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Bare Leaflet page</title>
    <link rel="stylesheet" href="/leaflet.css" />
    <style>html, body, #map { height: 100%; margin: 0; }</style>
    <script src="/leaflet.js"></script>
  </head>
  <body>
    <div id="map"></div>
    <script>
      const colours = { E: '#e4003b', W: '#00a650', S: '#fdf38e', N: '#8ac8e8' };
      const map = L.map('map', { renderer: L.canvas() });
      map.fitBounds([[49.85, -8.65], [60.86, 1.77]]);
      fetch('/pcon-2024-uk-buc.geojson')
        .then((res) => res.json())
        .then((data) => {
          const layer = L.geoJSON(data, {
            style: (f) => ({
              fillColor: colours[f.properties.PCON24CD[0]],
              fillOpacity: 1,
              color: '#ffffff',
              weight: 0.4,
            }),
          }).addTo(map);
          const count = layer.getLayers().length;
          requestAnimationFrame(() => performance.mark('seats-drawn', { detail: { count } }));
        });
    </script>
  </body>
</html>
`;

interface Asset {
  type: string;
  etag: string;
  raw: Buffer;
  gzip: Buffer;
}

function asset(type: string, raw: Buffer): Asset {
  const etag = `"${createHash('sha1').update(raw).digest('hex')}"`;
  return { type, etag, raw, gzip: gzipSync(raw) };
}

/**
 * Serves the page, Leaflet's own files from node_modules and the GeoJSON as a plain static server would:
 * gzipped when asked, with ETags, revalidated on each visit.
 */
export async function startBareMapServer(root: string): Promise<{ url: string; stop(): Promise<void> }> {
  const leaflet = path.join(root, 'node_modules/leaflet/dist');
  const geojson = gunzipSync(fs.readFileSync(path.join(root, BARE_GEOJSON)));
  const assets = new Map<string, Asset>([
    ['/', asset('text/html; charset=utf-8', Buffer.from(PAGE))],
    ['/leaflet.js', asset('text/javascript', fs.readFileSync(path.join(leaflet, 'leaflet.js')))],
    ['/leaflet.css', asset('text/css', fs.readFileSync(path.join(leaflet, 'leaflet.css')))],
    ['/pcon-2024-uk-buc.geojson', asset('application/geo+json', geojson)],
  ]);
  const server = http.createServer((req, res) => {
    const found = assets.get(new URL(req.url ?? '/', 'http://x').pathname);
    if (!found) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      return;
    }
    const cache = { ETag: found.etag, 'Cache-Control': 'no-cache', Vary: 'Accept-Encoding' };
    if (req.headers['if-none-match'] === found.etag) {
      res.writeHead(304, cache).end();
      return;
    }
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const body = gzip ? found.gzip : found.raw;
    res.writeHead(200, {
      ...cache,
      'Content-Type': found.type,
      'Content-Length': body.length,
      ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
    });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
