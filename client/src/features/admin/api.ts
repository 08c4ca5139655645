import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  PURPOSE_MAX_LENGTH,
  PURPOSE_MIN_LENGTH,
  ZAdminGrant,
  ZAdminUser,
  ZClpsResponse as ZClps,
  ZExportRecordsResponse as ZExportRecords,
  ZHistoryResponse,
  ZListUsersResponse as ZUsersResponse,
  ZPasswordLinkResponse as ZPasswordLink,
  type ZExportRecord,
  type ZHistoryEntry,
} from '@groundwork/server/contracts';
import { z } from 'zod';
import { ApiError } from '../../api/ApiError.ts';
import { apiDownload, apiGet, apiSend } from '../../api/http.ts';
import { saveFile } from '../../ui/saveFile.ts';
import type { AuthState, RoleName } from '../auth/api.ts';

export type AdminGrant = z.infer<typeof ZAdminGrant>;
export type AdminUser = z.infer<typeof ZAdminUser>;
export type PasswordLink = z.infer<typeof ZPasswordLink>;
export type HistoryEntry = z.infer<typeof ZHistoryEntry>;
export type ExportRecord = z.infer<typeof ZExportRecord>;

export { PURPOSE_MAX_LENGTH, PURPOSE_MIN_LENGTH, ZAdminGrant, ZAdminUser };

export const USERS_PAGE_SIZE = 25;
export const EXPORTS_PAGE_SIZE = 20;

export const adminKeys = {
  all: ['admin'] as const,
  users: () => [...adminKeys.all, 'users'] as const,
  userList: (q: string, offset: number) => [...adminKeys.users(), 'list', q, offset] as const,
  user: (id: number) => [...adminKeys.users(), 'one', id] as const,
  history: (type: 'user' | 'role-grant', id: number) => [...adminKeys.all, 'history', type, id] as const,
  exports: (offset: number) => [...adminKeys.all, 'exports', offset] as const,
  clps: (q: string) => [...adminKeys.all, 'clps', q] as const,
};

/** Whether the signed-in person holds an admin grant in force (the server decides; this only gates the UI). */
export function isAdmin(session: AuthState | null | undefined, now = Date.now()): boolean {
  return !!session?.grants.some(
    (g) =>
      g.role === 'admin' &&
      new Date(g.startsAt).getTime() <= now &&
      (g.endsAt === null || new Date(g.endsAt).getTime() > now),
  );
}

export function useUsers(q: string, offset: number) {
  return useQuery({
    queryKey: adminKeys.userList(q, offset),
    queryFn: ({ signal }) =>
      apiGet('/api/admin/users', {
        params: { q, limit: USERS_PAGE_SIZE, offset },
        schema: ZUsersResponse,
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

/** One user, fresh: there is no GET by id, so ask the list for their email and pick them out. */
export function useUser(id: number, email: string) {
  return useQuery({
    queryKey: adminKeys.user(id),
    queryFn: async ({ signal }) => {
      const found = await apiGet('/api/admin/users', {
        params: { q: email, limit: 200 },
        schema: ZUsersResponse,
        signal,
      });
      return found.items.find((u) => u.id === id) ?? null;
    },
  });
}

export function useHistory(type: 'user' | 'role-grant', id: number) {
  return useQuery({
    queryKey: adminKeys.history(type, id),
    queryFn: ({ signal }) => apiGet(`/api/history/${type}/${id}`, { schema: ZHistoryResponse, signal }),
    select: (r) => r.items,
  });
}

export function useExportRecords(offset: number) {
  return useQuery({
    queryKey: adminKeys.exports(offset),
    queryFn: ({ signal }) =>
      apiGet('/api/exports', {
        params: { limit: EXPORTS_PAGE_SIZE, offset },
        schema: ZExportRecords,
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

/**
 * CLPs matching a name, for the grant form's picker. `/api/clps` is new: where the server does not
 * have it yet (404) the form keeps CLP roles switched off.
 */
export function useClps(q: string) {
  return useQuery({
    queryKey: adminKeys.clps(q),
    queryFn: ({ signal }) => apiGet('/api/clps', { params: { q, limit: 20 }, schema: ZClps, signal }),
    select: (r) => r.items,
    staleTime: 5 * 60_000,
    placeholderData: keepPreviousData,
  });
}

function useInvalidateUsers() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: adminKeys.all });
}

export function useCreateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (body: { email: string; name: string }) =>
      apiSend('POST', '/api/admin/users', { body, schema: ZAdminUser }),
    onSuccess: () => invalidate(),
  });
}

export interface NewGrant {
  role: RoleName;
  clpId?: number;
  regionCode?: string;
  endsAt?: string;
}

export function useAddGrant(userId: number) {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (body: NewGrant) =>
      apiSend('POST', `/api/admin/users/${userId}/grants`, { body, schema: ZAdminGrant }),
    onSuccess: () => invalidate(),
  });
}

export function useRevokeGrant() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (grantId: number) => apiSend('DELETE', `/api/admin/grants/${grantId}`),
    onSuccess: () => invalidate(),
  });
}

const ZChangedMeanwhile = z.object({ current: ZAdminUser });

/**
 * The account as it is now, when a write was refused (409) because someone else changed it first: the
 * server sends it in `details.current`. Other 409s (the last admin, one's own account) give undefined.
 */
export function changedMeanwhile(error: unknown): AdminUser | undefined {
  if (!(error instanceof ApiError) || error.status !== 409) return undefined;
  const parsed = ZChangedMeanwhile.safeParse(error.details);
  return parsed.success ? parsed.data.current : undefined;
}

/**
 * Disables an account (with the reason) or enables it again, sending the version the panel shows. After
 * a 409 the panel shows at once the account as the server sent it back, and `onChangedMeanwhile` hears of
 * it (here, not in mutate's callbacks: those are skipped when the dialog that sent it is gone by then).
 * The users are refetched whatever the answer, so the next try sends the new version.
 */
export function useSetDisabled(userId: number, onChangedMeanwhile?: (current: AdminUser) => void) {
  const invalidate = useInvalidateUsers();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (
      change: { disable: true; reason: string; version: number } | { disable: false; version: number },
    ) =>
      change.disable
        ? apiSend('POST', `/api/admin/users/${userId}/disable`, {
            body: { reason: change.reason, version: change.version },
            schema: ZAdminUser,
          })
        : apiSend('POST', `/api/admin/users/${userId}/enable`, {
            body: { version: change.version },
            schema: ZAdminUser,
          }),
    onError: (error) => {
      const current = changedMeanwhile(error);
      if (!current) return;
      onChangedMeanwhile?.(current);
      queryClient.setQueryData(adminKeys.user(userId), current);
    },
    onSettled: () => invalidate(),
  });
}

export function usePasswordLink(userId: number) {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: () => apiSend('POST', `/api/admin/users/${userId}/password-link`, { schema: ZPasswordLink }),
    // Refused too (the account was disabled meanwhile): the panel then shows why.
    onSettled: () => invalidate(),
  });
}

/**
 * The users CSV: a POST with the stated purpose and the CSRF token (the server records the export), saved
 * under the name the server gives it (groundwork-users-<date>.csv). Resolves to that name.
 */
export function useExportUsers() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (purpose: string) => {
      const { blob, filename } = await apiDownload('/api/exports/users.csv', {
        body: { purpose },
        accept: 'text/csv',
      });
      const name = filename ?? `groundwork-users-${new Date().toISOString().slice(0, 10)}.csv`;
      saveFile(blob, name);
      return name;
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...adminKeys.all, 'exports'] }),
  });
}
