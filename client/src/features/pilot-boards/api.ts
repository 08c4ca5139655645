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

const pilots = (n: number) => `${n} ${n === 1 ? 'pilot' : 'pilots'}`;

/** "2 of 3 pilots under way — 1 to go", or "6 pilots under way — the goal of 3 is met". */
export function goalText(running: number, goal: number): string {
  return running >= goal
    ? `${pilots(running)} under way — the goal of ${goal} is met`
    : `${running} of ${pilots(goal)} under way — ${goal - running} to go`;
}

/** "1 of 12 regions has met the goal of 3 pilots under way". */
export function regionsMetText(met: number, regions: number, goal: number): string {
  return `${met} of ${regions} ${regions === 1 ? 'region' : 'regions'} ${met === 1 ? 'has' : 'have'} met the goal of ${pilots(goal)} under way.`;
}

/** What "under way" means on the board, and that the filters do not change the goal count. */
export const UNDER_WAY_NOTE =
  'Under way means planned, active or paused. The goal and the seats with no pilot count every pilot, whatever the filters.';

export const PERIOD_PROBLEM = 'Activity from must be on or before Activity to';

/** The server's rule on the period, checked before asking: the field's problem, by field name. */
export function periodProblems(filters: BoardFilters): Record<string, string> {
  return filters.from && filters.to && filters.from > filters.to ? { from: PERIOD_PROBLEM } : {};
}

/** With an activity period chosen, "nothing logged" means nothing in that period. */
export const hasPeriod = (filters: BoardFilters) => !!(filters.from || filters.to);
