import type { TNationalBoard } from '@groundwork/server/contracts';
import { ActivityChart } from '../pilots/ActivityChart.tsx';
import { fmtCount } from '../pilots/format.ts';
import { boardSearch, type BoardFilters } from './api.ts';
import { GoalEditor } from './GoalEditor.tsx';
import { chartPoints } from './RegionBoard.tsx';
import { VoteEffect } from './VoteEffect.tsx';

function RegionsTable({ board, filters }: { board: TNationalBoard; filters: BoardFilters }) {
  const met = board.regions.filter((r) => r.met).length;
  return (
    <>
      <p className="pilot-board__summary" data-testid="regions-met">
        {met} of {board.regions.length} regions have met the goal of {board.goal} pilots.
      </p>
      <div className="table-scroll">
        <table className="seat-table board__table pilot-board__table">
          <caption>Pilots by region against the goal</caption>
          <thead>
            <tr>
              <th scope="col">Region</th>
              <th scope="col" className="num">
                Pilots
              </th>
              <th scope="col" className="num">
                Running
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
                <td className="num">{fmtCount(r.pilots)}</td>
                <td className="num">{fmtCount(r.running)}</td>
                <td className="num">{fmtCount(r.goal)}</td>
                <td className="pilot-board__met" data-met={r.met}>
                  {r.met ? 'Yes' : `No — ${r.goal - r.running} to go`}
                </td>
                <td className="num">{fmtCount(r.seatsWithoutPilot.redWall)}</td>
                <td className="num">{fmtCount(r.seatsWithoutPilot.target)}</td>
                <td className="num">{fmtCount(r.totals.activities)}</td>
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
        <p className="pilot-board__note">
          Running counts pilots that are planned, active or paused; the goal is {board.goal} per region.
        </p>
        {admin && <GoalEditor goal={board.goal} />}
        <RegionsTable board={board} filters={filters} />
      </section>
      <section className="pilot-board__section" aria-labelledby="activity-title">
        <h3 id="activity-title">Activity over time</h3>
        {board.months.length === 0 ? (
          <p className="state">No activity has been logged for these pilots yet.</p>
        ) : (
          <ActivityChart
            points={chartPoints(board.months)}
            periodLabel="Month"
            caption="Activity of every pilot, by month"
          />
        )}
      </section>
      <VoteEffect />
    </div>
  );
}
