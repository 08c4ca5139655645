import { pilotIdFromPath } from '@groundwork/server/contracts';
import { useRef, useState } from 'react';
import { ApiError, errorMessage } from '../../api/ApiError.ts';
import { ActivityChart } from './ActivityChart.tsx';
import { ActivityImport } from './ActivityImport.tsx';
import { ActivitySection } from './ActivitySection.tsx';
import { usePilot } from './api.ts';
import { CommentsSection } from './CommentsSection.tsx';
import { fmtDay, isEnded } from './format.ts';
import { OutcomeSection } from './OutcomeSection.tsx';
import { PilotEdit } from './PilotEdit.tsx';
import { PilotHistory } from './PilotHistory.tsx';
import { PartnersSection, PilotFacts, StatusTimeline, TotalsSection } from './PilotSummary.tsx';
import { ReplicateButton } from './ReplicateDialog.tsx';
import { StatusBadge } from './StatusBadge.tsx';
import './pilots.css';

/** /pilots/<id>: everything about one pilot, with the activity log in the middle. */
export default function PilotPage() {
  const [id] = useState(() => pilotIdFromPath(window.location.pathname) ?? 0);
  const query = usePilot(id);
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);

  if (query.isPending) {
    return (
      <p className="state" role="status">
        Loading the pilot…
      </p>
    );
  }
  if (query.isError) {
    const status = query.error instanceof ApiError ? query.error.status : 0;
    return (
      <div className="state state--error" role="alert">
        <p>
          {status === 404
            ? 'There is no such pilot.'
            : status === 401
              ? 'Sign in to see this pilot.'
              : status === 403
                ? 'You may not see this pilot.'
                : `The pilot could not be loaded: ${errorMessage(query.error)}`}
        </p>
        <a href="/pilots">Back to pilots</a>
      </div>
    );
  }
  const pilot = query.data;
  const ended = isEnded(pilot.status);
  const stopEditing = () => {
    setEditing(false);
    requestAnimationFrame(() => editButton.current?.focus());
  };

  return (
    <article className="pilot-page" aria-labelledby="pilot-title" data-pilot={pilot.id}>
      <p className="pilots-page__back">
        <a href={`/pilots?clp=${pilot.clp.id}`}>{pilot.clp.name}: pilots</a>
      </p>
      <header className="pilot-page__head">
        <h2 id="pilot-title">{pilot.title}</h2>
        <p className="pilot-page__status">
          <StatusBadge status={pilot.status} />
          <span className="muted"> since {fmtDay(pilot.statusOn)}</span>
        </p>
      </header>
      {editing ? (
        <section className="pilot-section" aria-label="Edit pilot">
          <h3>Edit pilot</h3>
          <PilotEdit pilot={pilot} onDone={stopEditing} />
        </section>
      ) : (
        <section className="pilot-section pilot-about" aria-label="About this pilot">
          <PilotFacts pilot={pilot} />
          <h3>The local issue</h3>
          <p className="pilot-text">{pilot.issue}</p>
          <h3>Goals</h3>
          <p className="pilot-text">{pilot.goals || 'No goals written down yet.'}</p>
          <div className="pilot-page__actions">
            {pilot.can.edit && (
              <button ref={editButton} type="button" className="button" onClick={() => setEditing(true)}>
                Edit
              </button>
            )}
            <ReplicateButton pilot={pilot} />
          </div>
        </section>
      )}
      <div className="pilot-page__columns">
        <div className="pilot-page__main">
          {/* Once the pilot has ended, its outcome is what matters most: offered before the figures. */}
          {ended && <OutcomeSection pilot={pilot} />}
          <TotalsSection pilot={pilot} />
          <ActivityChart
            points={pilot.timeline.map((p) => ({ period: p.week, ...p }))}
            periodLabel="Week"
            caption="Activity by week"
          />
          <ActivitySection pilot={pilot} />
          {pilot.can.edit && <ActivityImport pilot={pilot} />}
        </div>
        <div className="pilot-page__side">
          <PartnersSection pilot={pilot} />
          <StatusTimeline pilot={pilot} />
          {!ended && <OutcomeSection pilot={pilot} />}
          {pilot.copies.length > 0 && (
            <section className="pilot-section" aria-labelledby="pilot-copies">
              <h3 id="pilot-copies">Run elsewhere</h3>
              <ul>
                {pilot.copies.map((c) => (
                  <li key={c.id}>
                    <a href={`/pilots/${c.id}`}>{c.title}</a> ({c.clp})
                  </li>
                ))}
              </ul>
            </section>
          )}
          <CommentsSection pilot={pilot} />
          {pilot.can.seePersonal && <PilotHistory pilot={pilot} />}
        </div>
      </div>
    </article>
  );
}
