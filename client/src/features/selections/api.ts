import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { ApiError } from '../../api/ApiError.ts';
import { apiGet, apiSend, apiUrl } from '../../api/http.ts';
import {
  ZSelection,
  ZSelectionListResponse,
  type TCreateCandidacyRequest,
  type TCreateSelectionRequest,
  type TRecordConsentRequest,
  type TSelection,
  type TSetBallotRequest,
  type TUpdateCandidacyRequest,
  type TUpdateCandidateRequest,
  type TUpdateSelectionRequest,
} from '@groundwork/server/contracts';

export const SELECTIONS_PAGE_SIZE = 20;

/** Whose selections the tracker lists: one CLP, one region, or (neither) every selection. */
export interface SelectionScope {
  clp?: number | undefined;
  region?: string | undefined;
}

export const selectionKeys = {
  all: ['selections'] as const,
  lists: () => [...selectionKeys.all, 'list'] as const,
  list: (scope: SelectionScope, offset: number) => [...selectionKeys.lists(), scope, offset] as const,
  detail: (id: number) => [...selectionKeys.all, 'detail', id] as const,
};

export function useSelections(scope: SelectionScope, offset: number, enabled = true) {
  return useQuery({
    queryKey: selectionKeys.list(scope, offset),
    queryFn: ({ signal }) =>
      apiGet('/api/selections', {
        params: { clp: scope.clp, region: scope.region, offset, limit: SELECTIONS_PAGE_SIZE },
        schema: ZSelectionListResponse,
        signal,
      }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The iCalendar feed of a CLP's or a region's stage dates; none for "every selection". */
export function calendarUrl(scope: SelectionScope): string | undefined {
  if (scope.clp !== undefined) return apiUrl('/api/selections/calendar.ics', { clp: scope.clp });
  if (scope.region) return apiUrl('/api/selections/calendar.ics', { region: scope.region });
  return undefined;
}

export function useSelection(id: number) {
  return useQuery({
    queryKey: selectionKeys.detail(id),
    queryFn: ({ signal }) => apiGet(`/api/selections/${id}`, { schema: ZSelection, signal }),
  });
}

/** The selection the server holds now, sent with a 409 when someone else saved first. */
export function conflictSelection(error: unknown): TSelection | undefined {
  if (!(error instanceof ApiError) || error.status !== 409) return undefined;
  const parsed = z.object({ current: ZSelection }).safeParse(error.details);
  return parsed.success ? parsed.data.current : undefined;
}

/**
 * Every write answers with the whole selection: it replaces the page's copy, and the lists (whose stage
 * or compliance may have changed) are refetched. After a 409 the page shows the server's copy at once.
 */
function useSelectionWrite<B>(selectionId: number, send: (body: B) => Promise<TSelection>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (selection) => {
      queryClient.setQueryData(selectionKeys.detail(selectionId), selection);
      void queryClient.invalidateQueries({ queryKey: selectionKeys.lists() });
    },
    onError: (error) => {
      const current = conflictSelection(error);
      if (current) queryClient.setQueryData(selectionKeys.detail(selectionId), current);
    },
  });
}

export function useCreateSelection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TCreateSelectionRequest) =>
      apiSend('POST', '/api/selections', { body, schema: ZSelection }),
    onSuccess: (selection) => {
      queryClient.setQueryData(selectionKeys.detail(selection.id), selection);
      void queryClient.invalidateQueries({ queryKey: selectionKeys.lists() });
    },
  });
}

export const useUpdateSelection = (id: number) =>
  useSelectionWrite(id, (body: TUpdateSelectionRequest) =>
    apiSend('PATCH', `/api/selections/${id}`, { body, schema: ZSelection }),
  );

export const useSetBallot = (id: number) =>
  useSelectionWrite(id, (body: TSetBallotRequest) =>
    apiSend('PUT', `/api/selections/${id}/ballot`, { body, schema: ZSelection }),
  );

export const useAddCandidacy = (id: number) =>
  useSelectionWrite(id, (body: TCreateCandidacyRequest) =>
    apiSend('POST', `/api/selections/${id}/candidacies`, { body, schema: ZSelection }),
  );

export const useUpdateCandidacy = (selectionId: number, candidacyId: number) =>
  useSelectionWrite(selectionId, (body: TUpdateCandidacyRequest) =>
    apiSend('PATCH', `/api/candidacies/${candidacyId}`, { body, schema: ZSelection }),
  );

export const useUpdateCandidate = (selectionId: number, candidacyId: number) =>
  useSelectionWrite(selectionId, (body: TUpdateCandidateRequest) =>
    apiSend('PATCH', `/api/candidacies/${candidacyId}/candidate`, { body, schema: ZSelection }),
  );

export const useRecordConsent = (selectionId: number, candidacyId: number) =>
  useSelectionWrite(selectionId, (body: TRecordConsentRequest) =>
    apiSend('POST', `/api/candidacies/${candidacyId}/consents`, { body, schema: ZSelection }),
  );

export const useWithdrawConsent = (selectionId: number, candidacyId: number) =>
  useSelectionWrite(selectionId, (consentId: number) =>
    apiSend('POST', `/api/candidacies/${candidacyId}/consents/${consentId}/withdraw`, { schema: ZSelection }),
  );
