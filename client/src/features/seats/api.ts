import {
  ZSeatDetail,
  ZSeatListResponse,
  ZSeatSummary,
  type TBoundarySet,
  type TSeatListResponse,
} from '@groundwork/server/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../../api/ApiError.ts';
import { apiGet, apiUrl, type QueryParams } from '../../api/http.ts';
import { useSession } from '../auth/api.ts';

export function seatCsvUrl(params: QueryParams): string {
  return apiUrl('/api/seats.csv', params);
}

/**
 * Seat lists and details carry the layers their caller may see, so each is kept per viewer (the last key
 * part): a sign-in or sign-out in the page never shows one person's answer to another.
 */
export const seatKeys = {
  all: ['seats'] as const,
  lists: () => [...seatKeys.all, 'list'] as const,
  list: (params: QueryParams, viewer: string) => [...seatKeys.lists(), params, viewer] as const,
  details: () => [...seatKeys.all, 'detail'] as const,
  detail: (boundarySet: TBoundarySet, code: string) => [...seatKeys.details(), boundarySet, code] as const,
};

/**
 * Who the seat queries are answered for. The server goes by the session cookie, so what is fetched before
 * the session is known is for whoever was signed in when the page loaded ('page'): the first requests
 * need not wait for /api/auth/me. After a sign-in or sign-out here the viewer is the new user.
 */
export function useSeatViewer(): string {
  const session = useSession();
  const current =
    session.data === undefined ? undefined : session.data ? `user-${session.data.user.id}` : 'anonymous';
  const [atLoad, setAtLoad] = useState(current);
  if (atLoad === undefined && current !== undefined) setAtLoad(current);
  return current === undefined || current === (atLoad ?? current) ? 'page' : current;
}

const ZSeatListEnvelope = ZSeatListResponse.omit({ items: true });

/**
 * The seat list checked against the contract in its envelope and first row, and every row for a code and
 * a name. zod over all 650 rows cost the map's first draw 30–70 ms (bench/map-draw.ts); the server builds
 * every row with the same code, so a shape the client does not expect shows in the first row as surely as
 * in the last.
 */
export function checkedSeatList(body: unknown): TSeatListResponse {
  const items = (body as { items?: unknown } | null)?.items;
  const ok =
    ZSeatListEnvelope.safeParse(body).success &&
    Array.isArray(items) &&
    (items.length === 0 || ZSeatSummary.safeParse(items[0]).success) &&
    items.every(
      (row: { code?: unknown; name?: unknown } | null) =>
        typeof row?.code === 'string' && typeof row.name === 'string',
    );
  if (!ok) throw ApiError.badResponse('The seat list');
  return body as TSeatListResponse;
}

export function useSeatList(params: QueryParams, viewer: string) {
  return useQuery({
    queryKey: seatKeys.list(params, viewer),
    queryFn: async ({ signal }) => checkedSeatList(await apiGet<unknown>('/api/seats', { params, signal })),
    // Keep the previous rows on screen while a new filter loads, instead of flashing an empty table.
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export function useSeatDetail(boundarySet: TBoundarySet, code: string | undefined, viewer: string) {
  return useQuery({
    queryKey: [...seatKeys.detail(boundarySet, code ?? ''), viewer],
    queryFn: ({ signal }) =>
      apiGet(`/api/seats/${boundarySet}/${encodeURIComponent(code ?? '')}`, { schema: ZSeatDetail, signal }),
    enabled: code !== undefined,
    staleTime: 60_000,
  });
}
