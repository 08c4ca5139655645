import type { TSeatDetail } from '@groundwork/server/contracts';
import { useCallback, useMemo, useRef, useState } from 'react';
import { errorMessage } from '../../api/ApiError.ts';
import { useClientConfig, useElections, useParties, usePartyIndex, useRegions } from '../reference/api.ts';
import { useSeatShapes } from '../seat-map/api.ts';
import type { FocusRequest } from '../seat-map/layers/MapFocus.tsx';
import { SeatMap } from '../seat-map/SeatMap.tsx';
import { SeatCard } from '../seats/components/SeatCard.tsx';
import { ControlsPanel } from './components/ControlsPanel.tsx';
import { FiltersDrawer } from './components/FiltersDrawer.tsx';
import { MapToolbar } from './components/MapToolbar.tsx';
import { SeatSearch } from './components/SeatSearch.tsx';
import { TablePanel } from './components/TablePanel.tsx';
import { useSeatView } from './useSeatView.ts';
import { useSeatCard } from './useSeatCard.ts';
import { useViewState } from './useViewState.ts';
import { filterCount, NO_FILTERS, parseViewState } from './viewState.ts';

/** The regional staffer's page: filters, map, seat card and table, all driven by the URL. */
export function SeatsPage() {
  // A shared link opening a seat centres the map on it, as a search does; Back and Forward bring the
  // restored seat into view, as choosing it did.
  const nonce = useRef(1);
  const [focus, setFocus] = useState<FocusRequest | null>(() => {
    const seat = parseViewState(window.location.search).seat;
    return seat ? { kind: 'seat', code: seat, nonce: 1 } : null;
  });
  const onRestore = useCallback((restored: { seat?: string | undefined }) => {
    if (restored.seat) setFocus({ kind: 'seat', code: restored.seat, nonce: ++nonce.current });
  }, []);
  const [state, update] = useViewState(onRestore);
  const regions = useRegions();
  const parties = useParties();
  const elections = useElections();
  const config = useClientConfig();
  const partyIndex = usePartyIndex();
  // The registry's measures decide the seat query, colours, filters, columns and card sections; the
  // server joins every layer (targets, …) into the seat rows.
  const seats = useSeatView(state);
  const { list, rows, scale, matches } = seats;
  // The first picture is the map: the table and the search's names (the hex map's) wait until it is drawn.
  const [settled, setSettled] = useState(false);
  const onMapSettled = useCallback(() => setSettled(true), []);
  const names = useSeatShapes('hex', state.boundarySet, { enabled: settled });

  const partyName = useCallback((code: string) => partyIndex.get(code)?.name ?? code, [partyIndex]);
  const seatNames = useMemo(
    () => [...(names.data?.places ?? new Map()).entries()].map(([code, p]) => ({ code, name: p.name })),
    [names.data],
  );

  const selectSeat = useCallback(
    (code: string, pan: boolean) => {
      update({ seat: code });
      if (pan) setFocus({ kind: 'seat', code, nonce: ++nonce.current });
    },
    [update],
  );
  const closeSeat = useCallback(() => update({ seat: undefined }), [update]);
  const { cardRef, closeCard, reveal } = useSeatCard(state.seat, closeSeat);
  const onMapSelect = useCallback((code: string) => selectSeat(code, false), [selectSeat]);
  const onSearchSelect = useCallback(
    (code: string) => {
      selectSeat(code, true);
      reveal();
    },
    [selectSeat, reveal],
  );
  const onRegionChosen = useCallback(() => setFocus({ kind: 'matches', nonce: ++nonce.current }), []);
  const openRelated = useCallback(
    (r: TSeatDetail['predecessors'][number]) => {
      update({ boundarySet: r.boundarySet, seat: r.code });
      setFocus({ kind: 'seat', code: r.code, nonce: ++nonce.current });
    },
    [update],
  );
  const filtered = seats.filtered;
  const referenceError = regions.error ?? parties.error ?? elections.error;

  return (
    <div className="page">
      <FiltersDrawer
        search={<SeatSearch seats={seatNames} disabled={!names.data} onSelect={onSearchSelect} />}
        active={filterCount(state)}
      >
        <ControlsPanel
          state={state}
          regions={regions.data ?? []}
          elections={elections.data ?? []}
          filterGroups={seats.filterGroups}
          onChange={update}
          onRegionChosen={onRegionChosen}
        />
        {referenceError && (
          <p className="state state--error" role="alert">
            Some choices could not be loaded: {errorMessage(referenceError)}
          </p>
        )}
      </FiltersDrawer>

      <section className="page__map" aria-label="Seat map">
        <MapToolbar measure={seats.measure} options={seats.options} view={state.view} onChange={update} />
        <SeatMap
          view={state.view}
          boundarySet={state.boundarySet}
          scale={scale}
          seats={rows}
          matches={matches}
          filtered={filtered}
          figures={
            // The winners' colours come with the parties: until they load, the seats are only grey.
            list.data && (parties.data || parties.isError) ? 'ready' : list.isError ? 'error' : 'loading'
          }
          selected={state.seat}
          focus={focus}
          config={config.data}
          partyName={partyName}
          onSelect={onMapSelect}
          onSettled={onMapSettled}
        />
      </section>

      <aside className="page__card" aria-label="Selected seat" ref={cardRef}>
        {state.seat ? (
          <SeatCard
            key={`${state.boundarySet}-${state.seat}`}
            boundarySet={state.boundarySet}
            code={state.seat}
            election={state.election}
            partyName={partyName}
            viewer={seats.viewer}
            sections={seats.cardSections}
            onClose={closeCard}
            onOpenRelated={openRelated}
          />
        ) : (
          <div className="seat-card seat-card--empty">
            <h2 className="seat-card__title">No seat selected</h2>
            <p>Click a seat on the map, pick one in the table, or find it by name to see its results.</p>
          </div>
        )}
      </aside>

      <div className="page__table">
        <TablePanel
          data={list.data}
          error={list.error}
          loading={list.isPending || !settled}
          updating={seats.updating}
          csvUrl={seats.csvUrl}
          tableKey={seats.tableKey}
          columns={seats.columns}
          sort={state.sort}
          selected={state.seat}
          filtered={filtered}
          partyName={partyName}
          onSort={(sort) => update({ sort })}
          onSelect={onSearchSelect}
          onClearFilters={() => update(NO_FILTERS)}
          onRetry={() => void list.refetch()}
        />
      </div>
    </div>
  );
}
