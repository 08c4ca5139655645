import { useState } from 'react';
import { errorMessage } from '../../api/ApiError.ts';
import { fmtDateTime, fmtValue } from '../admin/format.ts';
import { usePilotHistory, type PilotHistoryEntry } from './api.ts';

const ACTIONS = { create: 'Created', update: 'Changed', delete: 'Deleted' } as const;
const ENTITIES: Record<string, string> = {
  pilot: 'the pilot',
  'pilot-activity': 'an activity',
  'pilot-comment': 'a comment',
};

/** The pilot's and its activities' fields in the words the pages use. */
const FIELD_LABELS: Record<string, string> = {
  title: 'Title',
  issue: 'Issue',
  category: 'Category',
  kind: 'Kind',
  status: 'Status',
  statusOn: 'Status since',
  startsOn: 'Starts',
  endsOn: 'Ends',
  goals: 'Goals',
  organiserId: 'Organiser',
  location: 'Location',
  partnerIds: 'Partners',
  outcome: 'Outcome',
  evidenceLinks: 'Evidence links',
  lessons: 'Lessons',
  occurredOn: 'Date',
  type: 'Type',
  participants: 'People taking part',
  conversations: 'Conversations',
  newMembers: 'New party members',
  newUnionMembers: 'New union members',
  newLeaders: 'New local leaders',
  petitionSignatures: 'Petition signatures',
  notes: 'Notes',
  body: 'Comment',
  deletedAt: 'Deleted',
};

function describe(c: { field: string; before: unknown; after: unknown }): string {
  return `${FIELD_LABELS[c.field] ?? c.field}: ${fmtValue(c.before)} → ${fmtValue(c.after)}`;
}

function what(h: PilotHistoryEntry): string {
  return h.entityType ? ` ${ENTITIES[h.entityType] ?? h.entityType}` : '';
}

/**
 * The pilot's changes, its activities' and comments', newest first, fetched when first opened. Like the
 * admin page's HistoryDisclosure, which is tied to users and grants.
 */
export function PilotHistory(props: { pilotId: number }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="pilot-section pilot-history" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>History</summary>
      {open && <HistoryList pilotId={props.pilotId} />}
    </details>
  );
}

function HistoryList(props: { pilotId: number }) {
  const history = usePilotHistory(props.pilotId, true);
  if (history.isError) {
    return (
      <p className="field__error" role="alert">
        {errorMessage(history.error)}
      </p>
    );
  }
  if (!history.data) return <p className="muted">Loading history…</p>;
  if (history.data.length === 0) return <p className="muted">No changes recorded.</p>;
  return (
    <ol className="pilot-history__list">
      {history.data.map((h) => (
        <li key={`${h.entityType ?? ''}-${h.id}`} className="pilot-history__entry">
          <p className="pilot-history__when">
            {ACTIONS[h.action]}
            {what(h)} {fmtDateTime(h.at)} by {h.actor?.name ?? 'the system'}
            {h.reason ? ` — ${h.reason}` : ''}
          </p>
          {h.changes.length > 0 && (
            <ul>
              {h.changes.map((c) => (
                <li key={c.field}>{describe(c)}</li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
