import { RULE_LABELS, type TSelection } from '@groundwork/server/contracts';
import { ComplianceBadge } from './ComplianceBadge.tsx';
import { countWords } from './words.ts';

/** Each rule's badge with its reason written out (and any officer's override, with theirs). */
export function CompliancePanel(props: { selection: TSelection }) {
  const { compliance } = props.selection;
  return (
    <section className="selection-panel" aria-labelledby="selection-compliance">
      <h3 id="selection-compliance">Rules</h3>
      <ul className="compliance-list">
        {compliance.rules.map((r) => (
          <li key={r.rule} className="compliance-list__item" data-rule={r.rule}>
            <ComplianceBadge state={r.state} reason={r.reason} label={RULE_LABELS[r.rule]} />
            <div>
              <p className="compliance-list__rule">{RULE_LABELS[r.rule]}</p>
              <p className="compliance-list__reason">{r.reason}</p>
              {r.override && (
                <p className="compliance-list__override">Changed for this selection: “{r.override.reason}”</p>
              )}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** How many applied, were longlisted and shortlisted, and the shares; small counts withheld. */
export function CompositionPanel(props: { selection: TSelection }) {
  const c = props.selection.composition;
  const w = (n: number | null) => countWords(n, c.suppressBelow);
  const rows: [string, string][] = [
    ['Applicants still standing', String(c.applicants)],
    ['Longlisted', String(c.longlisted)],
    ['Shortlisted', String(c.shortlisted)],
    ['Shortlisted living locally', w(c.shortlistLocal)],
    ['Shortlisted working class', w(c.shortlistWorkingClass)],
    ['Women on the longlist', w(c.longlistWomen)],
  ];
  return (
    <section className="selection-panel" aria-labelledby="selection-composition">
      <h3 id="selection-composition">Who is in it</h3>
      <dl className="selection-figures">
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <p className="muted">
        A count is shown only when at least {c.suppressBelow} people are on each side of it, so it cannot
        point at anyone.
      </p>
    </section>
  );
}
