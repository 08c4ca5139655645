import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/ApiError.ts';
import { checkValues, localDay } from './ActivityForm.tsx';
import {
  classifyFailure,
  createQueueStore,
  enqueue,
  fieldErrors,
  flushQueue,
  newIdempotencyKey,
  parseQueue,
  removeItem,
  sendable,
  storageKey,
  type QueuedActivity,
} from './offlineQueue.ts';

function memoryStorage() {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  };
}

function item(key: string, extra: Partial<QueuedActivity> = {}): QueuedActivity {
  return {
    idempotencyKey: key,
    draft: { occurredOn: '2026-11-14', type: 'door_knocking', conversations: 12 },
    queuedAt: '2026-11-14T18:00:00.000Z',
    ...extra,
  };
}

const offline = () => new ApiError({ status: 0, code: 'NETWORK', message: 'Could not reach the server.' });

describe('the offline activity queue', () => {
  it('makes a distinct v4 uuid per activity', () => {
    const a = newIdempotencyKey();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newIdempotencyKey()).not.toBe(a);
  });

  it('keeps order, drops a repeated key and removes by key', () => {
    let q = enqueue([], item('a'));
    q = enqueue(q, item('b'));
    q = enqueue(q, item('a'));
    expect(q.map((x) => x.idempotencyKey)).toEqual(['b', 'a']);
    expect(removeItem(q, 'b').map((x) => x.idempotencyKey)).toEqual(['a']);
  });

  it('reads nothing from missing or broken storage', () => {
    expect(parseQueue(null)).toEqual([]);
    expect(parseQueue('{oops')).toEqual([]);
    expect(parseQueue('{"a":1}')).toEqual([]);
    expect(parseQueue(JSON.stringify([item('a'), { nope: true }]))).toHaveLength(1);
  });

  it('retries later when offline, on a server error or a lost session; keeps refusals', () => {
    expect(classifyFailure(offline())).toBe('retry-later');
    expect(classifyFailure(new ApiError({ status: 503, code: 'X', message: 'down' }))).toBe('retry-later');
    expect(classifyFailure(new ApiError({ status: 401, code: 'X', message: 'signed out' }))).toBe(
      'retry-later',
    );
    expect(classifyFailure(new TypeError('Failed to fetch'))).toBe('retry-later');
    for (const status of [400, 403, 409]) {
      expect(classifyFailure(new ApiError({ status, code: 'X', message: 'no' }))).toBe('rejected');
    }
  });

  it('reads field errors from the server details', () => {
    const e = new ApiError({
      status: 400,
      code: 'VALIDATION',
      message: 'Check the form',
      details: [{ field: 'conversations', message: 'must be a whole number' }, { nope: 1 }],
    });
    expect(fieldErrors(e)).toEqual({ conversations: 'must be a whole number' });
    expect(fieldErrors(offline())).toEqual({});
  });

  it('stores each pilot’s queue apart, survives a new store (a reload) and tells subscribers', () => {
    const storage = memoryStorage();
    const store = createQueueStore(storage);
    let calls = 0;
    store.subscribe(() => (calls += 1));
    store.change(7, (q) => enqueue(q, item('a')));
    store.change(8, (q) => enqueue(q, item('b')));
    expect(calls).toBe(2);
    expect(storage.data.has(storageKey(7))).toBe(true);
    const first = store.read(7);
    expect(store.read(7)).toBe(first); // the same array until it changes (React's external store)
    const reloaded = createQueueStore(storage);
    expect(reloaded.read(7).map((x) => x.idempotencyKey)).toEqual(['a']);
    expect(reloaded.read(8).map((x) => x.idempotencyKey)).toEqual(['b']);
    store.change(7, (q) => removeItem(q, 'a'));
    expect(storage.data.has(storageKey(7))).toBe(false);
  });

  it('sends in order with each key, removes what was sent and stops when the connection drops', async () => {
    const store = createQueueStore(memoryStorage());
    for (const k of ['a', 'b', 'c']) store.change(1, (q) => enqueue(q, item(k)));
    const sentKeys: string[] = [];
    const result = await flushQueue(store, 1, async (i) => {
      if (i.idempotencyKey === 'b') throw offline();
      sentKeys.push(i.idempotencyKey);
    });
    expect(result).toEqual({ sent: 1, stopped: true });
    expect(sentKeys).toEqual(['a']);
    expect(store.read(1).map((x) => x.idempotencyKey)).toEqual(['b', 'c']);

    const again = await flushQueue(store, 1, async (i) => void sentKeys.push(i.idempotencyKey));
    expect(again).toEqual({ sent: 2, stopped: false });
    expect(sentKeys).toEqual(['a', 'b', 'c']);
    expect(store.read(1)).toEqual([]);
  });

  it('keeps a refused activity with the reason, goes on with the rest and does not resend it', async () => {
    const store = createQueueStore(memoryStorage());
    for (const k of ['a', 'b']) store.change(1, (q) => enqueue(q, item(k)));
    await flushQueue(store, 1, async (i) => {
      if (i.idempotencyKey === 'a') {
        throw new ApiError({
          status: 400,
          code: 'VALIDATION',
          message: 'Check the highlighted fields.',
          details: [{ field: 'occurredOn', message: 'must not be in the future' }],
        });
      }
    });
    const [kept] = store.read(1);
    expect(store.read(1)).toHaveLength(1);
    expect(kept?.rejected).toEqual({
      message: 'Check the highlighted fields.',
      fields: { occurredOn: 'must not be in the future' },
    });
    expect(sendable(store.read(1))).toEqual([]);
    let tried = 0;
    await flushQueue(store, 1, async () => void (tried += 1));
    expect(tried).toBe(0);
  });
});

