import { PILOT_KIND_LABELS, type TPilotSummary } from '@groundwork/server/contracts';
import { fmtCount, fmtDay, fmtSpan } from './format.ts';
import { StatusBadge } from './StatusBadge.tsx';

/** One pilot in a list: what, where, when, and how much has happened. */
export function PilotCard(props: { pilot: TPilotSummary; showClp: boolean }) {
  const p = props.pilot;
  return (
    <li className="pilot-card" data-pilot={p.id}>
      <div className="pilot-card__head">
        <h3 className="pilot-card__title">
          <a href={`/pilots/${p.id}`}>{p.title}</a>
        </h3>
        <StatusBadge status={p.status} />
      </div>
      <p className="pilot-card__meta">
        {props.showClp && (
          <>
            <a href={`/pilots?clp=${p.clp.id}`}>{p.clp.name}</a> ·{' '}
          </>
        )}
        {PILOT_KIND_LABELS[p.kind]} · {fmtSpan(p.startsOn, p.endsOn)}
      </p>
      <dl className="pilot-card__figures">
        <div>
          <dt>Conversations</dt>
          <dd>{fmtCount(p.totals.conversations)}</dd>
        </div>
        <div>
          <dt>New members</dt>
          <dd>{fmtCount(p.totals.newMembers)}</dd>
        </div>
        <div>
          <dt>Last activity</dt>
          <dd>{p.lastActivityOn ? fmtDay(p.lastActivityOn) : 'None yet'}</dd>
        </div>
      </dl>
    </li>
  );
}
