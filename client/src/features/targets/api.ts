import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { ApiError } from '../../api/ApiError.ts';
import { apiGet, apiSend, apiUrl } from '../../api/http.ts';
import { useSession, type AuthState } from '../auth/api.ts';
import { seatKeys } from '../seats/api.ts';

import {
  TARGET_STATUSES,
  ZHistoryResponse,
  ZSeatTarget,
  ZTargetBoardResponse as ZBoard,
  ZTargetsPublic,
  type TSeatDetail,
  type TTargetsPublic,
  type ZHistoryEntry,
} from '@groundwork/server/contracts';

export { TARGET_STATUSES, ZSeatTarget };
export type TargetStatus = (typeof TARGET_STATUSES)[number];
export type SeatTarget = z.infer<typeof ZSeatTarget>;
export type HistoryEntry = z.infer<typeof ZHistoryEntry>;
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
  seat: (code: string) => [...targetKeys.all, 'seat', code] as const,
  history: (code: string) => [...targetKeys.all, 'history', code] as const,
  board: (region: string) => [...targetKeys.all, 'board', region] as const,
};

/** Whether an admin has made targets readable without signing in, and their details too. */
export function useTargetsPublic() {
  return useQuery({
    queryKey: targetKeys.visibility(),
    queryFn: ({ signal }) => apiGet('/api/settings/targets-public', { schema: ZTargetsPublic, signal }),
    staleTime: 5 * 60_000,
  });
}

/** Admins only: make targets (and their details) public, or signed-in only again. */
export function useSetTargetsPublic() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (value: TTargetsPublic) =>
      apiSend('PUT', '/api/settings/targets-public', { body: value, schema: ZTargetsPublic }),
    onSuccess: (result) => queryClient.setQueryData(targetKeys.visibility(), result),
  });
}

export type TargetVisibility = 'visible' | 'signin' | 'unknown';

/** The board (rationale, names) is readable when signed in, or by anyone once its details are published. */
export function useTargetVisibility(): TargetVisibility {
  const session = useSession();
  const pub = useTargetsPublic();
  if (session.data) return 'visible';
  // The board shows rationale and who set each target: public only once an admin published the details
  // (public status and tier alone are on the seat map).
  if (pub.data?.detailsPublic) return 'visible';
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

/** A seat's target as an editor needs it, with its version; fetched only to edit it. */
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

/** What a saved target changes in a seat's detail, at the level of the layer the detail carries. */
function withTarget(seat: TSeatDetail, t: SeatTarget): TSeatDetail {
  const full = seat.layers.target === 'full';
  return {
    ...seat,
    redWall: full ? t.redWall : seat.redWall,
    target: full
      ? {
          status: t.status,
          tier: t.tier,
          rationale: t.rationale,
          redWallOverride: t.redWallOverride,
          redWallReason: t.redWallReason,
          updatedAt: t.updatedAt,
          updatedBy: t.updatedBy,
        }
      : { status: t.status, tier: t.tier },
  };
}

/**
 * Saves a seat's target. The seat's detail shows the answer at once; the seat lists (map colours, legend,
 * table, red-wall outlines) and the detail are then refetched from the server, which joins the target in.
 * The seats' shapes are untouched.
 */
export function useSetTarget(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TargetChange) =>
      apiSend('PUT', `/api/seats/2024/${encodeURIComponent(code)}/target`, { body, schema: ZSeatTarget }),
    onSuccess: (target) => {
      queryClient.setQueryData(targetKeys.seat(code), target);
      const detail = seatKeys.detail('2024', code);
      queryClient.setQueriesData<TSeatDetail>({ queryKey: detail }, (old) => old && withTarget(old, target));
      void queryClient.invalidateQueries({ queryKey: detail });
      void queryClient.invalidateQueries({ queryKey: seatKeys.lists() });
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
