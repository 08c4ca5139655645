import { ZPilotListResponse, ZPilotLocationsResponse } from '@groundwork/server/contracts';
import { useQuery } from '@tanstack/react-query';
import { apiGet } from '../../api/http.ts';

export const pilotMapKeys = {
  all: ['pilots-map'] as const,
  seat: (viewer: string, code: string) => [...pilotMapKeys.all, 'seat', viewer, code] as const,
  locations: (viewer: string) => [...pilotMapKeys.all, 'locations', viewer] as const,
};

/** The pilots of a 2024 seat's CLP that this caller may read (the seat card's section). */
export function useSeatPilots(viewer: string, code: string, enabled: boolean) {
  return useQuery({
    queryKey: pilotMapKeys.seat(viewer, code),
    queryFn: ({ signal }) =>
      apiGet('/api/pilots', { params: { seat: code, limit: 50 }, schema: ZPilotListResponse, signal }),
    enabled,
  });
}

/** Every readable pilot with a location, for the map's markers. Keyed by viewer: who reads decides what. */
export function usePilotLocations(viewer: string, enabled: boolean) {
  return useQuery({
    queryKey: pilotMapKeys.locations(viewer),
    queryFn: ({ signal }) => apiGet('/api/pilot-locations', { schema: ZPilotLocationsResponse, signal }),
    enabled,
    staleTime: 60_000,
  });
}
