import { describe, expect, it } from 'vitest';
import { ByteBoundedCache } from './cached-response.ts';

describe('ByteBoundedCache', () => {
  const sizeOf = (v: string) => v.length;

  it('never holds more bytes than its budget, dropping the least recently used first', () => {
    const cache = new ByteBoundedCache<string>(100, sizeOf);
    cache.set('a', 'x'.repeat(40)); // 42 bytes with its key
    cache.set('b', 'x'.repeat(40));
    expect(cache.get('a')).toBeDefined(); // a is now the most recently used
    cache.set('c', 'x'.repeat(40));
    expect(cache.bytes).toBeLessThanOrEqual(100);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.get('c')).toBeDefined();
  });

  it('refuses an entry larger than the whole budget, keeping what it has', () => {
    const cache = new ByteBoundedCache<string>(100, sizeOf);
    cache.set('a', 'small');
    cache.set('huge', 'x'.repeat(200));
    expect(cache.get('huge')).toBeUndefined();
    expect(cache.get('a')).toBe('small');
  });

  it('counts a replaced entry once', () => {
    const cache = new ByteBoundedCache<string>(1000, sizeOf);
    for (let i = 0; i < 50; i++) cache.set('same', 'x'.repeat(10));
    expect(cache.size).toBe(1);
    expect(cache.bytes).toBe(18);
    cache.clear();
    expect(cache.bytes).toBe(0);
  });
});
