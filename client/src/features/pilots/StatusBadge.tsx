import type { TPilotStatus } from '@groundwork/server/contracts';
import { PILOT_STATUS_LABELS } from '@groundwork/server/contracts';
import { statusTone } from './format.ts';

/** The status in words, tinted by tone. */
export function StatusBadge(props: { status: TPilotStatus }) {
  return (
    <span className={`pilot-status pilot-status--${statusTone(props.status)}`} data-status={props.status}>
      {PILOT_STATUS_LABELS[props.status]}
    </span>
  );
}
