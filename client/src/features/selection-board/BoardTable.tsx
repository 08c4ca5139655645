import {
  RULE_KEYS,
  RULE_LABELS,
  type TRuleKey,
  type TSelectionBoardRow,
  type TStateCounts,
} from '@groundwork/server/contracts';
import { keptText, troubleText } from './api.ts';

/** Column headings short enough for a table; the full rule is the heading's title and the key below. */
export const RULE_HEADINGS: Record<TRuleKey, string> = {
  localInput: 'Local input',
  longlistSize: 'Longlist size',
  localShare: 'Local shortlist',
  workingClassShare: 'Working-class shortlist',
  membersBallot: "Members' ballot",
  womenOnLonglist: 'Women on longlist',
  unionNomineesLonglisted: 'Union nominees longlisted',
};

const NONE: TStateCounts = { kept: 0, atRisk: 0, broken: 0, off: 0 };

function StateCell({ counts, label, none }: { counts: TStateCounts; label: string; none: boolean }) {
  const kept = keptText(counts);
  const trouble = troubleText(counts);
  return (
    <td data-label={label} data-broken={counts.broken} data-at-risk={counts.atRisk}>
      {none ? (
        <span className="selection-board__muted">—</span>
      ) : kept === null ? (
        <span className="selection-board__muted">Not applied</span>
      ) : (
        <>
          <span className="selection-board__kept">{kept}</span>
          {trouble && <span className="selection-board__trouble">{trouble}</span>}
          {counts.off > 0 && <span className="selection-board__muted">{counts.off} not applied</span>}
        </>
      )}
    </td>
  );
}

/**
 * One grouping of the board (regions, or kinds of seat): a row per group, the share keeping every rule
 * that applies, then each rule's. Wide, so it scrolls inside its own box (keyboard too) on a phone.
 */
export function BoardTable(props: {
  caption: string;
  groupHeading: string;
  rows: readonly TSelectionBoardRow[];
  total?: TSelectionBoardRow | undefined;
}) {
  const row = (r: TSelectionBoardRow, total = false) => (
    <tr key={r.key} data-group={r.key} className={total ? 'selection-board__total' : undefined}>
      <th scope="row">{r.label}</th>
      <td data-label="Selections" className="num">
        {r.selections === 0 ? 'None' : r.selections.toLocaleString('en-GB')}
      </td>
      <StateCell counts={r.overall} label="Every rule" none={r.selections === 0} />
      {RULE_KEYS.map((k) => (
        <StateCell
          key={k}
          counts={r.rules.find((c) => c.rule === k) ?? NONE}
          label={RULE_HEADINGS[k]}
          none={r.selections === 0}
        />
      ))}
    </tr>
  );
  return (
    <div
      className="table-scroll selection-board__scroll"
      tabIndex={0}
      role="region"
      aria-label={props.caption}
    >
      <table className="seat-table board__table selection-board__table">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{props.groupHeading}</th>
            <th scope="col" className="num">
              Selections
            </th>
            <th scope="col">Every rule</th>
            {RULE_KEYS.map((k) => (
              <th key={k} scope="col" title={RULE_LABELS[k]}>
                {RULE_HEADINGS[k]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{props.rows.map((r) => row(r))}</tbody>
        {props.total && <tfoot>{row(props.total, true)}</tfoot>}
      </table>
    </div>
  );
}
