import type { TNationalBoard } from '@groundwork/server/contracts';
import { fmtCount } from '../pilots/format.ts';
import { boardSearch, hasPeriod, regionsMetText, UNDER_WAY_NOTE, type BoardFilters } from './api.ts';
import { GoalEditor } from './GoalEditor.tsx';
import { ActivitySection } from './RegionBoard.tsx';
import { VoteEffect } from './VoteEffect.tsx';

function RegionsTable({ board, filters }: { board: TNationalBoard; filters: BoardFilters }) {
  const met = board.regions.filter((r) => r.met).length;
  // The filters narrow this column only; the goal columns count every pilot.
  const pilotsLabel = Object.values(filters).some(Boolean) ? 'Pilots matching the filters' : 'Pilots';
  return (
    <>
      <p className="pilot-board__summary" data-testid="regions-met">
        {regionsMetText(met, board.regions.length, board.goal)}
      </p>
      <div className="table-scroll">
        <table className="seat-table board__table pilot-board__table pilot-board__table--stack">
          <caption>Pilots by region against the goal</caption>
          <thead>
            <tr>
              <th scope="col">Region</th>
              <th scope="col" className="num">
                {pilotsLabel}
              </th>
              <th scope="col" className="num">
                Under way
              </th>
              <th scope="col" className="num">
                Goal
              </th>
              <th scope="col">Goal met</th>
              <th scope="col" className="num">
                Red-wall seats without a pilot
              </th>
              <th scope="col" className="num">
                Target seats without a pilot
              </th>
              <th scope="col" className="num">
                Activities
              </th>
            </tr>
          </thead>
          <tbody>
            {board.regions.map((r) => (
              <tr key={r.region.code} data-region={r.region.code}>
                <th scope="row">
                  <a href={`/pilots/board${boardSearch(r.region.code, filters)}`}>{r.region.name}</a>
                </th>
                <td data-label={pilotsLabel} className="num">
                  {fmtCount(r.pilots)}
                </td>
                <td data-label="Under way" className="num">
                  {fmtCount(r.running)}
                </td>
                <td data-label="Goal" className="num">
                  {fmtCount(r.goal)}
                </td>
                <td data-label="Goal met" className="pilot-board__met" data-met={r.met}>
                  {r.met ? 'Yes' : `No — ${r.goal - r.running} to go`}
                </td>
                <td data-label="Red-wall seats without a pilot" className="num">
                  {fmtCount(r.seatsWithoutPilot.redWall)}
                </td>
                <td data-label="Target seats without a pilot" className="num">
                  {fmtCount(r.seatsWithoutPilot.target)}
                </td>
                <td data-label="Activities" className="num">
                  {fmtCount(r.totals.activities)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** Every region against the goal, activity over time, the goal itself (admins), and the vote comparison. */
export function NationalBoard(props: { board: TNationalBoard; filters: BoardFilters; admin: boolean }) {
  const { board, filters, admin } = props;
  return (
    <div className="pilot-board__body" data-region="national">
      <section className="pilot-board__section" aria-labelledby="regions-title">
        <h2 id="regions-title">All regions</h2>
        <p className="pilot-board__note" data-testid="under-way-note">
          {UNDER_WAY_NOTE}
        </p>
        {admin && <GoalEditor goal={board.goal} />}
        <RegionsTable board={board} filters={filters} />
      </section>
      <ActivitySection
        months={board.months}
        period={hasPeriod(filters)}
        caption="Activity of every pilot, by month"
      />
      <VoteEffect />
    </div>
  );
}
