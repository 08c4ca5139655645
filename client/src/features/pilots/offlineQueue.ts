// Activities saved without a connection wait on the device (localStorage, one list per pilot) until they
// can be sent. Each keeps the idempotency key it got when first saved, so a send that reached the server
// but whose answer was lost is answered with the same row when retried: never a second row.
import { useSyncExternalStore } from 'react';
import { ApiError } from '../../api/ApiError.ts';

/** What the activity form produces: the create request without its key. Empty counts are left out. */
export interface ActivityDraft {
  occurredOn: string;
  type: string;
  participants?: number;
  conversations?: number;
  newMembers?: number;
  newUnionMembers?: number;
  newLeaders?: number;
  petitionSignatures?: number;
  notes?: string;
}

export interface QueuedActivity {
  idempotencyKey: string;
  draft: ActivityDraft;
  queuedAt: string;
  /** Set when the server refused it (400/403/409): kept, with the reason, for the person to edit or discard. */
  rejected?:
    | {
        message: string;
        fields: Record<string, string>;
        /**
         * A 409: its key already made an activity (saved with other values, or since deleted), so sending it
         * again cannot succeed: the person discards it, and edits the saved one in the list if need be.
         */
        conflict?: boolean;
      }
    | undefined;
}

const PREFIX = 'groundwork.activityQueue.';

export function storageKey(pilotId: number): string {
  return `${PREFIX}${pilotId}`;
}

/** A unique key per activity; randomUUID exists only in secure contexts, so plain http gets a v4 by hand. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

// ---- Pure functions over a queue (a list, oldest first) ----

/** Reads a stored queue; anything unreadable (another version's shape, hand-edited) counts as empty. */
export function parseQueue(raw: string | null): QueuedActivity[] {
  if (!raw) return [];
  try {
    const value: unknown = JSON.parse(raw);
    if (!Array.isArray(value)) return [];
    return value.filter(
      (v): v is QueuedActivity =>
        typeof v === 'object' &&
        v !== null &&
        typeof (v as QueuedActivity).idempotencyKey === 'string' &&
        typeof (v as QueuedActivity).draft === 'object',
    );
  } catch {
    return [];
  }
}

export function enqueue(queue: readonly QueuedActivity[], item: QueuedActivity): QueuedActivity[] {
  // The same key twice (a double tap) stays one activity.
  return [...queue.filter((q) => q.idempotencyKey !== item.idempotencyKey), item];
}

export function removeItem(queue: readonly QueuedActivity[], key: string): QueuedActivity[] {
  return queue.filter((q) => q.idempotencyKey !== key);
}

export function updateItem(
  queue: readonly QueuedActivity[],
  key: string,
  change: Partial<Omit<QueuedActivity, 'idempotencyKey'>>,
): QueuedActivity[] {
  return queue.map((q) => (q.idempotencyKey === key ? { ...q, ...change } : q));
}

/** The items a send should try: those the server has not refused, in the order they were saved. */
export function sendable(queue: readonly QueuedActivity[]): QueuedActivity[] {
  return queue.filter((q) => !q.rejected);
}

export type SendOutcome = 'sent' | 'retry-later' | 'rejected';

/**
 * What a failed send means for the queued activity. No connection, a server error or a lost session: try
 * again later, keeping it. A refusal that sending again will not change: keep it with the reason.
 */
export function classifyFailure(error: unknown): Exclude<SendOutcome, 'sent'> {
  if (!(error instanceof ApiError)) return 'retry-later';
  if (error.status === 0 || error.status >= 500 || error.status === 401 || error.status === 408) {
    return 'retry-later';
  }
  if (error.status === 429) return 'retry-later';
  return 'rejected';
}

/** The server's field errors ({ field, message }[] in details) as a map for the form. */
export function fieldErrors(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return out;
  for (const d of error.details as unknown[]) {
    if (typeof d !== 'object' || d === null) continue;
    const { field, message } = d as { field?: unknown; message?: unknown };
    if (typeof field === 'string' && typeof message === 'string' && !(field in out)) out[field] = message;
  }
  return out;
}

