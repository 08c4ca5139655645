import type { TSeatSummary } from '@groundwork/server/contracts';
import { useState, type ReactNode } from 'react';
import { fmtInt, fmtPct, fmtSwing } from '../format.ts';

const PAGE_SIZE = 50;

interface Column {
  sort: string;
  label: string;
  numeric?: boolean;
  cell: (s: TSeatSummary, partyName: (code: string) => string) => ReactNode;
}

const COLUMNS: Column[] = [
  { sort: 'name', label: 'Seat', cell: (s) => s.name },
  { sort: 'region', label: 'Region', cell: (s) => s.region.name },
  { sort: 'winner', label: 'Winner', cell: (s, p) => (s.result ? p(s.result.winner) : '–') },
  { sort: 'majority', label: 'Majority', numeric: true, cell: (s) => fmtInt(s.result?.majority) },
  { sort: 'majorityPct', label: 'Majority %', numeric: true, cell: (s) => fmtPct(s.result?.majorityPct) },
  { sort: 'swingNeeded', label: 'Swing needed', numeric: true, cell: (s) => fmtSwing(s.result) },
  { sort: 'turnoutPct', label: 'Turnout', numeric: true, cell: (s) => fmtPct(s.result?.turnoutPct) },
  { sort: 'leavePct', label: 'Leave', numeric: true, cell: (s) => fmtPct(s.leavePct) },
  {
    sort: 'deprivationDecile',
    label: 'Deprivation decile',
    numeric: true,
    cell: (s) => s.deprivationDecile ?? '–',
  },
];

interface SeatTableProps {
  rows: readonly TSeatSummary[];
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
export function SeatTable({ rows, sort, selected, partyName, onSort, onSelect }: SeatTableProps) {
  const [page, setPage] = useState(0);
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
            Seats matching the filters, sorted by {COLUMNS.find((c) => c.sort === sortKey)?.label ?? sortKey}
          </caption>
          <thead>
            <tr>
              {COLUMNS.map((c) => {
                const active = c.sort === sortKey;
                return (
                  <th
                    key={c.sort}
                    scope="col"
                    className={c.numeric ? 'num' : undefined}
                    aria-sort={active ? (descending ? 'descending' : 'ascending') : 'none'}
                  >
                    <button
                      type="button"
                      className="sort-button"
                      onClick={() => onSort(active && !descending ? `-${c.sort}` : c.sort)}
                    >
                      {c.label}
                      <span className="sort-button__icon" aria-hidden="true">
                        {active ? (descending ? '▼' : '▲') : '↕'}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {shown.map((s) => (
              <tr key={s.code} className={s.code === selected ? 'is-selected' : undefined} data-code={s.code}>
                {COLUMNS.map((c, i) =>
                  i === 0 ? (
                    <th key={c.sort} scope="row">
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
                    <td key={c.sort} className={c.numeric ? 'num' : undefined}>
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