describe('a queued activity whose key was already saved with other values', () => {
  it('is kept with the server’s reason as a conflict, not resent, and can be discarded', async () => {
    const store = createQueueStore(memoryStorage());
    for (const k of ['edited', 'next']) store.change(1, (q) => enqueue(q, item(k)));
    const reason = 'This activity was already saved with other values; it is in the list — edit it there';
    const sent: string[] = [];
    const result = await flushQueue(store, 1, async (i) => {
      if (i.idempotencyKey === 'edited') {
        throw new ApiError({
          status: 409,
          code: 'CONFLICT',
          message: reason,
          details: { current: { id: 4, conversations: 10 } },
        });
      }
      sent.push(i.idempotencyKey);
    });
    expect(result).toEqual({ sent: 1, stopped: false });
    expect(sent).toEqual(['next']);
    expect(store.read(1)).toHaveLength(1);
    expect(store.read(1)[0]?.rejected).toEqual({ message: reason, fields: {}, conflict: true });
    await flushQueue(store, 1, async (i) => void sent.push(i.idempotencyKey));
    expect(sent).toEqual(['next']);
    store.change(1, (q) => removeItem(q, 'edited'));
    expect(store.read(1)).toEqual([]);
  });
});

describe('the activity form’s own checks (the server’s rules, before a send or a queue)', () => {
  const empty = {
    occurredOn: '2026-11-14',
    type: 'door_knocking',
    notes: '',
    participants: '',
    conversations: '',
    newMembers: '',
    newUnionMembers: '',
    newLeaders: '',
    petitionSignatures: '',
  };

  it('leaves empty counts out and trims notes', () => {
    expect(checkValues({ ...empty, conversations: ' 12 ', notes: ' Estate ' })).toEqual({
      draft: { occurredOn: '2026-11-14', type: 'door_knocking', conversations: 12, notes: 'Estate' },
      errors: {},
    });
  });

  it('refuses negative, fractional and absurd counts, and dates after tomorrow', () => {
    const { draft, errors } = checkValues({
      ...empty,
      occurredOn: localDay(2),
      conversations: '-3',
      newMembers: '1.5',
      newLeaders: '1001',
      participants: '100000',
    });
    expect(draft).toBeUndefined();
    expect(errors).toEqual({
      occurredOn: 'The date cannot be in the future.',
      conversations: 'Enter a whole number, 0 or more.',
      newMembers: 'Enter a whole number, 0 or more.',
      newLeaders: 'Enter at most 1,000.',
    });
    expect(checkValues({ ...empty, occurredOn: localDay(1) }).errors).toEqual({});
  });
});
