import {
  PILOT_KIND_LABELS,
  PILOT_STATUS_LABELS,
  type TBoardMonth,
  type TRegionBoard,
} from '@groundwork/server/contracts';
import { ActivityChart } from '../pilots/ActivityChart.tsx';
import { fmtCount, fmtDay } from '../pilots/format.ts';
import { STATUS_LABELS as TARGET_LABELS } from '../targets/api.ts';
import { goalText, UNDER_WAY_NOTE } from './api.ts';

export function chartPoints(months: readonly TBoardMonth[]) {
  return months.map(({ month, ...totals }) => ({ period: month, ...totals }));
}

/** The region's count against the goal, in words and as a meter (which says the same). */
export function GoalMeter({ running, goal, label }: { running: number; goal: number; label: string }) {
  const text = goalText(running, goal);
  return (
    <div className="goal-meter" data-met={running >= goal}>
      <p className="goal-meter__text" data-testid="goal-text">
        {text}
      </p>
      <meter min={0} max={goal} value={Math.min(running, goal)} aria-label={`${label}: ${text}`}>
        {text}
      </meter>
    </div>
  );
}

function PilotsTable({ board, period }: { board: TRegionBoard; period: boolean }) {
  if (board.pilots.length === 0) {
    return (
      <p className="state" role="status">
        No pilots in {board.region.name} match these filters yet. <a href="/pilots/new">Start a pilot</a>
      </p>
    );
  }
  return (
    <div className="table-scroll">
      <table className="seat-table board__table pilot-board__table pilot-board__table--stack">
        <caption>
          Pilots in {board.region.name} ({board.pilots.length})
        </caption>
        <thead>
          <tr>
            <th scope="col">Pilot</th>
            <th scope="col">CLP</th>
            <th scope="col">Status</th>
            <th scope="col">Started</th>
            <th scope="col" className="num">
              Activities
            </th>
            <th scope="col" className="num">
              People taking part
            </th>
            <th scope="col" className="num">
              Conversations
            </th>
            <th scope="col" className="num">
              New members
            </th>
            <th scope="col">Last activity</th>
          </tr>
        </thead>
        <tbody>
          {board.pilots.map((p) => (
            <tr key={p.id} data-pilot={p.id}>
              <th scope="row">
                <a href={`/pilots/${p.id}`}>{p.title}</a>
                <span className="pilot-board__kind">{PILOT_KIND_LABELS[p.kind]}</span>
              </th>
              <td data-label="CLP">{p.clp.name}</td>
              <td data-label="Status">{PILOT_STATUS_LABELS[p.status]}</td>
              <td data-label="Started">{fmtDay(p.startsOn)}</td>
              <td data-label="Activities" className="num">
                {fmtCount(p.totals.activities)}
              </td>
              <td data-label="People taking part" className="num">
                {fmtCount(p.totals.participants)}
              </td>
              <td data-label="Conversations" className="num">
                {fmtCount(p.totals.conversations)}
              </td>
              <td data-label="New members" className="num">
                {fmtCount(p.totals.newMembers)}
              </td>
              <td data-label="Last activity">
                {p.lastActivityOn
                  ? fmtDay(p.lastActivityOn)
                  : period
                    ? 'No activity in this period'
                    : 'None yet'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SeatsWithoutPilot({ board }: { board: TRegionBoard }) {
  const seats = board.seatsWithoutPilot;
  return (
    <section className="pilot-board__section" aria-labelledby="no-pilot-title">
      <h3 id="no-pilot-title">Red-wall and target seats with no pilot ({seats.length})</h3>
      {seats.length === 0 ? (
        <p className="state">Every red-wall and target seat in {board.region.name} has a pilot.</p>
      ) : (
        <ul className="pilot-board__seats">
          {seats.map((s) => (
            <li key={s.code} data-seat={s.code}>
              <a href={`/?boundarySet=2024&seat=${s.code}`}>{s.name}</a>
              <span className="pilot-board__tags">
                {[s.redWall ? 'Red wall' : '', s.target ? `Target: ${TARGET_LABELS[s.target]}` : '']
                  .filter(Boolean)
                  .join(' · ')}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The months' activity as a chart, or why there is none (nothing at all, or nothing in the period). */
export function ActivitySection(props: { months: readonly TBoardMonth[]; period: boolean; caption: string }) {
  return (
    <section className="pilot-board__section" aria-labelledby="activity-title">
      <h3 id="activity-title">Activity over time</h3>
      {props.months.length > 0 ? (
        <ActivityChart points={chartPoints(props.months)} periodLabel="Month" caption={props.caption} />
      ) : (
        <p className="state">
          {props.period ? 'No activity in this period.' : 'No activity has been logged for these pilots yet.'}
        </p>
      )}
    </section>
  );
}

/** One region's pilots against the goal, the seats still without one, and what the pilots did month by month. */
export function RegionBoard({ board, period }: { board: TRegionBoard; period: boolean }) {
  return (
    <div className="pilot-board__body" data-region={board.region.code}>
      <section className="pilot-board__section" aria-labelledby="goal-title">
        <h2 id="goal-title">{board.region.name}</h2>
        <GoalMeter
          running={board.counts.running}
          goal={board.goal}
          label="Pilots under way against the goal"
        />
        <p className="pilot-board__note" data-testid="under-way-note">
          {UNDER_WAY_NOTE}
        </p>
      </section>
      <PilotsTable board={board} period={period} />
      <SeatsWithoutPilot board={board} />
      <ActivitySection
        months={board.months}
        period={period}
        caption={`Activity of the pilots in ${board.region.name}, by month`}
      />
    </div>
  );
}
