import type { TSeatDetail } from '@groundwork/server/contracts';
import { useCallback, useMemo, useRef, useState } from 'react';
import { errorMessage } from '../../api/ApiError.ts';
import { toSearchParams } from '../../api/http.ts';
import { useClientConfig, useElections, useParties, usePartyIndex, useRegions } from '../reference/api.ts';
import { useSeatShapes } from '../seat-map/api.ts';
import type { FocusRequest } from '../seat-map/layers/MapFocus.tsx';
import { colourScale } from '../seat-map/measures.ts';
import { SeatMap } from '../seat-map/SeatMap.tsx';
import { seatCsvUrl, seatListParams, useSeatList } from '../seats/api.ts';
import { SeatCard } from '../seats/components/SeatCard.tsx';
import { useSeatTargets, useTargetVisibility } from '../targets/api.ts';
import { ControlsPanel } from './components/ControlsPanel.tsx';
import { MapToolbar, type TargetAvailability } from './components/MapToolbar.tsx';
import { SeatSearch } from './components/SeatSearch.tsx';
import { TablePanel } from './components/TablePanel.tsx';
import { useViewState } from './useViewState.ts';
import { hasFilters, NO_FILTERS } from './viewState.ts';

/** The regional staffer's page: filters, map, seat card and table, all driven by the URL. */
export function SeatsPage() {
  const [state, update] = useViewState();
  const regions = useRegions();
  const parties = useParties();
  const elections = useElections();
  const config = useClientConfig();
  const partyIndex = usePartyIndex();
  const list = useSeatList(state);
  const names = useSeatShapes('hex', state.boundarySet);

  const partyName = useCallback((code: string) => partyIndex.get(code)?.name ?? code, [partyIndex]);
  // Targets exist on the 2024 seats only; the seat API knows nothing of them, so they are joined and
  // filtered here, in the browser.
  const visibility = useTargetVisibility();
  const targetMap = useSeatTargets();
  const targets: TargetAvailability =
    state.boundarySet !== '2024' ? 'boundaries' : visibility === 'visible' ? 'ok' : 'signin';
  const measure = state.measure === 'target' && targets !== 'ok' ? 'winner' : state.measure;
  const targetFilter = targets === 'ok' ? state.target : undefined;
  const listData = useMemo(() => {
    const data = list.data;
    const marks = targets === 'ok' ? targetMap.data : undefined;
    if (!data || !marks) return data;
    const items = data.items.map((s) => ({ ...s, target: marks.get(s.code) ?? null }));
    return {
      ...data,
      items: targetFilter ? items.filter((s) => (s.target?.status ?? 'NONE') === targetFilter) : items,
    };
  }, [list.data, targets, targetMap.data, targetFilter]);
  const rows = listData?.items;
  const scale = useMemo(() => colourScale(measure, partyIndex, rows ?? []), [measure, partyIndex, rows]);
  const matches = useMemo(
    () => (rows && !list.isPlaceholderData ? rows.map((s) => s.code) : undefined),
    [rows, list.isPlaceholderData],
  );
  const seatNames = useMemo(
    () => [...(names.data?.places ?? new Map()).entries()].map(([code, p]) => ({ code, name: p.name })),
    [names.data],
  );

  // A shared link opening a seat centres the map on it, as a search does.
  const nonce = useRef(1);
  const [focus, setFocus] = useState<FocusRequest | null>(() =>
    state.seat ? { kind: 'seat', code: state.seat, nonce: 1 } : null,
  );
  const selectSeat = useCallback(
    (code: string, pan: boolean) => {
      update({ seat: code });
      if (pan) setFocus({ kind: 'seat', code, nonce: ++nonce.current });
    },
    [update],
  );
  const onMapSelect = useCallback((code: string) => selectSeat(code, false), [selectSeat]);
  const onSearchSelect = useCallback((code: string) => selectSeat(code, true), [selectSeat]);
  const onRegionChosen = useCallback(() => setFocus({ kind: 'matches', nonce: ++nonce.current }), []);
  const openRelated = useCallback(
    (r: TSeatDetail['predecessors'][number]) => {
      update({ boundarySet: r.boundarySet, seat: r.code });
      setFocus({ kind: 'seat', code: r.code, nonce: ++nonce.current });
    },
    [update],
  );
  const filtered = hasFilters(state);
  const referenceError = regions.error ?? parties.error ?? elections.error;

  return (
    <div className="page">
      <aside className="page__controls">
        <SeatSearch seats={seatNames} disabled={!names.data} onSelect={onSearchSelect} />
        <ControlsPanel
          state={state}
          regions={regions.data ?? []}
          parties={parties.data ?? []}
          elections={elections.data ?? []}
          targets={targets}
          onChange={update}
          onRegionChosen={onRegionChosen}
        />
        {referenceError && (
          <p className="state state--error" role="alert">
            Some choices could not be loaded: {errorMessage(referenceError)}
          </p>
        )}
      </aside>

      <section className="page__map" aria-label="Seat map">
        <MapToolbar measure={measure} targets={targets} view={state.view} onChange={update} />
        <SeatMap
          view={state.view}
          boundarySet={state.boundarySet}
          scale={scale}
          seats={rows}
          matches={matches}
          filtered={filtered}
          figures={list.data ? 'ready' : list.isError ? 'error' : 'loading'}
          selected={state.seat}
          focus={focus}
          config={config.data}
          partyName={partyName}
          onSelect={onMapSelect}
        />
      </section>

      <aside className="page__card" aria-label="Selected seat">
        {state.seat ? (
          <SeatCard
            key={`${state.boundarySet}-${state.seat}`}
            boundarySet={state.boundarySet}
            code={state.seat}
            election={state.election}
            partyName={partyName}
            onClose={() => update({ seat: undefined })}
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
          data={listData}
          error={list.error}
          loading={list.isPending}
          updating={list.isPlaceholderData}
          csvUrl={seatCsvUrl(state)}
          csvNote={targetFilter ? 'The CSV lists these seats without the target filter.' : undefined}
          tableKey={toSearchParams({
            ...seatListParams(state),
            sort: undefined,
            target: targetFilter,
          }).toString()}
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
