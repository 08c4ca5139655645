import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { z } from 'zod';
import { ApiError } from '../../api/ApiError.ts';
import { apiGet, apiSend, apiUrl, type QueryParams } from '../../api/http.ts';
import {
  ZClpsResponse,
  ZOrganisersResponse,
  ZPartner,
  ZPartnersResponse,
  ZPilot,
  ZPilotComment,
  ZPilotCommentsResponse,
  ZPilotHistoryResponse,
  ZPilotListResponse,
  type TCreatePilotRequest,
  type TPilotComment,
  type TPilotHistoryEntry,
  type TPartnerKind,
  type TPilot,
  type TUpdatePilotRequest,
} from '@groundwork/server/contracts';

export type PilotComment = TPilotComment;
export type PilotHistoryEntry = TPilotHistoryEntry;

export const PILOTS_PAGE_SIZE = 20;

/** What the list is filtered by; the same values make the CSV link. */
export interface PilotFilters {
  clp?: number | undefined;
  mine?: boolean | undefined;
  status?: string | undefined;
  kind?: string | undefined;
  category?: string | undefined;
  q?: string | undefined;
}

/** Query keys of the pilot pages; the activity pieces invalidate `detail(id)` after a save. */
export const pilotKeys = {
  all: ['pilots'] as const,
  lists: () => [...pilotKeys.all, 'list'] as const,
  list: (filters: PilotFilters, offset: number) => [...pilotKeys.lists(), filters, offset] as const,
  detail: (id: number) => [...pilotKeys.all, 'detail', id] as const,
  comments: (id: number) => [...pilotKeys.all, 'comments', id] as const,
  history: (id: number) => [...pilotKeys.all, 'history', id] as const,
  organisers: (clpId: number) => [...pilotKeys.all, 'organisers', clpId] as const,
  partners: (q: string) => [...pilotKeys.all, 'partners', q] as const,
  clps: (q: string) => [...pilotKeys.all, 'clps', q] as const,
};

function filterParams(f: PilotFilters): QueryParams {
  return {
    clp: f.clp,
    mine: f.mine ? 'true' : undefined,
    status: f.status,
    kind: f.kind,
    category: f.category,
    q: f.q?.trim() || undefined,
  };
}

export function usePilots(filters: PilotFilters, offset: number, enabled = true) {
  return useQuery({
    queryKey: pilotKeys.list(filters, offset),
    queryFn: ({ signal }) =>
      apiGet('/api/pilots', {
        params: { ...filterParams(filters), offset, limit: PILOTS_PAGE_SIZE },
        schema: ZPilotListResponse,
        signal,
      }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function pilotsCsvUrl(filters: PilotFilters): string {
  return apiUrl('/api/pilots.csv', filterParams(filters));
}

export function usePilot(id: number) {
  return useQuery({
    queryKey: pilotKeys.detail(id),
    queryFn: ({ signal }) => apiGet(`/api/pilots/${id}`, { schema: ZPilot, signal }),
  });
}

export function useCreatePilot() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TCreatePilotRequest) => apiSend('POST', '/api/pilots', { body, schema: ZPilot }),
    onSuccess: (pilot) => {
      queryClient.setQueryData(pilotKeys.detail(pilot.id), pilot);
      void queryClient.invalidateQueries({ queryKey: pilotKeys.lists() });
    },
  });
}

/** The pilot the server holds now, sent with a 409 when someone else saved first. */
export function conflictPilot(error: unknown): TPilot | undefined {
  if (!(error instanceof ApiError) || error.status !== 409) return undefined;
  const parsed = z.object({ current: ZPilot }).safeParse(error.details);
  return parsed.success ? parsed.data.current : undefined;
}

export function useUpdatePilot(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TUpdatePilotRequest) => apiSend('PUT', `/api/pilots/${id}`, { body, schema: ZPilot }),
    onSuccess: (pilot) => {
      queryClient.setQueryData(pilotKeys.detail(id), pilot);
      void queryClient.invalidateQueries({ queryKey: pilotKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: pilotKeys.history(id) });
    },
  });
}

export function useReplicatePilot(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { clpId: number; startsOn: string; title?: string }) =>
      apiSend('POST', `/api/pilots/${id}/replicate`, { body, schema: ZPilot }),
    onSuccess: (pilot) => {
      queryClient.setQueryData(pilotKeys.detail(pilot.id), pilot);
      void queryClient.invalidateQueries({ queryKey: pilotKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: pilotKeys.lists() });
    },
  });
}

export function useComments(id: number, enabled: boolean) {
  return useQuery({
    queryKey: pilotKeys.comments(id),
    queryFn: ({ signal }) => apiGet(`/api/pilots/${id}/comments`, { schema: ZPilotCommentsResponse, signal }),
    select: (r) => r.items,
    enabled,
  });
}

export function usePostComment(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) =>
      apiSend('POST', `/api/pilots/${id}/comments`, { body: { body }, schema: ZPilotComment }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: pilotKeys.comments(id) });
      void queryClient.invalidateQueries({ queryKey: pilotKeys.history(id) });
    },
  });
}

const HISTORY_PAGE = 50;
export type PilotHistoryType = 'pilot' | 'activity' | 'comment';

/** The pilot's history a page at a time, newest first; `type` keeps to the pilot's own edits, etc. */
export function usePilotHistory(id: number, enabled: boolean, type?: PilotHistoryType) {
  return useInfiniteQuery({
    queryKey: [...pilotKeys.history(id), type ?? 'all'],
    queryFn: ({ signal, pageParam }) =>
      apiGet(
        apiUrl(`/api/pilots/${id}/history`, { type, offset: String(pageParam), limit: String(HISTORY_PAGE) }),
        {
          schema: ZPilotHistoryResponse,
          signal,
        },
      ),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => {
      const seen = pages.reduce((n, p) => n + p.items.length, 0);
      return seen < last.total ? seen : undefined;
    },
    enabled,
  });
}

/** People who may be the responsible organiser of a pilot of this CLP. */
export function useClpOrganisers(clpId: number | undefined) {
  return useQuery({
    queryKey: pilotKeys.organisers(clpId ?? 0),
    queryFn: ({ signal }) => apiGet(`/api/clps/${clpId}/organisers`, { schema: ZOrganisersResponse, signal }),
    select: (r) => r.items,
    enabled: clpId !== undefined,
    staleTime: 5 * 60_000,
  });
}

export function usePartners(q: string) {
  return useQuery({
    queryKey: pilotKeys.partners(q),
    queryFn: ({ signal }) =>
      apiGet('/api/partners', { params: { q: q.trim(), limit: 10 }, schema: ZPartnersResponse, signal }),
    select: (r) => r.items,
    enabled: q.trim().length >= 2,
    placeholderData: keepPreviousData,
  });
}

export interface NewPartner {
  name: string;
  kind: TPartnerKind;
  unionName?: string | undefined;
  contactRole?: string | undefined;
}

export function useCreatePartner() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewPartner) => apiSend('POST', '/api/partners', { body, schema: ZPartner }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...pilotKeys.all, 'partners'] }),
  });
}

/** CLPs by name (with their seat), for choosing where a pilot runs. */
export function useClpSearch(q: string, enabled = true) {
  return useQuery({
    queryKey: pilotKeys.clps(q),
    queryFn: ({ signal }) =>
      apiGet('/api/clps', { params: { q: q.trim(), limit: 20 }, schema: ZClpsResponse, signal }),
    select: (r) => r.items,
    enabled,
    staleTime: 5 * 60_000,
    placeholderData: keepPreviousData,
  });
}
