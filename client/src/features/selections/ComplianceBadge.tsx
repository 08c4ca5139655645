import { COMPLIANCE_STATE_LABELS, type TComplianceState } from '@groundwork/server/contracts';
import { useId, useState } from 'react';
import { COMPLIANCE_ICONS } from './words.ts';

/**
 * A compliance state in words with its shape (✓ ! ✕ –) and colour. The reason shows on hover and on
 * keyboard focus (the badge is focusable and described by it); Escape hides it, as a tooltip should.
 */
export function ComplianceBadge(props: {
  state: TComplianceState;
  reason: string;
  /** What the badge is about, e.g. the rule's name: said before the state, for lists of badges. */
  label?: string | undefined;
}) {
  const tipId = useId();
  const [hover, setHover] = useState(false);
  const [focus, setFocus] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  const open = (hover || focus) && !dismissed;
  const words = COMPLIANCE_STATE_LABELS[props.state];
  return (
    <span
      className="cbadge-wrap"
      onMouseEnter={() => {
        setHover(true);
        setDismissed(false);
      }}
      onMouseLeave={() => setHover(false)}
    >
      <span
        className={`cbadge cbadge--${props.state}`}
        data-state={props.state}
        tabIndex={0}
        aria-describedby={tipId}
        onFocus={() => {
          setFocus(true);
          setDismissed(false);
        }}
        onBlur={() => setFocus(false)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && open) {
            e.stopPropagation();
            setDismissed(true);
          }
        }}
      >
        <span className="cbadge__icon" aria-hidden="true">
          {COMPLIANCE_ICONS[props.state]}
        </span>
        {props.label ? (
          <>
            <span className="visually-hidden">{props.label}: </span>
            {words}
          </>
        ) : (
          words
        )}
      </span>
      <span role="tooltip" id={tipId} className="cbadge__tip" hidden={!open}>
        {props.reason}
      </span>
    </span>
  );
}
