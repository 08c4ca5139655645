import type { TPilot } from '@groundwork/server/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useId, useState } from 'react';
import { ApiError, errorMessage } from '../../api/ApiError.ts';
import { ActivityForm, type FieldErrors } from './ActivityForm.tsx';
import { ActivityList } from './ActivityList.tsx';
import { invalidatePilotActivity, postActivity } from './activitiesApi.ts';
import {
  activityQueue,
  classifyFailure,
  enqueue,
  fieldErrors,
  flushQueue,
  newIdempotencyKey,
  sendable,
  useActivityQueue,
  type ActivityDraft,
} from './offlineQueue.ts';
import './activities.css';

// One send of a pilot's queue at a time, whichever of page load, 'online' or the button started it.
const flushing = new Map<number, Promise<void>>();

/**
 * The pilot's activity log: the quick form (for those who may edit), what is waiting on this device to be
 * sent, and the activities already recorded.
 */
export function ActivitySection(props: { pilot: TPilot }) {
  const { pilot } = props;
  const id = useId();
  const queryClient = useQueryClient();
  const queue = useActivityQueue(pilot.id);
  const [online, setOnline] = useState(() => navigator.onLine);
  const [busy, setBusy] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors | undefined>();
  const [formError, setFormError] = useState<string | undefined>();
  const [notice, setNotice] = useState('');
  // The key of the activity in the form: made when first saved, kept if the server asks for a fix.
  const [pendingKey, setPendingKey] = useState<string | null>(null);

  const flush = useCallback((): Promise<void> => {
    const running = flushing.get(pilot.id);
    if (running) return running;
    const run = (async () => {
      if (!navigator.onLine) return;
      const { sent, stopped } = await flushQueue(activityQueue, pilot.id, (item) =>
        postActivity(pilot.id, item.idempotencyKey, item.draft),
      );
      // Online but the server did not answer (or the session ended): say so rather than look stuck.
      if (stopped && navigator.onLine) {
        setNotice('The waiting activities could not be sent yet. They are kept here; try Send now later.');
      }
      if (sent > 0) {
        setNotice(sent === 1 ? 'Sent 1 waiting activity.' : `Sent ${sent} waiting activities.`);
        await invalidatePilotActivity(queryClient, pilot.id);
      }
    })().finally(() => flushing.delete(pilot.id));
    flushing.set(pilot.id, run);
    return run;
  }, [pilot.id, queryClient]);

  useEffect(() => {
    const up = () => {
      setOnline(true);
      void flush();
    };
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    void flush(); // what an earlier visit left waiting
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
    };
  }, [flush]);

  function keep(key: string, draft: ActivityDraft) {
    activityQueue.change(pilot.id, (q) =>
      enqueue(q, { idempotencyKey: key, draft, queuedAt: new Date().toISOString() }),
    );
    setPendingKey(null);
    setNotice('Saved on this device. It will be sent when you are back online.');
  }

  async function save(draft: ActivityDraft): Promise<'reset' | undefined> {
    const key = pendingKey ?? newIdempotencyKey();
    setPendingKey(key);
    setServerErrors(undefined);
    setFormError(undefined);
    setNotice('');
    // Offline, or others still waiting (so the order holds): into the queue, then try the queue.
    if (!navigator.onLine || sendable(activityQueue.read(pilot.id)).length > 0) {
      keep(key, draft);
      void flush();
      return 'reset';
    }
    setBusy(true);
    try {
      await postActivity(pilot.id, key, draft);
      setPendingKey(null);
      setNotice('Activity saved.');
      await invalidatePilotActivity(queryClient, pilot.id);
      return 'reset';
    } catch (error) {
      if (classifyFailure(error) === 'retry-later') {
        keep(key, draft);
        return 'reset';
      }
      setServerErrors(fieldErrors(error));
      setFormError(errorMessage(error));
      // A 409: this key already made an activity (with other values). Resending it cannot succeed: the next
      // save is a new activity, and the list is refreshed to show the saved one to edit.
      if (error instanceof ApiError && error.status === 409) {
        setPendingKey(null);
        await invalidatePilotActivity(queryClient, pilot.id);
      }
      return undefined;
    } finally {
      setBusy(false);
    }
  }

  const waiting = queue.filter((q) => !q.rejected).length;
  const refused = queue.length - waiting;
  return (
    <section className="pilot-section activity-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="activity-section__title">
        Activity
      </h3>
      {!online && (
        <p className="activity-offline">
          <strong>Offline.</strong> You can still log activity: it is kept on this device and sent when the
          connection returns.
        </p>
      )}
      {pilot.can.edit && (
        <div className="activity-section__log">
          <h4>Log activity</h4>
          <ActivityForm
            label="Log activity"
            submitLabel="Save activity"
            busy={busy}
            serverErrors={serverErrors}
            formError={formError}
            onSubmit={save}
          />
        </div>
      )}
      <div className="activity-queue" role="status">
        {notice && <p className="activity-queue__notice">{notice}</p>}
        {queue.length > 0 && (
          <p>
            {waiting > 0 && `${waiting} ${waiting === 1 ? 'activity' : 'activities'} waiting to send.`}
            {refused > 0 && ` ${refused} not accepted by the server: edit or discard below.`}
          </p>
        )}
      </div>
      {waiting > 0 && (
        <button
          type="button"
          className="button button--secondary activity-queue__retry"
          onClick={() => {
            if (!navigator.onLine) setNotice('Still offline: they will be sent when the connection returns.');
            else void flush();
          }}
        >
          Send now
        </button>
      )}
      <ActivityList pilot={pilot} queued={queue} onQueueChanged={() => void flush()} />
    </section>
  );
}
