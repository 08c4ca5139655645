import { afterEach, describe, expect, it, vi } from 'vitest';
import { offerPrefetched, takePrefetched } from './prefetched.ts';

describe('prefetched responses', () => {
  afterEach(() => vi.useRealTimers());

  it('hands a body to the first request for its exact URL only', async () => {
    offerPrefetched('/api/parties', Promise.resolve({ items: [] }));
    expect(takePrefetched('/api/parties?x=1')).toBeUndefined();
    await expect(takePrefetched('/api/parties')).resolves.toEqual({ items: [] });
    // The second request for it goes to the server: the data may have changed since.
    expect(takePrefetched('/api/parties')).toBeUndefined();
  });

  it('forgets a body nobody asked for within a minute', () => {
    vi.useFakeTimers();
    offerPrefetched('/api/config', Promise.resolve({}));
    vi.advanceTimersByTime(60_001);
    expect(takePrefetched('/api/config')).toBeUndefined();
  });

  it('hands on a failed prefetch as a rejection, without an unhandled one in between', async () => {
    offerPrefetched('/api/seats', Promise.reject(new Error('503')));
    await new Promise((resolve) => setTimeout(resolve, 0));
    await expect(takePrefetched('/api/seats')).rejects.toThrow('503');
  });
});
