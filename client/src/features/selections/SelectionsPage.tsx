import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../api/ApiError.ts';
import { Pager } from '../admin/Pager.tsx';
import { useSession, type Grant } from '../auth/api.ts';
import { calendarUrl, SELECTIONS_PAGE_SIZE, useSelections, type SelectionScope } from './api.ts';
import { ScopeChoice } from './ScopeChoice.tsx';
import { SelectionCard } from './SelectionCard.tsx';
import { StartSelectionForm } from './StartSelectionForm.tsx';
import { grantClps, officerClps } from './words.ts';
import './selections.css';

/** ?clp=<id> or ?region=<code> from the link; undefined when the link names neither. */
function scopeFromUrl(): SelectionScope | undefined {
  const p = new URLSearchParams(window.location.search);
  const clp = p.get('clp') ?? '';
  if (/^[1-9]\d{0,9}$/.test(clp)) return { clp: Number(clp) };
  const region = p.get('region') ?? '';
  if (/^[EWSN]\d{8}$/.test(region)) return { region };
  return undefined;
}

/** The user's own CLP first, else the region they work in, else every selection. */
function defaultScope(grants: readonly Grant[]): SelectionScope {
  const clp = grantClps(grants)[0];
  if (clp) return { clp: clp.id };
  const region = grants.find((g) => g.regionCode !== null)?.regionCode;
  return region ? { region } : {};
}

/** /selections: the member's tracker of candidate selections, with "Start a selection" for officers. */
export default function SelectionsPage() {
  const session = useSession();
  const [chosen, setChosen] = useState<SelectionScope | undefined>(scopeFromUrl);
  const [offset, setOffset] = useState(0);
  const [starting, setStarting] = useState(false);
  const startButton = useRef<HTMLButtonElement>(null);
  const grants = session.data?.grants ?? [];
  const scope = chosen ?? defaultScope(grants);
  const list = useSelections(scope, offset, !session.isPending);
  const ownClps = officerClps(grants);

  useEffect(() => {
    if (!chosen) return;
    const p = new URLSearchParams();
    if (chosen.clp !== undefined) p.set('clp', String(chosen.clp));
    if (chosen.region) p.set('region', chosen.region);
    const qs = p.toString();
    window.history.replaceState(window.history.state, '', `/selections${qs ? `?${qs}` : ''}`);
  }, [chosen]);

  if (session.isPending) {
    return (
      <p className="state" role="status">
        Loading…
      </p>
    );
  }
  const feed = calendarUrl(scope);
  const stopStarting = () => {
    setStarting(false);
    requestAnimationFrame(() => startButton.current?.focus());
  };

  return (
    <div className="selections-page">
      <div className="selections-page__head">
        <h2>Candidate selections</h2>
        {ownClps.length > 0 && !starting && (
          <button ref={startButton} type="button" className="button" onClick={() => setStarting(true)}>
            Start a selection
          </button>
        )}
      </div>
      {starting && (
        <section className="selection-panel">
          <StartSelectionForm clps={ownClps} onCancel={stopStarting} />
        </section>
      )}
      <div className="selections-page__bar">
        <ScopeChoice
          scope={scope}
          clps={grantClps(grants)}
          onScope={(s) => {
            setChosen(s);
            setOffset(0);
          }}
        />
        <div className="selections-page__feed">
          {feed ? (
            <>
              <a href={feed}>Add to your calendar</a>
              <p className="muted">
                A feed of these selections&apos; stage dates that your calendar app follows and keeps up to
                date.
              </p>
            </>
          ) : (
            <p className="muted">Choose a CLP or a region to get a calendar feed of its stage dates.</p>
          )}
        </div>
      </div>
      {list.isPending ? (
        <p className="state" role="status">
          Loading selections…
        </p>
      ) : list.isError ? (
        <p className="state state--error" role="alert">
          The selections could not be loaded: {errorMessage(list.error)}
        </p>
      ) : list.data.total === 0 ? (
        <p className="state" role="status">
          No selections here yet.
        </p>
      ) : (
        <section aria-labelledby="selection-count" aria-busy={list.isFetching}>
          <p id="selection-count" className="selections-page__count" role="status">
            {list.data.total === 1 ? '1 selection' : `${list.data.total} selections`}
          </p>
          <ul className="selection-list">
            {list.data.items.map((s) => (
              <SelectionCard key={s.id} selection={s} />
            ))}
          </ul>
          <Pager
            label="Pages of selections"
            offset={offset}
            pageSize={SELECTIONS_PAGE_SIZE}
            total={list.data.total}
            onOffset={setOffset}
          />
        </section>
      )}
    </div>
  );
}
