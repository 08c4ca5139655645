import { useEffect, useState } from 'react';
import type { TRegion } from '@groundwork/server/contracts';
import { ApiError, errorMessage } from '../../api/ApiError.ts';
import { fieldErrors, useSession, type Grant } from '../auth/api.ts';
import { useRegions } from '../reference/api.ts';
import { ownRegionSource } from '../targets/ownRegion.ts';
import {
  boardSearch,
  hasPeriod,
  nationalCsvUrl,
  NATIONAL,
  periodProblems,
  readBoardUrl,
  regionCsvUrl,
  useNationalBoard,
  useRegionBoard,
  type BoardFilters as Filters,
} from './api.ts';
import { BoardFilters } from './BoardFilters.tsx';
import { NationalBoard } from './NationalBoard.tsx';
import { RegionBoard } from './RegionBoard.tsx';
import './pilotBoards.css';

/** pilots:boards on the server: admins anywhere, regional staff (their region, and the national view). */
function mayUseBoards(grants: readonly Grant[]): boolean {
  return grants.some((g) => g.role === 'admin' || g.role === 'regional_staff');
}

/** The regions whose board the user may open: every one for admins, else those of their regional grants. */
function visibleRegions(grants: readonly Grant[], regions: readonly TRegion[]): TRegion[] {
  if (grants.some((g) => g.role === 'admin')) return [...regions];
  const own = new Set(grants.filter((g) => g.role === 'regional_staff').map((g) => g.regionCode));
  return regions.filter((r) => own.has(r.code));
}

/** Which boards the user may open, in words, for a region that is not theirs (no reference id: not a fault). */
function notYoursText(mine: readonly TRegion[]): string {
  const names = mine.map((r) => r.name).join(', ');
  return names
    ? `You can see the board of ${names} and the national board, not this region's.`
    : "You can see the national board, not this region's.";
}

/**
 * The pilot boards: one region's (?region=<code>) or all regions' (no region, or ?region=all). Regional
 * staff open on their own region; everyone else on the national board. Region and filters live in the URL.
 */
export default function PilotBoardPage() {
  const session = useSession();
  const regions = useRegions();
  const [{ region: inUrl, filters }, setView] = useState(() => readBoardUrl(window.location.search));
  const grants = session.data?.grants ?? [];
  const own = ownRegionSource(grants.filter((g) => g.role === 'regional_staff'));
  const ownRegion = own && 'region' in own ? own.region : undefined;
  const chosen = inUrl ?? ownRegion ?? NATIONAL;
  const national = chosen === NATIONAL;
  const allowed = mayUseBoards(grants);
  const admin = grants.some((g) => g.role === 'admin');
  const mine = visibleRegions(grants, regions.data ?? []);
  // Known only once the regions are loaded; until then the server decides (and says no in words below).
  const notMine = !admin && !national && regions.isSuccess && !mine.some((r) => r.code === chosen);
  const problems = periodProblems(filters);
  const ask = allowed && !notMine && Object.keys(problems).length === 0;
  const nationalBoard = useNationalBoard(filters, ask && national);
  const regionBoard = useRegionBoard(national ? undefined : chosen, filters, ask && !national);
  const board = national ? nationalBoard : regionBoard;

  useEffect(() => {
    if (!session.data) return;
    // The national board needs ?region=all only where the user's own region would open instead.
    const search = boardSearch(chosen === NATIONAL && !ownRegion ? undefined : chosen, filters);
    window.history.replaceState(window.history.state, '', `${window.location.pathname}${search}`);
  }, [session.data, chosen, ownRegion, filters]);

  if (session.isPending) {
    return (
      <p className="state" role="status">
        Loading…
      </p>
    );
  }
  if (!session.data) {
    return <p className="state">Sign in to see the pilot board.</p>;
  }
  if (!allowed) {
    return (
      <p className="state">
        The pilot board is for regional staff and admins. <a href="/pilots">See your pilots</a>
      </p>
    );
  }

  const setFilters = (next: Filters) => setView({ region: chosen, filters: next });
  const csv = national ? nationalCsvUrl(filters) : regionCsvUrl(chosen, filters);
  const errors = { ...fieldErrors(board.error), ...problems };
  const forbidden = notMine || (board.error instanceof ApiError && board.error.status === 403);
  const period = hasPeriod(filters);

  return (
    <div className="board pilot-board" aria-busy={board.isFetching}>
      <BoardFilters
        region={chosen}
        regions={mine}
        filters={filters}
        errors={errors}
        onRegion={(region) => setView({ region, filters })}
        onChange={setFilters}
      />
      <div className="board__controls">
        <a className="button button--secondary" href={csv} download>
          Download CSV
        </a>
        <a className="button button--secondary" href="/?measure=pilots">
          Pilots on the seat map
        </a>
      </div>
      {forbidden ? (
        <p className="state state--error" role="alert">
          {notYoursText(mine)}
        </p>
      ) : Object.keys(errors).length > 0 ? null : board.isError ? (
        <p className="state state--error" role="alert">
          The board could not be loaded: {errorMessage(board.error)}
        </p>
      ) : board.isPending ? (
        <p className="state" role="status">
          Loading the board…
        </p>
      ) : national && nationalBoard.data ? (
        <NationalBoard board={nationalBoard.data} filters={filters} admin={admin} />
      ) : !national && regionBoard.data ? (
        <RegionBoard board={regionBoard.data} period={period} />
      ) : null}
    </div>
  );
}
