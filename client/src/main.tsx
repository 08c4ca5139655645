// The entry script is kept small: the stylesheet, Leaflet and the first map (features/seat-map/firstMap.ts),
// which draws the default map view before the app's scripts (React, the contracts, the data layer) are even
// evaluated. The app follows and adopts that map.
import 'leaflet/dist/leaflet.css';
import './app/styles.css';
import { drawFirstMap } from './features/seat-map/firstMap.ts';

void drawFirstMap().finally(() => import('./app/start.tsx'));
