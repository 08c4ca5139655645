import { useState } from 'react';
import { errorMessage } from '../../api/ApiError.ts';
import type { TPilot } from '@groundwork/server/contracts';
import { fmtDateTime } from '../admin/format.ts';
import { usePilotHistory, type PilotHistoryEntry, type PilotHistoryType } from './api.ts';
import { describeChange, type HistoryPeople } from './historyFormat.ts';

const ACTIONS = { create: 'Created', update: 'Changed', delete: 'Deleted' } as const;
const ENTITIES: Record<string, string> = {
  pilot: 'the pilot',
  'pilot-activity': 'an activity',
  'pilot-comment': 'a comment',
};

function what(h: PilotHistoryEntry): string {
  return h.entityType ? ` ${ENTITIES[h.entityType] ?? h.entityType}` : '';
}

/**
 * The pilot's changes, its activities' and comments', newest first, fetched when first opened. Like the
 * admin page's HistoryDisclosure, which is tied to users and grants.
 */
export function PilotHistory(props: { pilot: TPilot }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="pilot-section pilot-history" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>History</summary>
      {open && <HistoryList pilotId={props.pilot.id} people={props.pilot} />}
    </details>
  );
}

const TYPES: { value: '' | PilotHistoryType; label: string }[] = [
  { value: '', label: 'Everything' },
  { value: 'pilot', label: 'The pilot itself' },
  { value: 'activity', label: 'Activities' },
  { value: 'comment', label: 'Comments' },
];

function HistoryList(props: { pilotId: number; people: HistoryPeople }) {
  const [type, setType] = useState<'' | PilotHistoryType>('');
  const history = usePilotHistory(props.pilotId, true, type || undefined);
  const entries = history.data?.pages.flatMap((p) => p.items);
  const total = history.data?.pages[0]?.total ?? 0;
  return (
    <>
      <label className="pilot-history__filter">
        Show{' '}
        <select value={type} onChange={(e) => setType(e.target.value as '' | PilotHistoryType)}>
          {TYPES.map((t) => (
            <option key={t.value} value={t.value}>
              {t.label}
            </option>
          ))}
        </select>
      </label>
      {history.isError ? (
        <p className="field__error" role="alert">
          {errorMessage(history.error)}
        </p>
      ) : !entries ? (
        <p className="muted">Loading history…</p>
      ) : entries.length === 0 ? (
        <p className="muted">No changes recorded.</p>
      ) : (
        <>
          <ol className="pilot-history__list">
            {entries.map((h) => (
              <li key={`${h.entityType ?? ''}-${h.id}`} className="pilot-history__entry">
                <p className="pilot-history__when">
                  {ACTIONS[h.action]}
                  {what(h)} {fmtDateTime(h.at)} by {h.actor?.name ?? 'the system'}
                  {h.reason ? ` — ${h.reason}` : ''}
                </p>
                <Changes changes={h.changes} people={props.people} />
              </li>
            ))}
          </ol>
          <p className="muted" role="status">
            {entries.length} of {total} changes shown
          </p>
          {history.hasNextPage && (
            <button
              type="button"
              className="button button--secondary"
              disabled={history.isFetchingNextPage}
              onClick={() => void history.fetchNextPage()}
            >
              {history.isFetchingNextPage ? 'Loading…' : 'Show older changes'}
            </button>
          )}
        </>
      )}
    </>
  );
}

function Changes(props: { changes: PilotHistoryEntry['changes']; people: HistoryPeople }) {
  const lines = props.changes.flatMap((c) => {
    const text = describeChange(c, props.people);
    return text ? [{ key: c.field, text }] : [];
  });
  if (lines.length === 0) return null;
  return (
    <ul>
      {lines.map((l) => (
        <li key={l.key}>{l.text}</li>
      ))}
    </ul>
  );
}
