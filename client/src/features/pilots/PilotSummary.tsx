import {
  ACTIVITY_COUNT_LABELS,
  PARTNER_KIND_LABELS,
  PILOT_CATEGORY_LABELS,
  PILOT_KIND_LABELS,
  PILOT_STATUS_LABELS,
  type TPilot,
} from '@groundwork/server/contracts';
import { fmtCount, fmtDay, fmtSpan } from './format.ts';
import { partnerLabel } from './PartnerPicker.tsx';

/** Where, when and who: the pilot's facts under its heading. */
export function PilotFacts(props: { pilot: TPilot }) {
  const p = props.pilot;
  return (
    <dl className="pilot-facts">
      <div>
        <dt>CLP</dt>
        <dd>
          <a href={`/pilots?clp=${p.clp.id}`}>{p.clp.name}</a>
        </dd>
      </div>
      <div>
        <dt>Seat</dt>
        <dd>
          <a href={`/?boundarySet=2024&seat=${p.seat.code}`}>{p.seat.name}</a> · {p.region.name}
        </dd>
      </div>
      <div>
        <dt>Dates</dt>
        <dd>{fmtSpan(p.startsOn, p.endsOn)}</dd>
      </div>
      <div>
        <dt>Kind</dt>
        <dd>
          {PILOT_KIND_LABELS[p.kind]} · {PILOT_CATEGORY_LABELS[p.category]}
        </dd>
      </div>
      {p.organiser && (
        <div>
          <dt>Organiser</dt>
          <dd>{p.organiser.name}</dd>
        </div>
      )}
      <div>
        <dt>Location</dt>
        <dd data-testid="pilot-location">
          {p.location ? (
            <a href={`/?boundarySet=2024&seat=${p.seat.code}`}>
              {p.location.lat.toFixed(5)}, {p.location.lng.toFixed(5)} in {p.seat.name}
            </a>
          ) : (
            'Not marked'
          )}
        </dd>
      </div>
      {p.origin && (
        <div>
          <dt>Started from</dt>
          <dd>
            <a href={`/pilots/${p.origin.id}`}>{p.origin.title}</a> ({p.origin.clp})
          </dd>
        </div>
      )}
    </dl>
  );
}

const TOTALS = [
  'activities',
  'participants',
  'conversations',
  'newMembers',
  'newUnionMembers',
  'newLeaders',
  'petitionSignatures',
] as const;
const TOTAL_LABELS: Record<(typeof TOTALS)[number], string> = {
  activities: 'Activities',
  ...ACTIVITY_COUNT_LABELS,
};

export function TotalsSection(props: { pilot: TPilot }) {
  return (
    <section className="pilot-section" aria-labelledby="pilot-totals">
      <h3 id="pilot-totals">Totals</h3>
      <dl className="pilot-totals">
        {TOTALS.map((k) => (
          <div key={k} data-total={k}>
            <dt>{TOTAL_LABELS[k]}</dt>
            <dd>{fmtCount(props.pilot.totals[k])}</dd>
          </div>
        ))}
      </dl>
      <p className="muted pilot-section__note">
        {props.pilot.lastActivityOn
          ? `Last activity ${fmtDay(props.pilot.lastActivityOn)}.`
          : 'No activity logged yet.'}
      </p>
    </section>
  );
}

export function PartnersSection(props: { pilot: TPilot }) {
  const partners = props.pilot.partners;
  return (
    <section className="pilot-section" aria-labelledby="pilot-partners">
      <h3 id="pilot-partners">Partners</h3>
      {partners.length === 0 ? (
        <p className="muted">No partners recorded{props.pilot.can.edit ? ': add them with Edit.' : '.'}</p>
      ) : (
        <ul className="pilot-partners">
          {partners.map((p) => (
            <li key={p.id}>
              <strong>{partnerLabel(p)}</strong> · {PARTNER_KIND_LABELS[p.kind]}
              {p.contactRole ? ` · contact: ${p.contactRole}` : ''}
              {p.pilotCount > 1 ? ` · in ${p.pilotCount} pilots` : ''}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function StatusTimeline(props: { pilot: TPilot }) {
  const changes = props.pilot.statusChanges;
  return (
    <section className="pilot-section" aria-labelledby="pilot-statuses">
      <h3 id="pilot-statuses">Status changes</h3>
      {changes.length === 0 ? (
        <p className="muted">No status changes recorded.</p>
      ) : (
        <ol className="pilot-timeline">
          {changes.map((c, i) => (
            <li key={`${c.changedOn}-${i}`}>
              <span className="pilot-timeline__when">{fmtDay(c.changedOn)}</span>{' '}
              <strong>{PILOT_STATUS_LABELS[c.status]}</strong>
              {c.changedBy ? <span className="muted"> · {c.changedBy.name}</span> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
