// THE list of seat layers. A feature that says something about seats adds its layer here (one line), its
// fields, filters and sorts to server/src/contracts/seats.ts (one line each), and its access rule to
// access/policy.ts; see docs/ARCHITECTURE.md, "Adding a feature".
import { pilotLayer } from '../pilots/pilots.layer.ts';
import { selectionLayer } from '../selections/selections.layer.ts';
import { targetLayer } from '../targets/targets.layer.ts';
import type { AnySeatLayer } from './seat-layer.ts';

export const SEAT_LAYERS: readonly AnySeatLayer[] = [targetLayer, pilotLayer, selectionLayer];
