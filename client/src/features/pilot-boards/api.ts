import {
  PILOT_CATEGORIES,
  PILOT_KINDS,
  PILOT_STATUSES,
  ZNationalBoard,
  ZPilotGoal,
  ZRegionBoard,
  ZVoteEffect,
  type TPilotGoal,
} from '@groundwork/server/contracts';
import { useMutation, useQuery, useQueryClient, keepPreviousData } from '@tanstack/react-query';
import { apiGet, apiSend, apiUrl } from '../../api/http.ts';

/** The board's filters, exactly as they are written in the page's URL and sent to the API. */
export interface BoardFilters {
  status?: string | undefined;
  kind?: string | undefined;
  category?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}
export const FILTER_KEYS = ['status', 'kind', 'category', 'from', 'to'] as const;

/** `?region=all` asks for the national board where the user's own region would otherwise open. */
export const NATIONAL = 'all';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const VALID: Record<(typeof FILTER_KEYS)[number], (v: string) => boolean> = {
  status: (v) => (PILOT_STATUSES as readonly string[]).includes(v),
  kind: (v) => (PILOT_KINDS as readonly string[]).includes(v),
  category: (v) => (PILOT_CATEGORIES as readonly string[]).includes(v),
  from: (v) => DAY.test(v),
  to: (v) => DAY.test(v),
};

/** Reads the page URL leniently: a value the board does not know is left out rather than refused. */
export function readBoardUrl(search: string): { region: string | undefined; filters: BoardFilters } {
  const p = new URLSearchParams(search);
  const r = p.get('region');
  const region = r === NATIONAL || (r && /^[A-Z]\d{8}$/.test(r)) ? r : undefined;
  const filters: BoardFilters = {};
  for (const key of FILTER_KEYS) {
    const v = p.get(key);
    if (v && VALID[key](v)) filters[key] = v;
  }
  return { region, filters };
}

export function boardSearch(region: string | undefined, filters: BoardFilters): string {
  const p = new URLSearchParams();
  if (region) p.set('region', region);
  for (const key of FILTER_KEYS) if (filters[key]) p.set(key, filters[key]);
  const qs = p.toString();
  return qs ? `?${qs}` : '';
}

export const boardKeys = {
  all: ['pilot-boards'] as const,
  national: (f: BoardFilters) => [...boardKeys.all, 'national', f] as const,
  region: (region: string, f: BoardFilters) => [...boardKeys.all, 'region', region, f] as const,
  voteEffect: () => [...boardKeys.all, 'vote-effect'] as const,
  goal: () => [...boardKeys.all, 'goal'] as const,
};

export function useNationalBoard(filters: BoardFilters, enabled: boolean) {
  return useQuery({
    queryKey: boardKeys.national(filters),
    queryFn: ({ signal }) =>
      apiGet('/api/pilot-boards/national', { params: { ...filters }, schema: ZNationalBoard, signal }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useRegionBoard(region: string | undefined, filters: BoardFilters, enabled: boolean) {
  return useQuery({
    queryKey: boardKeys.region(region ?? '', filters),
    queryFn: ({ signal }) =>
      apiGet('/api/pilot-boards/region', { params: { region, ...filters }, schema: ZRegionBoard, signal }),
    enabled: enabled && !!region,
    placeholderData: keepPreviousData,
  });
}

export function useVoteEffect(enabled: boolean) {
  return useQuery({
    queryKey: boardKeys.voteEffect(),
    queryFn: ({ signal }) => apiGet('/api/pilot-boards/vote-effect', { schema: ZVoteEffect, signal }),
    enabled,
    staleTime: 5 * 60_000,
  });
}

/** Admins set how many pilots each region aims for; every board is counted against it. */
export function useSetPilotGoal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TPilotGoal) =>
      apiSend('PUT', '/api/settings/pilot-goal', { body, schema: ZPilotGoal }),
    onSuccess: (goal) => {
      queryClient.setQueryData(boardKeys.goal(), goal);
      void queryClient.invalidateQueries({ queryKey: boardKeys.all });
    },
  });
}

export function nationalCsvUrl(filters: BoardFilters): string {
  return apiUrl('/api/pilot-boards/national.csv', { ...filters });
}

export function regionCsvUrl(region: string, filters: BoardFilters): string {
  return apiUrl('/api/pilot-boards/region.csv', { region, ...filters });
}

/** "2 of 3 pilots — 1 to go", or "3 of 3 pilots — goal met". */
export function goalText(running: number, goal: number): string {
  const of = `${running} of ${goal} ${goal === 1 ? 'pilot' : 'pilots'}`;
  return running >= goal ? `${of} — goal met` : `${of} — ${goal - running} to go`;
}
