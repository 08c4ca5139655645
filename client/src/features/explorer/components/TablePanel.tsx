import type { TSeatListResponse } from '@groundwork/server/contracts';
import { errorMessage } from '../../../api/ApiError.ts';
import type { TableColumn } from '../../seat-map/measure.ts';
import { SeatTable } from '../../seats/components/SeatTable.tsx';

interface TablePanelProps {
  data: TSeatListResponse | undefined;
  error: unknown;
  loading: boolean;
  updating: boolean;
  csvUrl: string;
  tableKey: string;
  /** The measures' columns that can be shown here, after the seat and its region. */
  columns: readonly TableColumn[];
  sort: string;
  selected: string | undefined;
  filtered: boolean;
  partyName: (code: string) => string;
  onSort: (sort: string) => void;
  onSelect: (code: string) => void;
  onClearFilters: () => void;
  onRetry: () => void;
}

/** The table beside the map: the same filtered rows, with their count and a CSV of exactly them (the
 * link carries the same query, layer filters included). */
export function TablePanel(props: TablePanelProps) {
  const { data, error, loading, updating, csvUrl, tableKey, filtered } = props;
  const count = data?.items.length ?? 0;
  return (
    <section className="table-panel" aria-labelledby="table-title" aria-busy={loading || updating}>
      <header className="table-panel__header">
        <h2 id="table-title" className="table-panel__title">
          Seats{' '}
          <span className="table-panel__count">
            {data ? `${count} ${count === 1 ? 'seat' : 'seats'}` : ''}
          </span>
        </h2>
        {count > 0 ? (
          <a className="button button--secondary" href={csvUrl} download>
            Download CSV ({count})
          </a>
        ) : (
          <span className="button button--secondary is-disabled" aria-disabled="true">
            Download CSV
          </span>
        )}
      </header>
      {error !== null && !data ? (
        <div className="state state--error" role="alert">
          <p>The seats could not be loaded: {errorMessage(error)}</p>
          <button type="button" className="button" onClick={props.onRetry}>
            Try again
          </button>
        </div>
      ) : loading ? (
        <p className="state" role="status">
          Loading seats…
        </p>
      ) : count === 0 ? (
        <div className="state" role="status">
          <p>No seats match these filters.</p>
          {filtered && (
            <button type="button" className="button button--secondary" onClick={props.onClearFilters}>
              Clear filters
            </button>
          )}
        </div>
      ) : (
        <SeatTable
          key={tableKey}
          rows={data?.items ?? []}
          columns={props.columns}
          sort={props.sort}
          selected={props.selected}
          partyName={props.partyName}
          onSort={props.onSort}
          onSelect={props.onSelect}
        />
      )}
      {error !== null && data && (
        <p className="state state--error" role="alert">
          Showing earlier results: {errorMessage(error)}
        </p>
      )}
    </section>
  );
}
