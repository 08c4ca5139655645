import { useInfiniteQuery, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { ApiError } from '../../api/ApiError.ts';
import { apiGet, apiSend } from '../../api/http.ts';
import {
  ACTIVITY_COUNTS,
  ZActivity,
  ZActivityImportError as ZImportError,
  ZActivityImportPreview as ZImportPreview,
  ZActivityImportResult as ZImportResult,
  ZActivityList,
  type TActivity,
  type TActivityImportError,
  type TActivityImportPreview,
} from '@groundwork/server/contracts';
import { pilotKeys } from './api.ts';
import type { ActivityDraft } from './offlineQueue.ts';

export { ZActivity };
export type Activity = TActivity;
export type ImportPreview = TActivityImportPreview;
export type ImportError = TActivityImportError;

export const ACTIVITIES_PAGE_SIZE = 10;

export const activityKeys = {
  all: (pilotId: number) => [...pilotKeys.all, 'activities', pilotId] as const,
};

const base = (pilotId: number) => `/api/pilots/${pilotId}/activities`;

/** A pilot's activities, newest first, a page at a time ("Show more"). */
export function useActivities(pilotId: number) {
  return useInfiniteQuery({
    queryKey: activityKeys.all(pilotId),
    initialPageParam: 0,
    queryFn: ({ pageParam, signal }) =>
      apiGet(base(pilotId), {
        params: { offset: pageParam, limit: ACTIVITIES_PAGE_SIZE },
        schema: ZActivityList,
        signal,
      }),
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((n, p) => n + p.items.length, 0);
      return loaded < last.total ? loaded : undefined;
    },
  });
}

/** Sends one new activity with its key; a repeated key answers with the row already made. */
export function postActivity(pilotId: number, idempotencyKey: string, draft: ActivityDraft) {
  return apiSend('POST', base(pilotId), { body: { idempotencyKey, ...draft }, schema: ZActivity });
}

/** After any change to a pilot's activities: its totals, timeline, history, lists and the activity list. */
export function invalidatePilotActivity(queryClient: QueryClient, pilotId: number): Promise<unknown> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: pilotKeys.detail(pilotId) }),
    queryClient.invalidateQueries({ queryKey: pilotKeys.history(pilotId) }),
    queryClient.invalidateQueries({ queryKey: pilotKeys.lists() }),
    queryClient.invalidateQueries({ queryKey: activityKeys.all(pilotId) }),
  ]);
}

/** An edit sends every field as the editor left it (an emptied count as null) and the version read. */
export function useUpdateActivity(pilotId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    // withNotes: only when the editor could read the notes; left out, the server keeps them as they are.
    mutationFn: (v: { id: number; version: number; draft: ActivityDraft; withNotes: boolean }) => {
      const counts = Object.fromEntries(ACTIVITY_COUNTS.map((c) => [c, v.draft[c] ?? null]));
      const { notes, ...rest } = v.draft;
      return apiSend('PUT', `${base(pilotId)}/${v.id}`, {
        body: { ...rest, ...counts, ...(v.withNotes ? { notes: notes ?? '' } : {}), version: v.version },
        schema: ZActivity,
      });
    },
    onSettled: () => invalidatePilotActivity(queryClient, pilotId),
  });
}

export function useDeleteActivity(pilotId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (a: { id: number; version: number }) =>
      apiSend('DELETE', `${base(pilotId)}/${a.id}?version=${a.version}`),
    onSettled: () => invalidatePilotActivity(queryClient, pilotId),
  });
}

/** The draft an existing activity would be edited from. */
export function draftOf(a: Activity): ActivityDraft {
  const draft: ActivityDraft = { occurredOn: a.occurredOn, type: a.type };
  for (const c of ACTIVITY_COUNTS) if (a[c] !== null) draft[c] = a[c];
  if (a.notes) draft.notes = a.notes;
  return draft;
}

export interface Progress {
  loaded: number;
  total: number;
  /** 'upload' while the file goes up; 'server' while the server reads every row. */
  phase: 'upload' | 'server';
}

const ZImportRefusal = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
    requestId: z.string().optional(),
  }),
});

/** The row errors a refused apply carries, whether as the details list or inside a preview. */
export function importErrors(details: unknown): ImportError[] | undefined {
  const list = Array.isArray(details) ? details : (details as { errors?: unknown } | undefined)?.errors;
  const parsed = z.array(ZImportError).safeParse(list);
  return parsed.success ? parsed.data : undefined;
}

/**
 * Sends the CSV file (text/csv) with XMLHttpRequest, the one browser API that reports upload progress.
 * apply=false answers the preview; apply=true creates every row or, on any error, none (422). `fileKey` is
 * made once per chosen file and sent with every apply of it: a retry after a lost answer adds nothing twice.
 */
export function sendImport(opts: {
  pilotId: number;
  file: File;
  fileKey: string;
  apply: boolean;
  csrfToken: string | undefined;
  onProgress: (p: Progress) => void;
}): Promise<
  { kind: 'preview'; preview: ImportPreview } | { kind: 'applied'; created: number; alreadyImported: number }
> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const query = opts.apply ? `apply=true&key=${encodeURIComponent(opts.fileKey)}` : 'apply=false';
    xhr.open('POST', `${base(opts.pilotId)}/import?${query}`);
    xhr.setRequestHeader('Content-Type', 'text/csv');
    xhr.setRequestHeader('Accept', 'application/json');
    if (opts.csrfToken) xhr.setRequestHeader('X-CSRF-Token', opts.csrfToken);
    xhr.upload.onprogress = (e) =>
      opts.onProgress({
        loaded: e.loaded,
        total: e.lengthComputable ? e.total : opts.file.size,
        phase: 'upload',
      });
    xhr.upload.onload = () =>
      opts.onProgress({ loaded: opts.file.size, total: opts.file.size, phase: 'server' });
    xhr.onerror = () =>
      reject(new ApiError({ status: 0, code: 'NETWORK', message: 'Could not reach the Groundwork server.' }));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        const preview = ZImportPreview.safeParse(body);
        if (!opts.apply && preview.success) return resolve({ kind: 'preview', preview: preview.data });
        const result = ZImportResult.safeParse(body);
        if (opts.apply && result.success) {
          const { created, alreadyImported = 0 } = result.data;
          return resolve({ kind: 'applied', created, alreadyImported });
        }
        return reject(ApiError.badResponse('The import answer'));
      }
      const refusal = ZImportRefusal.safeParse(body);
      if (!refusal.success) {
        return reject(
          new ApiError({
            status: xhr.status,
            code: 'HTTP_ERROR',
            message: `The server answered ${xhr.status}`,
          }),
        );
      }
      const { code, message, details, requestId } = refusal.data.error;
      reject(
        new ApiError({ status: xhr.status, code, message, details, ...(requestId ? { requestId } : {}) }),
      );
    };
    xhr.send(opts.file);
  });
}
