// Per-client rate limits: token buckets on writes and expensive reads, 429 with Retry-After,
// clients told apart by the socket address (or X-Forwarded-For only behind a trusted proxy).
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app';
import type { AppDeps } from '../../src/api/context';
import { normalizeAddress, TokenBuckets } from '../../src/api/rate-limit';
import { AUTH, json, startHarness, type Harness } from './harness';

let h: Harness;
let clock = 0;

/** An app with small limits and a clock the test moves. */
function limitedApp(extra: Partial<AppDeps> = {}) {
  return createApp({
    ...h.runtime.app,
    pipeline: { ...h.runtime.app.pipeline, now: () => clock },
    rateLimits: { writes: { burst: 2, perMinute: 6 }, expensiveReads: { burst: 3, perMinute: 60 }, pushes: { burst: 4, perMinute: 60 } },
    ...extra,
  });
}

beforeAll(async () => {
  h = await startHarness({ feeds: ['wire-20260218.xml'] });
}, 60_000);
afterAll(async () => h?.close());

describe('rateLimit', () => {
  it('answers writes over the burst with 429 problem+json and Retry-After, then lets them through after the wait', async () => {
    clock = 1_000_000;
    const app = limitedApp();
    const patch = () => app.request('/api/sources/999', { method: 'PATCH', headers: AUTH, body: '{}' });
    expect((await patch()).status).toBe(404);
    expect((await patch()).status).toBe(404);
    const limited = await patch();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    // 6 a minute: one token every 10 s.
    expect(limited.headers.get('retry-after')).toBe('10');
    const problem = await json(limited);
    expect(problem).toMatchObject({ code: 'rate_limited', status: 429, retryAfterSeconds: 10 });
    clock += 9_000;
    expect((await patch()).status).toBe(429);
    clock += 1_000;
    expect((await patch()).status).toBe(404);
  });

  it('counts writes before checking the token, so guessing it is throttled too', async () => {
    clock = 2_000_000;
    const app = limitedApp();
    const guess = () => app.request('/api/sources', { method: 'POST', headers: { authorization: 'Bearer guess' }, body: '{}' });
    expect((await guess()).status).toBe(401);
    expect((await guess()).status).toBe(401);
    expect((await guess()).status).toBe(429);
  });

  it('limits searches, large pages and previews, but not ordinary reads', async () => {
    clock = 3_000_000;
    const app = limitedApp();
    for (let i = 0; i < 3; i++) expect((await app.request('/api/items?q=caspian')).status).toBe(200);
    expect((await app.request('/api/items?q=caspian')).status).toBe(429);
    expect((await app.request('/api/items?limit=150')).status).toBe(429);
    expect((await app.request('/feeds/russia.rss?limit=500')).status).toBe(429);
    expect((await app.request('/api/topics/preview', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"expression":"russia"}' })).status).toBe(429);
    for (let i = 0; i < 10; i++) {
      expect((await app.request('/api/items?limit=20')).status).toBe(200);
      expect((await app.request('/feeds/russia.rss')).status).toBe(200);
    }
  });

  it('gives WebSub deliveries a bucket of their own: a hub pushing for many sources is not held to the writes limit', async () => {
    clock = 3_500_000;
    const app = limitedApp();
    const push = () => app.request('/websub/999', { method: 'POST', headers: { 'content-type': 'application/atom+xml' }, body: '<feed/>' });
    const patch = () => app.request('/api/sources/999', { method: 'PATCH', headers: AUTH, body: '{}' });
    for (let i = 0; i < 2; i++) expect((await patch()).status).toBe(404);
    expect((await patch()).status).toBe(429);
    // The writes are used up; the pushes still pass (410: no subscription at that callback).
    for (let i = 0; i < 4; i++) expect((await push()).status).toBe(410);
    const limited = await push();
    expect(limited.status).toBe(429);
    expect((await json(limited)).detail).toMatch(/WebSub deliveries/);
  });

  it('keeps one bucket per client, taking the client from X-Forwarded-For only behind a trusted proxy', async () => {
    clock = 4_000_000;
    const trusting = limitedApp({ trustProxy: true });
    const search = (app: ReturnType<typeof createApp>, forwardedFor: string) => app.request('/api/items?q=caspian', { headers: { 'x-forwarded-for': forwardedFor } });
    for (let i = 0; i < 3; i++) expect((await search(trusting, '198.51.100.7, 203.0.113.1')).status).toBe(200);
    expect((await search(trusting, '198.51.100.8, 203.0.113.1')).status).toBe(429);
    expect((await search(trusting, '203.0.113.2')).status).toBe(200);
  });

  it('tells clients apart by their socket address on a real Node server, ignoring X-Forwarded-For by default', async () => {
    clock = 5_000_000;
    const app = limitedApp();
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    const { port } = server.address() as AddressInfo;
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        // A client cannot escape its bucket by claiming other addresses.
        const response = await fetch(`http://127.0.0.1:${port}/api/items?q=caspian`, { headers: { 'x-forwarded-for': `192.0.2.${i}` } });
        statuses.push(response.status);
        await response.arrayBuffer();
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
    } finally {
      server.close();
    }
  });

  it('leaves the default limits generous enough for a burst of 100 writes', async () => {
    clock = 6_000_000;
    const app = createApp({ ...h.runtime.app, pipeline: { ...h.runtime.app.pipeline, now: () => clock } });
    for (let i = 0; i < 100; i++) {
      const response = await app.request('/api/sources/999', { method: 'PATCH', headers: AUTH, body: '{}' });
      expect(response.status).toBe(404);
    }
  });
});

describe('TokenBuckets', () => {
  it('refills at the configured rate up to the burst, and forgets the least recently seen clients first', () => {
    const buckets = new TokenBuckets(2);
    const limit = { burst: 2, perMinute: 60 };
    expect(buckets.take('a', limit, 0)).toBe(0);
    expect(buckets.take('a', limit, 0)).toBe(0);
    expect(buckets.take('a', limit, 0)).toBe(1000);
    expect(buckets.take('a', limit, 500)).toBe(500);
    expect(buckets.take('a', limit, 1000)).toBe(0);
    buckets.take('b', limit, 1000);
    buckets.take('c', limit, 1000);
    expect(buckets.size).toBe(2);
    // "a" was forgotten, so it starts again with a full bucket.
    expect(buckets.take('a', limit, 1000)).toBe(0);
    expect(buckets.take('a', limit, 1000)).toBe(0);
  });
});

describe('normalizeAddress', () => {
  it.each([
    ['203.0.113.9', '203.0.113.9'],
    ['::ffff:203.0.113.9', '203.0.113.9'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:db8:1:2::ff', '2001:db8:1:2::/64'],
    ['[2001:DB8::1]', '2001:db8:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
  ])('keys %s as %s', (address, key) => {
    expect(normalizeAddress(address)).toBe(key);
  });
});
