// The render cache's own contract: a hit only at the version it was rendered at, and a bound
// on the bytes it holds (least recently used go first).
import { describe, expect, it } from 'vitest';
import { FeedCache } from '../../src/api/feed-cache';

const bytes = (n: number) => new Uint8Array(n);
const entry = (version: string, size: number) => ({ version, body: bytes(size), contentType: 'application/rss+xml' });

describe('FeedCache', () => {
  it('returns an entry only at the version it was rendered at, and forgets it at another', () => {
    const cache = new FeedCache(1000);
    cache.set('a', entry('1', 100));
    expect(cache.get('a', '1')?.body.byteLength).toBe(100);
    expect(cache.get('a', '2')).toBeUndefined();
    expect(cache.get('a', '1')).toBeUndefined();
    expect(cache.bytes).toBe(0);
  });

  it('holds at most maxBytes, dropping the least recently used first', () => {
    const cache = new FeedCache(1000);
    cache.set('a', entry('1', 200));
    cache.set('b', entry('1', 200));
    cache.set('c', entry('1', 200));
    cache.get('a', '1');
    cache.set('d', entry('1', 200));
    cache.set('e', entry('1', 200));
    expect(cache.bytes).toBeLessThanOrEqual(1000);
    cache.set('f', entry('1', 200));
    expect(cache.bytes).toBeLessThanOrEqual(1000);
    expect(cache.get('b', '1')).toBeUndefined();
    expect(cache.get('a', '1')).toBeDefined();
    expect(cache.get('f', '1')).toBeDefined();
    for (let i = 0; i < 10_000; i++) cache.set(`k${i}`, entry('1', 100));
    expect(cache.bytes).toBeLessThanOrEqual(1000);
    expect(cache.size).toBe(10);
  });

  it('never holds a body larger than a quarter of its bound', () => {
    const cache = new FeedCache(1000);
    cache.set('big', entry('1', 251));
    expect(cache.get('big', '1')).toBeUndefined();
    expect(cache.bytes).toBe(0);
  });
});
