import { SELECTION_STAGE_LABELS, type TSelectionSummary } from '@groundwork/server/contracts';
import { fmtDay } from '../pilots/format.ts';
import { STAGE_STATE_WORDS, timeline } from './words.ts';

/** Every stage in order, each with its dates and whether it is done, current or to come, in words. */
export function StageTimeline(props: {
  selection: Pick<TSelectionSummary, 'stage' | 'stages' | 'sittingMember'>;
  label: string;
}) {
  return (
    <ol className="stage-timeline" aria-label={props.label}>
      {timeline(props.selection).map((t) => (
        <li
          key={t.stage}
          className={`stage-timeline__step stage-timeline__step--${t.state}`}
          aria-current={t.state === 'current' ? 'step' : undefined}
          data-stage={t.stage}
        >
          <span className="stage-timeline__name">{SELECTION_STAGE_LABELS[t.stage]}</span>
          <span className="stage-timeline__state">{STAGE_STATE_WORDS[t.state]}</span>
          <span className="stage-timeline__dates">
            {t.actualOn
              ? `Held ${fmtDay(t.actualOn)}`
              : t.plannedOn
                ? `Planned ${fmtDay(t.plannedOn)}`
                : 'No date yet'}
            {t.actualOn && t.plannedOn && t.plannedOn !== t.actualOn && (
              <span className="muted"> (planned {fmtDay(t.plannedOn)})</span>
            )}
          </span>
        </li>
      ))}
    </ol>
  );
}
