import { ZClpsResponse, type TGrant } from '@groundwork/server/contracts';
import { useQuery } from '@tanstack/react-query';
import { apiGet } from '../../api/http.ts';
import { useSession } from '../auth/api.ts';

/**
 * Where a user's own region comes from: a region-scoped grant (regional staff) names it; a CLP-scoped
 * grant (member, organiser, selection officer) names a CLP, whose seat is in a region. National grants
 * (admins) have none.
 */
export function ownRegionSource(
  grants: readonly TGrant[],
): { region: string } | { clp: { id: number; name: string } } | null {
  const regional = grants.find((g) => g.regionCode);
  if (regional?.regionCode) return { region: regional.regionCode };
  const local = grants.find((g) => g.clp);
  return local?.clp ? { clp: local.clp } : null;
}

export const ownRegionKeys = {
  clpRegion: (clpId: number) => ['clps', 'region', clpId] as const,
};

/** The signed-in user's own region code, once known; undefined when signed out or national. */
export function useOwnRegion(): { region: string | undefined; pending: boolean } {
  const session = useSession();
  const source = session.data ? ownRegionSource(session.data.grants) : null;
  const clp = source && 'clp' in source ? source.clp : undefined;
  const clpRegion = useQuery({
    queryKey: ownRegionKeys.clpRegion(clp?.id ?? 0),
    queryFn: async ({ signal }) => {
      const found = await apiGet('/api/clps', {
        params: { q: clp?.name, limit: 50 },
        schema: ZClpsResponse,
        signal,
      });
      return found.items.find((c) => c.id === clp?.id)?.region.code ?? null;
    },
    enabled: !!clp,
    staleTime: Infinity,
  });
  if (session.isPending) return { region: undefined, pending: true };
  if (source && 'region' in source) return { region: source.region, pending: false };
  if (clp) return { region: clpRegion.data ?? undefined, pending: clpRegion.isPending };
  return { region: undefined, pending: false };
}
