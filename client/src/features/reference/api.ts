import {
  ZClientConfig,
  ZElectionsResponse,
  ZPartiesResponse,
  ZRegionsResponse,
  type TParty,
} from '@groundwork/server/contracts';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { apiGet } from '../../api/http.ts';

// Reference data changes only when an admin re-imports, so it is fetched once per page load.
export const referenceKeys = {
  all: ['reference'] as const,
  regions: () => [...referenceKeys.all, 'regions'] as const,
  parties: () => [...referenceKeys.all, 'parties'] as const,
  elections: () => [...referenceKeys.all, 'elections'] as const,
  config: () => [...referenceKeys.all, 'config'] as const,
};

const forever = { staleTime: Infinity, gcTime: Infinity } as const;

export function useRegions() {
  return useQuery({
    queryKey: referenceKeys.regions(),
    queryFn: ({ signal }) => apiGet('/api/regions', { schema: ZRegionsResponse, signal }),
    select: (r) => r.items,
    ...forever,
  });
}

export function useParties() {
  return useQuery({
    queryKey: referenceKeys.parties(),
    queryFn: ({ signal }) => apiGet('/api/parties', { schema: ZPartiesResponse, signal }),
    select: (r) => r.items,
    ...forever,
  });
}

/** Parties by code; an empty map until they load, so colours fall back to grey rather than waiting. */
export function usePartyIndex(): ReadonlyMap<string, TParty> {
  const { data } = useParties();
  return useMemo(() => new Map((data ?? []).map((p) => [p.code, p])), [data]);
}

export function useElections() {
  return useQuery({
    queryKey: referenceKeys.elections(),
    queryFn: ({ signal }) => apiGet('/api/elections', { schema: ZElectionsResponse, signal }),
    select: (r) => r.items,
    ...forever,
  });
}

export function useClientConfig() {
  return useQuery({
    queryKey: referenceKeys.config(),
    queryFn: ({ signal }) => apiGet('/api/config', { schema: ZClientConfig, signal }),
    ...forever,
  });
}
