import type { TSeatSummary } from '@groundwork/server/contracts';
import { useState } from 'react';
import type { TableColumn } from '../../seat-map/measure.ts';

const PAGE_SIZE = 50;

/** The seat and its region come first; the measures in the registry add the rest. */
const SEAT: TableColumn = { id: 'seat', header: 'Seat', sort: 'name', cell: (s) => s.name };
const REGION: TableColumn = { id: 'region', header: 'Region', sort: 'region', cell: (s) => s.region.name };

interface SeatTableProps {
  rows: readonly TSeatSummary[];
  columns: readonly TableColumn[];
  sort: string;
  selected: string | undefined;
  partyName: (code: string) => string;
  onSort: (sort: string) => void;
  onSelect: (code: string) => void;
}

/**
 * The filtered seats as the server returned them (same filters and order as the map and the CSV), a page
 * at a time. The parent keys it by the filters so a new filter starts again at page one.
 */
export function SeatTable({ rows, columns, sort, selected, partyName, onSort, onSelect }: SeatTableProps) {
  const [page, setPage] = useState(0);
  const all = [SEAT, REGION, ...columns];
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const current = Math.min(page, pages - 1);
  const shown = rows.slice(current * PAGE_SIZE, (current + 1) * PAGE_SIZE);
  const descending = sort.startsWith('-');
  const sortKey = descending ? sort.slice(1) : sort;

  return (
    <>
      <div className="table-scroll">
        <table className="seat-table">
          <caption className="visually-hidden">
            Seats matching the filters, sorted by {all.find((c) => c.sort === sortKey)?.header ?? sortKey}
          </caption>
          <thead>
            <tr>
              {all.map((c) => {
                const active = c.sort !== undefined && c.sort === sortKey;
                const { sort: key } = c;
                return (
                  <th
                    key={c.id}
                    scope="col"
                    className={c.numeric ? 'num' : undefined}
                    aria-sort={
                      key ? (active ? (descending ? 'descending' : 'ascending') : 'none') : undefined
                    }
                  >
                    {key ? (
                      <button
                        type="button"
                        className="sort-button"
                        onClick={() => onSort(active && !descending ? `-${key}` : key)}
                      >
                        {c.header}
                        <span className="sort-button__icon" aria-hidden="true">
                          {active ? (descending ? '▼' : '▲') : '↕'}
                        </span>
                      </button>
                    ) : (
                      <span className="sort-button">{c.header}</span>
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {shown.map((s) => (
              <tr key={s.code} className={s.code === selected ? 'is-selected' : undefined} data-code={s.code}>
                {all.map((c, i) =>
                  i === 0 ? (
                    <th key={c.id} scope="row">
                      <button
                        type="button"
                        className="link-button"
                        aria-current={s.code === selected ? 'true' : undefined}
                        onClick={() => onSelect(s.code)}
                      >
                        {s.name}
                      </button>
                      {s.redWall && <span className="badge badge--redwall badge--small">Red wall</span>}
                    </th>
                  ) : (
                    <td key={c.id} className={c.numeric ? 'num' : undefined}>
                      {c.cell(s, partyName)}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 && (
        <nav className="pager" aria-label="Table pages">
          <button
            type="button"
            className="button button--secondary"
            disabled={current === 0}
            onClick={() => setPage(current - 1)}
          >
            Previous
          </button>
          <span>
            Rows {current * PAGE_SIZE + 1}–{current * PAGE_SIZE + shown.length} of {rows.length}
          </span>
          <button
            type="button"
            className="button button--secondary"
            disabled={current >= pages - 1}
            onClick={() => setPage(current + 1)}
          >
            Next
          </button>
        </nav>
      )}
    </>
  );
}
