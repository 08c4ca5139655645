import { ZSeatDetail, ZSeatListResponse, type TBoundarySet } from '@groundwork/server/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiGet, apiUrl, type QueryParams } from '../../api/http.ts';
import type { ViewState } from '../explorer/viewState.ts';

/** The filters the server applies; the table, the map and the CSV all use exactly these. */
export function seatListParams(v: ViewState): QueryParams {
  return {
    boundarySet: v.boundarySet,
    election: v.election,
    region: v.region,
    winner: v.winner,
    redWall: v.redWall,
    minSwing: v.minSwing,
    maxSwing: v.maxSwing,
    sort: v.sort,
  };
}

export function seatCsvUrl(v: ViewState): string {
  return apiUrl('/api/seats.csv', seatListParams(v));
}

export const seatKeys = {
  all: ['seats'] as const,
  lists: () => [...seatKeys.all, 'list'] as const,
  list: (params: QueryParams) => [...seatKeys.lists(), params] as const,
  details: () => [...seatKeys.all, 'detail'] as const,
  detail: (boundarySet: TBoundarySet, code: string) => [...seatKeys.details(), boundarySet, code] as const,
};

export function useSeatList(view: ViewState) {
  const params = seatListParams(view);
  return useQuery({
    queryKey: seatKeys.list(params),
    queryFn: ({ signal }) => apiGet('/api/seats', { params, schema: ZSeatListResponse, signal }),
    // Keep the previous rows on screen while a new filter loads, instead of flashing an empty table.
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export function useSeatDetail(boundarySet: TBoundarySet, code: string | undefined) {
  return useQuery({
    queryKey: seatKeys.detail(boundarySet, code ?? ''),
    queryFn: ({ signal }) =>
      apiGet(`/api/seats/${boundarySet}/${encodeURIComponent(code ?? '')}`, { schema: ZSeatDetail, signal }),
    enabled: code !== undefined,
    staleTime: 60_000,
  });
}
