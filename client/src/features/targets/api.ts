import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { ApiError } from '../../api/ApiError.ts';
import { apiGet, apiSend, apiUrl } from '../../api/http.ts';
import { useSession, type AuthState } from '../auth/api.ts';

// Restated from server/src/modules/targets/targets.contracts.ts and history/history.routes.ts: those are
// not exported through @groundwork/server/contracts, and the browser bundle may only import that entry.
export const TARGET_STATUSES = ['WIN', 'DEFEND', 'HOLD', 'NONE'] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];
const ZTargetStatus = z.enum(TARGET_STATUSES);
const ZPerson = z.object({ id: z.number().int(), name: z.string() });

export const ZSeatTarget = z.object({
  code: z.string(),
  name: z.string(),
  region: z.object({ code: z.string(), name: z.string() }),
  status: ZTargetStatus,
  tier: z.number().int().nullable(),
  rationale: z.string(),
  redWall: z.boolean(),
  redWallComputed: z.boolean(),
  redWallOverride: z.boolean().nullable(),
  redWallReason: z.string().nullable(),
  /** 0 while nobody has set a target; sent back with an update. */
  version: z.number().int(),
  updatedAt: z.string().nullable(),
  updatedBy: ZPerson.nullable(),
});
export type SeatTarget = z.infer<typeof ZSeatTarget>;

const ZTargetMap = z.object({
  items: z.array(z.object({ code: z.string(), status: ZTargetStatus, tier: z.number().int().nullable() })),
});
export type TargetMark = z.infer<typeof ZTargetMap>['items'][number];

const ZTargetsPublic = z.object({ public: z.boolean() });

const ZHistoryEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: ZPerson.nullable(),
  action: z.enum(['create', 'update', 'delete']),
  changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
  source: z.string().nullable(),
  reason: z.string().nullable(),
});
export type HistoryEntry = z.infer<typeof ZHistoryEntry>;
const ZHistoryResponse = z.object({ items: z.array(ZHistoryEntry) });

const ZBoard = z.object({
  region: z.object({ code: z.string(), name: z.string() }),
  items: z.array(ZSeatTarget),
});
export type TargetBoard = z.infer<typeof ZBoard>;

export interface TargetChange {
  status: TargetStatus;
  tier: number | null;
  rationale: string;
  redWallOverride: boolean | null;
  redWallReason: string | null;
  version: number;
  source?: string;
}

export const targetKeys = {
  all: ['targets'] as const,
  visibility: () => [...targetKeys.all, 'public'] as const,
  map: () => [...targetKeys.all, 'map'] as const,
  seat: (code: string) => [...targetKeys.all, 'seat', code] as const,
  history: (code: string) => [...targetKeys.all, 'history', code] as const,
  board: (region: string) => [...targetKeys.all, 'board', region] as const,
};

/** Whether an admin has made targets readable without signing in. */
export function useTargetsPublic() {
  return useQuery({
    queryKey: targetKeys.visibility(),
    queryFn: ({ signal }) => apiGet('/api/settings/targets-public', { schema: ZTargetsPublic, signal }),
    staleTime: 5 * 60_000,
  });
}

/** Admins only: make targets public, or signed-in only again. */
export function useSetTargetsPublic() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (value: boolean) =>
      apiSend('PUT', '/api/settings/targets-public', { body: { public: value }, schema: ZTargetsPublic }),
    onSuccess: (result) => queryClient.setQueryData(targetKeys.visibility(), result),
  });
}

export type TargetVisibility = 'visible' | 'signin' | 'unknown';

/** Targets are readable when signed in, or by anyone once made public. */
export function useTargetVisibility(): TargetVisibility {
  const session = useSession();
  const pub = useTargetsPublic();
  if (session.data) return 'visible';
  if (pub.data?.public) return 'visible';
  if (session.isPending || pub.isPending) return 'unknown';
  return 'signin';
}

/** The server's rule: admins anywhere, regional staff in their own region. */
export function canEditTarget(session: AuthState | null | undefined, regionCode: string): boolean {
  if (!session) return false;
  return session.grants.some(
    (g) => g.role === 'admin' || (g.role === 'regional_staff' && g.regionCode === regionCode),
  );
}

/** Every 2024 seat with a target status, as a code → mark map for the map and the target filter. */
export function useSeatTargets() {
  const visible = useTargetVisibility() === 'visible';
  return useQuery({
    queryKey: targetKeys.map(),
    queryFn: async ({ signal }) => {
      const res = await apiGet('/api/seat-targets', { schema: ZTargetMap, signal });
      return new Map(res.items.map((t) => [t.code, t]));
    },
    enabled: visible,
    staleTime: 60_000,
  });
}

export function useSeatTarget(code: string, enabled = true) {
  return useQuery({
    queryKey: targetKeys.seat(code),
    queryFn: ({ signal }) =>
      apiGet(`/api/seats/2024/${encodeURIComponent(code)}/target`, { schema: ZSeatTarget, signal }),
    enabled,
  });
}

export function useTargetHistory(code: string, enabled = true) {
  return useQuery({
    queryKey: targetKeys.history(code),
    queryFn: ({ signal }) =>
      apiGet(`/api/history/seat-target/${encodeURIComponent(code)}`, { schema: ZHistoryResponse, signal }),
    enabled,
  });
}

/** The current target sent with a 409, when someone else saved first. */
export function conflictTarget(error: unknown): SeatTarget | undefined {
  if (!(error instanceof ApiError) || error.status !== 409) return undefined;
  const parsed = z.object({ current: ZSeatTarget }).safeParse(error.details);
  return parsed.success ? parsed.data.current : undefined;
}

/**
 * Saves a seat's target. Only that seat's target, its history and its entry in the map of targets are
 * refreshed: the seats, their shapes and figures are untouched.
 */
export function useSetTarget(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TargetChange) =>
      apiSend('PUT', `/api/seats/2024/${encodeURIComponent(code)}/target`, { body, schema: ZSeatTarget }),
    onSuccess: (target) => {
      queryClient.setQueryData(targetKeys.seat(code), target);
      queryClient.setQueryData<Map<string, TargetMark>>(targetKeys.map(), (old) => {
        if (!old) return old;
        const next = new Map(old);
        if (target.status === 'NONE') next.delete(code);
        else next.set(code, { code, status: target.status, tier: target.tier });
        return next;
      });
      void queryClient.invalidateQueries({ queryKey: targetKeys.history(code) });
      void queryClient.invalidateQueries({ queryKey: targetKeys.board(target.region.code) });
    },
    onError: (error) => {
      const current = conflictTarget(error);
      if (current) queryClient.setQueryData(targetKeys.seat(code), current);
    },
  });
}

export function useTargetBoard(region: string | undefined) {
  const visible = useTargetVisibility() === 'visible';
  return useQuery({
    queryKey: targetKeys.board(region ?? ''),
    queryFn: ({ signal }) => apiGet('/api/targets/board', { params: { region }, schema: ZBoard, signal }),
    enabled: visible && !!region,
  });
}

export function boardCsvUrl(region: string): string {
  return apiUrl('/api/targets/board.csv', { region });
}

export const STATUS_LABELS: Record<TargetStatus, string> = {
  WIN: 'Win (gain)',
  DEFEND: 'Defend',
  HOLD: 'Hold',
  NONE: 'No target',
};
