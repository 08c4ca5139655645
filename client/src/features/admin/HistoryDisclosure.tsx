import { useState } from 'react';
import { errorMessage } from '../../api/ApiError.ts';
import { useHistory } from './api.ts';
import { describeHistoryChange, fmtDateTime } from './format.ts';

const ACTIONS = { create: 'Created', update: 'Changed', delete: 'Deleted' } as const;

/** A record's changes, fetched only when the disclosure is first opened. */
export function HistoryDisclosure(props: { type: 'user' | 'role-grant'; id: number; summary: string }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="admin-history" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{props.summary}</summary>
      {open && <HistoryList type={props.type} id={props.id} />}
    </details>
  );
}

function HistoryList(props: { type: 'user' | 'role-grant'; id: number }) {
  const history = useHistory(props.type, props.id);
  if (history.isError) {
    return (
      <p className="field__error" role="alert">
        {errorMessage(history.error)}
      </p>
    );
  }
  if (!history.data) return <p className="admin-muted">Loading history…</p>;
  if (history.data.length === 0) return <p className="admin-muted">No changes recorded.</p>;
  return (
    <ol className="admin-history__list">
      {history.data.map((h) => (
        <li key={h.id}>
          <p className="admin-history__when">
            {ACTIONS[h.action]} {fmtDateTime(h.at)} by {h.actor?.name ?? 'the system'}
            {h.reason ? ` — ${h.reason}` : ''}
          </p>
          {h.changes.length > 0 && (
            <ul className="admin-history__changes">
              {h.changes.map((c) => (
                <li key={c.field}>{describeHistoryChange(c)}</li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
