import { RULE_LABELS, type TCompliance } from '@groundwork/server/contracts';
import { ComplianceBadge } from './ComplianceBadge.tsx';

/** One badge per rule, named; the reason on hover or focus. */
export function RuleBadges(props: { compliance: TCompliance; label: string }) {
  return (
    <ul className="rule-badges" aria-label={props.label}>
      {props.compliance.rules.map((r) => (
        <li key={r.rule} className="rule-badges__item" data-rule={r.rule}>
          <ComplianceBadge state={r.state} reason={r.reason} label={RULE_LABELS[r.rule]} />
          <span className="rule-badges__name" aria-hidden="true">
            {RULE_LABELS[r.rule]}
          </span>
        </li>
      ))}
    </ul>
  );
}
