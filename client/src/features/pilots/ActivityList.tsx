import {
  ACTIVITY_COUNTS,
  ACTIVITY_COUNT_LABELS,
  ACTIVITY_TYPE_LABELS,
  ZActivityType,
  type TPilot,
} from '@groundwork/server/contracts';
import { useEffect, useRef, useState } from 'react';
import { ApiError, errorMessage } from '../../api/ApiError.ts';
import { ActivityForm } from './ActivityForm.tsx';
import {
  draftOf,
  useActivities,
  useDeleteActivity,
  useUpdateActivity,
  ZActivity,
  type Activity,
} from './activitiesApi.ts';
import { fmtDay } from './format.ts';
import {
  activityQueue,
  fieldErrors,
  removeItem,
  updateItem,
  type ActivityDraft,
  type QueuedActivity,
} from './offlineQueue.ts';

function typeLabel(type: string): string {
  const t = ZActivityType.safeParse(type);
  return t.success ? ACTIVITY_TYPE_LABELS[t.data] : type;
}

function Counts(props: { a: ActivityDraft | Activity }) {
  const shown = ACTIVITY_COUNTS.filter((c) => props.a[c] !== undefined && props.a[c] !== null);
  if (!shown.length) return <p className="activity__none">No counts recorded</p>;
  return (
    <dl className="activity__counts">
      {shown.map((c) => (
        <div key={c}>
          <dt>{ACTIVITY_COUNT_LABELS[c]}</dt>
          <dd>{(props.a[c] ?? 0).toLocaleString('en-GB')}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The activities recorded, newest first, and (above them) those waiting on this device to be sent. */
export function ActivityList(props: { pilot: TPilot; queued: QueuedActivity[]; onQueueChanged: () => void }) {
  const { pilot } = props;
  const list = useActivities(pilot.id);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const total = list.data?.pages[0]?.total ?? 0;
  // Where focus goes when the row that had it is deleted, rather than dropping to the page's body.
  const heading = useRef<HTMLHeadingElement>(null);
  const onDeleted = () => heading.current?.focus();
  return (
    <div className="activity-list-wrap">
      <h4 className="activity-list__title" ref={heading} tabIndex={-1}>
        Logged activities{list.data ? ` (${total.toLocaleString('en-GB')})` : ''}
      </h4>
      {list.isPending && <p className="state">Loading activities…</p>}
      {list.isError && <p className="state state--error">{errorMessage(list.error)}</p>}
      {list.data && total === 0 && props.queued.length === 0 && (
        <p className="state">No activity logged yet{pilot.can.edit ? ' — log the first above.' : '.'}</p>
      )}
      <ul className="activity-list" aria-label="Activities">
        {props.queued.map((q) => (
          <QueuedRow key={q.idempotencyKey} pilot={pilot} item={q} onChanged={props.onQueueChanged} />
        ))}
        {items.map((a) => (
          <ActivityRow key={a.id} pilot={pilot} activity={a} onDeleted={onDeleted} />
        ))}
      </ul>
      {list.hasNextPage && (
        <button
          type="button"
          className="button button--secondary activity-list__more"
          disabled={list.isFetchingNextPage}
          onClick={() => void list.fetchNextPage()}
        >
          {list.isFetchingNextPage ? 'Loading…' : 'Show more'}
        </button>
      )}
    </div>
  );
}

function QueuedRow(props: { pilot: TPilot; item: QueuedActivity; onChanged: () => void }) {
  const { item, pilot } = props;
  const [editing, setEditing] = useState(false);
  const change = (fn: (q: QueuedActivity[]) => QueuedActivity[]) => activityQueue.change(pilot.id, fn);
  return (
    <li className={`activity activity--queued${item.rejected ? ' activity--refused' : ''}`}>
      <div className="activity__head">
        <span className="activity__when">{fmtDay(item.draft.occurredOn)}</span>
        <span className="activity__type">{typeLabel(item.draft.type)}</span>
        <span className="activity__badge">{item.rejected ? 'Not sent' : 'Waiting to send'}</span>
      </div>
      {item.rejected && <p className="field__error">The server refused it: {item.rejected.message}</p>}
      {editing ? (
        <ActivityForm
          label="Fix waiting activity"
          initial={item.draft}
          submitLabel="Save and send"
          serverErrors={item.rejected?.fields}
          onCancel={() => setEditing(false)}
          onSubmit={async (draft) => {
            change((q) => updateItem(q, item.idempotencyKey, { draft, rejected: undefined }));
            setEditing(false);
            props.onChanged();
            return undefined;
          }}
        />
      ) : (
        <>
          <Counts a={item.draft} />
          {item.draft.notes && <p className="activity__notes">{item.draft.notes}</p>}
          {item.rejected && (
            <div className="activity__actions">
              {/* A conflict means the server already holds this activity (with other values): sending
                  it again, edited, can only be refused again; edit the saved one in the list instead. */}
              {!item.rejected.conflict && (
                <button type="button" className="button button--secondary" onClick={() => setEditing(true)}>
                  Edit
                </button>
              )}
              <button
                type="button"
                className="button button--secondary"
                onClick={() => {
                  const question = item.rejected?.conflict
                    ? 'Discard this copy? The activity already saved stays in the list.'
                    : 'Discard this activity? It was never recorded.';
                  if (window.confirm(question)) change((q) => removeItem(q, item.idempotencyKey));
                }}
              >
                Discard
              </button>
            </div>
          )}
        </>
      )}
    </li>
  );
}

function ActivityRow(props: { pilot: TPilot; activity: Activity; onDeleted: () => void }) {
  const { pilot, activity: a } = props;
  const [editing, setEditing] = useState(false);
  // After a save the form goes away: focus the row it was in, now showing the saved values.
  const row = useRef<HTMLLIElement>(null);
  const [saved, setSaved] = useState(0);
  useEffect(() => {
    if (saved > 0) row.current?.focus();
  }, [saved]);
  const [version, setVersion] = useState(a.version);
  const [theirs, setTheirs] = useState<Activity | null>(null);
  const update = useUpdateActivity(pilot.id);
  const remove = useDeleteActivity(pilot.id);
  const label = `${typeLabel(a.type)} on ${fmtDay(a.occurredOn)}`;

  function conflict(error: unknown): boolean {
    if (!(error instanceof ApiError) || error.status !== 409) return false;
    const current = ZActivity.safeParse((error.details as { current?: unknown } | undefined)?.current);
    if (current.success) {
      setTheirs(current.data);
      setVersion(current.data.version); // saving again now replaces their values, knowingly
    }
    return true;
  }
  const updateConflict = update.isError && update.error instanceof ApiError && update.error.status === 409;

  return (
    <li className="activity" ref={row} tabIndex={-1}>
      <div className="activity__head">
        <span className="activity__when">{fmtDay(a.occurredOn)}</span>
        <span className="activity__type">{typeLabel(a.type)}</span>
        {a.recordedBy && <span className="activity__by">by {a.recordedBy.name}</span>}
      </div>
      {editing ? (
        <ActivityForm
          label={`Edit ${label}`}
          initial={draftOf(theirs ?? a)}
          submitLabel="Save changes"
          busy={update.isPending}
          serverErrors={update.isError ? fieldErrors(update.error) : undefined}
          formError={update.isError && !updateConflict ? errorMessage(update.error) : undefined}
          onCancel={() => {
            setEditing(false);
            setTheirs(null);
            update.reset();
          }}
          onSubmit={async (draft) => {
            try {
              await update.mutateAsync({ id: a.id, version, draft, withNotes: a.notes !== undefined });
              setEditing(false);
              setTheirs(null);
              setSaved((n) => n + 1);
            } catch (error) {
              conflict(error);
            }
            return undefined;
          }}
        />
      ) : (
        <>
          <Counts a={a} />
          {a.notes && <p className="activity__notes">{a.notes}</p>}
        </>
      )}
      {(updateConflict || (remove.error instanceof ApiError && remove.error.status === 409)) && (
        <div className="form__error" role="alert">
          <p>Someone else changed this activity.</p>
          {theirs && (
            <>
              <p>
                Their values: {fmtDay(theirs.occurredOn)}, {typeLabel(theirs.type)}.
              </p>
              <Counts a={theirs} />
              <p>Save again to replace them with yours, or cancel to keep theirs.</p>
            </>
          )}
        </div>
      )}
      {remove.isError && !(remove.error instanceof ApiError && remove.error.status === 409) && (
        <p className="form__error" role="alert">
          {errorMessage(remove.error)}
        </p>
      )}
      {pilot.can.edit && !editing && (
        <div className="activity__actions">
          <button
            type="button"
            className="button button--secondary"
            aria-label={`Edit ${label}`}
            onClick={() => {
              setVersion(a.version);
              setEditing(true);
            }}
          >
            Edit
          </button>
          <button
            type="button"
            className="button button--secondary"
            aria-label={`Delete ${label}`}
            disabled={remove.isPending}
            onClick={() => {
              if (window.confirm(`Delete the ${label}? It is kept in the history.`))
                // The list is fetched again before this resolves, so the row is gone by then.
                void remove.mutateAsync({ id: a.id, version: a.version }).then(props.onDeleted, conflict);
            }}
          >
            Delete
          </button>
        </div>
      )}
    </li>
  );
}
