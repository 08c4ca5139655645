import {
  ELECTION_TYPES,
  ELECTION_TYPE_LABELS,
  SELECTION_STAGES,
  SELECTION_STAGE_LABELS,
} from '@groundwork/server/contracts';
import { useEffect, useState } from 'react';
import { ApiError, errorMessage } from '../../api/ApiError.ts';
import { fieldErrors, useSession } from '../auth/api.ts';
import { apiUrl } from '../../api/http.ts';
import { Field } from '../../ui/Field.tsx';
import { readFilters, useDownloadBoardCsv, useSelectionBoard, type SelectionBoardFilters } from './api.ts';
import { BoardTable } from './BoardTable.tsx';
import './selectionBoard.css';

function Choice(props: {
  label: string;
  value: string | undefined;
  all: string;
  options: readonly string[];
  labels: Record<string, string>;
  error: string | undefined;
  onChange: (value: string | undefined) => void;
}) {
  return (
    <Field label={props.label} error={props.error}>
      {(a) => (
        <select
          {...a}
          value={props.value ?? ''}
          onChange={(e) => props.onChange(e.target.value || undefined)}
        >
          <option value="">{props.all}</option>
          {props.options.map((o) => (
            <option key={o} value={o}>
              {props.labels[o]}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/**
 * The national selections board (selections:board: admins and regional staff): for each rule, how many
 * selections keep it, by region and by kind of seat. Filters live in the URL so a view can be shared.
 */
export default function SelectionBoardPage() {
  const session = useSession();
  const [filters, setFilters] = useState(() => readFilters(window.location.search));
  const grants = session.data?.grants ?? [];
  const allowed = grants.some((g) => g.role === 'admin' || g.role === 'regional_staff');
  const board = useSelectionBoard(filters, allowed);
  const csv = useDownloadBoardCsv();

  useEffect(() => {
    const search = apiUrl(window.location.pathname, { ...filters });
    window.history.replaceState(window.history.state, '', search);
  }, [filters]);

  if (session.isPending) {
    return (
      <p className="state" role="status">
        Loading…
      </p>
    );
  }
  if (!session.data) return <p className="state">Sign in to see the selections board.</p>;
  if (!allowed) {
    return (
      <p className="state">
        The selections board is for regional staff and admins. <a href="/selections">See the selections</a>
      </p>
    );
  }

  const errors = fieldErrors(board.error);
  const set = (change: SelectionBoardFilters) => setFilters({ ...filters, ...change });
  const forbidden = board.error instanceof ApiError && board.error.status === 403;
  const data = board.data;

  return (
    <div className="board selection-board" aria-busy={board.isFetching}>
      <form
        className="selection-board__filters"
        aria-label="Board filters"
        onSubmit={(e) => e.preventDefault()}
      >
        <Choice
          label="Election type"
          value={filters.electionType}
          all="Any election"
          options={ELECTION_TYPES}
          labels={ELECTION_TYPE_LABELS}
          error={errors.electionType}
          onChange={(electionType) => set({ electionType })}
        />
        <Choice
          label="Stage"
          value={filters.stage}
          all="Any stage"
          options={SELECTION_STAGES}
          labels={SELECTION_STAGE_LABELS}
          error={errors.stage}
          onChange={(stage) => set({ stage })}
        />
      </form>
      <div className="board__controls">
        <button
          type="button"
          className="button button--secondary"
          disabled={csv.isPending}
          onClick={() => csv.mutate(filters)}
        >
          {csv.isPending ? 'Preparing CSV…' : 'Download CSV'}
        </button>
        <a className="button button--secondary" href="/?measure=selection-compliance">
          Selection compliance on the seat map
        </a>
      </div>
      {csv.isError && (
        <p className="state state--error" role="alert">
          The CSV could not be downloaded: {errorMessage(csv.error)}
        </p>
      )}
      {forbidden ? (
        <p className="state state--error" role="alert">
          The selections board is for regional staff and admins.
        </p>
      ) : Object.keys(errors).length > 0 ? null : board.isError ? (
        <p className="state state--error" role="alert">
          The board could not be loaded: {errorMessage(board.error)}
        </p>
      ) : board.isPending || !data ? (
        <p className="state" role="status">
          Loading the board…
        </p>
      ) : data.all.selections === 0 ? (
        <p className="state">No selections match these filters yet.</p>
      ) : (
        <div className="selection-board__body">
          <p className="selection-board__summary" data-testid="board-summary">
            {summaryText(data.all.selections, data.all.overall.kept, data.all.overall.broken)}
          </p>
          <BoardTable
            caption="Rules kept, by region"
            groupHeading="Region"
            rows={data.regions}
            total={data.all}
          />
          <BoardTable caption="Rules kept, by kind of seat" groupHeading="Seats" rows={data.seatGroups} />
          <p className="selection-board__note">
            Each cell counts the selections a rule applies to: how many keep it, with the share in brackets,
            and how many break it or are at risk of breaking it. A rule about the longlist or shortlist is
            only kept or broken once the selection has reached that stage; before then a shortfall is at risk.
          </p>
        </div>
      )}
    </div>
  );
}

function summaryText(selections: number, kept: number, broken: number): string {
  const all = `${selections.toLocaleString('en-GB')} ${selections === 1 ? 'selection' : 'selections'}`;
  return `${all}: ${kept.toLocaleString('en-GB')} keep every rule that applies, ${broken.toLocaleString('en-GB')} break at least one.`;
}
