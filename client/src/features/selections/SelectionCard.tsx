import { ELECTION_TYPE_LABELS, type TSelectionSummary } from '@groundwork/server/contracts';
import { ComplianceBadge } from './ComplianceBadge.tsx';
import { RuleBadges } from './RuleBadges.tsx';
import { StageTimeline } from './StageTimeline.tsx';

/** One selection in the tracker: where, what kind, its stages and how it keeps each rule. */
export function SelectionCard(props: { selection: TSelectionSummary }) {
  const s = props.selection;
  const worst = s.compliance.rules.find((r) => r.state === s.compliance.overall);
  return (
    <li className="selection-card" data-selection={s.id}>
      <div className="selection-card__head">
        <h3 className="selection-card__title">
          <a href={`/selections/${s.id}`}>
            {s.area}: {ELECTION_TYPE_LABELS[s.electionType]}
          </a>
        </h3>
        <span className="selection-card__overall">
          <span className="muted">Overall </span>
          <ComplianceBadge
            state={s.compliance.overall}
            label="Overall"
            reason={worst ? worst.reason : 'No rule applies to this selection.'}
          />
        </span>
      </div>
      <p className="selection-card__meta">
        {s.clp.name} · {s.region.name}
        {s.sittingMember ? ' · sitting member' : ''}
      </p>
      <StageTimeline selection={s} label={`Stages of the ${s.area} selection`} />
      <RuleBadges compliance={s.compliance} label={`Rules kept by the ${s.area} selection`} />
    </li>
  );
}
