import { QueryClient } from '@tanstack/react-query';
import type { TBoundarySet } from '@groundwork/server/contracts';
import { ApiError } from '../api/ApiError.ts';
import { seatMapKeys } from '../features/seat-map/api.ts';
import { firstMapShapes } from '../features/seat-map/firstMap.ts';

export function createQueryClient(): QueryClient {
  const client = new QueryClient({
    defaultOptions: {
      queries: {
        // A 4xx will not get better by asking again; network blips and 5xx get two more tries.
        retry: (count, error) =>
          !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
        refetchOnWindowFocus: false,
      },
    },
  });
  // The first map's shapes are the app's from the start: its seat map adopts that map on its first render.
  const shapes = firstMapShapes();
  if (shapes) client.setQueryData(seatMapKeys.shapes('geo', shapes.boundarySet as TBoundarySet), shapes);
  return client;
}
