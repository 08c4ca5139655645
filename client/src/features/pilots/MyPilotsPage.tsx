import { useEffect, useState } from 'react';
import { errorMessage } from '../../api/ApiError.ts';
import { useSession } from '../auth/api.ts';
import { Pager } from '../admin/Pager.tsx';
import { useDebounced } from '../admin/useDebounced.ts';
import { PILOTS_PAGE_SIZE, pilotsCsvUrl, usePilots, type PilotFilters as Filters } from './api.ts';
import { isAdmin, organiserClps } from './format.ts';
import { PilotCard } from './PilotCard.tsx';
import { PilotFilters } from './PilotFilters.tsx';
import './pilots.css';

const FILTER_KEYS = ['status', 'kind', 'category'] as const;

/** The filters in the link, so a filtered list can be shared and survives a reload. */
function filtersFromUrl(): { clp: number | undefined; filters: Filters; q: string } {
  const p = new URLSearchParams(window.location.search);
  const clp = /^[1-9]\d{0,9}$/.test(p.get('clp') ?? '') ? Number(p.get('clp')) : undefined;
  const filters: Filters = {};
  for (const k of FILTER_KEYS) filters[k] = p.get(k) || undefined;
  return { clp, filters, q: p.get('q') ?? '' };
}

/**
 * /pilots: an organiser's own pilots with "Start a pilot"; everyone else the pilots they may read. With
 * ?clp=<id> it is that CLP's page: its pilots under its name.
 */
export default function MyPilotsPage() {
  const [initial] = useState(filtersFromUrl);
  const session = useSession();
  const [filters, setFilters] = useState<Filters>(initial.filters);
  const [search, setSearch] = useState(initial.q);
  const q = useDebounced(search);
  const [offset, setOffset] = useState(0);

  const grants = session.data?.grants ?? [];
  const ownClps = organiserClps(grants);
  const canStart = ownClps.length > 0 || isAdmin(grants);
  const clp = initial.clp;
  const mine = clp === undefined && ownClps.length > 0;
  const query: Filters = { ...filters, q, clp, mine };
  const pilots = usePilots(query, offset, !!session.data);

  useEffect(() => {
    const p = new URLSearchParams();
    if (clp) p.set('clp', String(clp));
    for (const k of FILTER_KEYS) if (filters[k]) p.set(k, filters[k]);
    if (q.trim()) p.set('q', q.trim());
    const qs = p.toString();
    window.history.replaceState(window.history.state, '', `/pilots${qs ? `?${qs}` : ''}`);
  }, [clp, filters, q]);

  const clpName =
    clp === undefined
      ? undefined
      : (grants.find((g) => g.clpId === clp)?.clp?.name ?? pilots.data?.items[0]?.clp.name ?? 'This CLP');
  const heading = clpName ? `${clpName}: pilots` : mine ? 'My pilots' : 'Pilots you can see';
  const filtered = Object.values(filters).some(Boolean) || !!q.trim();

  if (session.isPending) {
    return (
      <p className="state" role="status">
        Loading…
      </p>
    );
  }
  if (!session.data) {
    return <p className="state">Sign in to see community-organising pilots.</p>;
  }

  return (
    <div className="pilots-page">
      <div className="pilots-page__head">
        <h2>{heading}</h2>
        {canStart && (
          <a className="button pilots-page__start" href="/pilots/new">
            Start a pilot
          </a>
        )}
      </div>
      {clp !== undefined && (
        <p className="pilots-page__back">
          <a href="/pilots">All pilots</a>
        </p>
      )}
      <PilotFilters
        filters={filters}
        search={search}
        onSearch={(text) => {
          setSearch(text);
          setOffset(0);
        }}
        onChange={(f) => {
          setFilters(f);
          setOffset(0);
        }}
      />
      {pilots.isPending ? (
        <p className="state" role="status">
          Loading pilots…
        </p>
      ) : pilots.isError ? (
        <p className="state state--error" role="alert">
          The pilots could not be loaded: {errorMessage(pilots.error)}
        </p>
      ) : pilots.data.total === 0 ? (
        <p className="state" role="status">
          {filtered ? (
            'No pilots match these filters.'
          ) : canStart ? (
            <>
              No pilots yet — <a href="/pilots/new">start one</a>.
            </>
          ) : (
            'No pilots yet.'
          )}
        </p>
      ) : (
        <section aria-labelledby="pilot-list-count" aria-busy={pilots.isFetching}>
          <div className="pilots-page__bar">
            <p id="pilot-list-count" className="pilots-page__count" role="status">
              {pilots.data.total === 1 ? '1 pilot' : `${pilots.data.total} pilots`}
            </p>
            <a className="button button--secondary" href={pilotsCsvUrl(query)} download>
              Download CSV
            </a>
          </div>
          <ul className="pilot-list">
            {pilots.data.items.map((p) => (
              <PilotCard key={p.id} pilot={p} showClp={clp === undefined} />
            ))}
          </ul>
          <Pager
            label="Pages of pilots"
            offset={offset}
            pageSize={PILOTS_PAGE_SIZE}
            total={pilots.data.total}
            onOffset={setOffset}
          />
        </section>
      )}
    </div>
  );
}