// ---- The store: the queue of each pilot in localStorage, with subscribers for React ----

type Listener = () => void;

export function createQueueStore(storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>) {
  const listeners = new Set<Listener>();
  // Cached per pilot so useSyncExternalStore gets the same array until something changes.
  const cache = new Map<number, { raw: string | null; list: QueuedActivity[] }>();

  function read(pilotId: number): QueuedActivity[] {
    const raw = storage.getItem(storageKey(pilotId));
    const hit = cache.get(pilotId);
    if (hit && hit.raw === raw) return hit.list;
    const list = parseQueue(raw);
    cache.set(pilotId, { raw, list });
    return list;
  }

  function write(pilotId: number, list: QueuedActivity[]): void {
    if (list.length === 0) storage.removeItem(storageKey(pilotId));
    else storage.setItem(storageKey(pilotId), JSON.stringify(list));
    for (const l of listeners) l();
  }

  return {
    read,
    change(pilotId: number, fn: (q: QueuedActivity[]) => QueuedActivity[]): void {
      write(pilotId, fn(read(pilotId)));
    },
    subscribe(listener: Listener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Another tab changed the queue: tell this tab's subscribers. */
    notify(): void {
      for (const l of listeners) l();
    },
  };
}

export type QueueStore = ReturnType<typeof createQueueStore>;

/**
 * Sends a pilot's waiting activities in order, each with its key. Stops at the first that cannot be sent
 * now (offline, server error) so the order holds; a refusal is kept with its reason and the rest go on.
 */
export async function flushQueue(
  store: QueueStore,
  pilotId: number,
  send: (item: QueuedActivity) => Promise<unknown>,
): Promise<{ sent: number; stopped: boolean }> {
  let sent = 0;
  const tried = new Set<string>();
  // Read afresh each time: an activity saved while this send runs joins the end of it.
  for (;;) {
    const item = sendable(store.read(pilotId)).find((q) => !tried.has(q.idempotencyKey));
    if (!item) break;
    tried.add(item.idempotencyKey);
    try {
      await send(item);
      store.change(pilotId, (q) => removeItem(q, item.idempotencyKey));
      sent += 1;
    } catch (error) {
      if (classifyFailure(error) === 'retry-later') return { sent, stopped: true };
      const fields = fieldErrors(error);
      const message =
        error instanceof ApiError && error.status === 403
          ? 'You may no longer log activity for this pilot.'
          : error instanceof Error
            ? error.message
            : 'The server refused this activity.';
      const conflict = error instanceof ApiError && error.status === 409;
      store.change(pilotId, (q) =>
        updateItem(q, item.idempotencyKey, {
          rejected: { message, fields, ...(conflict ? { conflict } : {}) },
        }),
      );
    }
  }
  return { sent, stopped: false };
}

// One store for the page, over the browser's localStorage (absent in unit tests of other modules).
const memory = new Map<string, string>();
const fallback = {
  getItem: (k: string) => memory.get(k) ?? null,
  setItem: (k: string, v: string) => void memory.set(k, v),
  removeItem: (k: string) => void memory.delete(k),
};
function browserStorage(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> {
  try {
    return typeof localStorage === 'undefined' ? fallback : localStorage;
  } catch {
    return fallback; // storage blocked (private mode in some browsers): the queue lives while the page does
  }
}
export const activityQueue = createQueueStore(browserStorage());
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (e) => {
    if (e.key?.startsWith(PREFIX)) activityQueue.notify();
  });
}

/** A pilot's waiting activities, re-rendered whenever the queue changes. */
export function useActivityQueue(pilotId: number): QueuedActivity[] {
  return useSyncExternalStore(activityQueue.subscribe, () => activityQueue.read(pilotId));
}
