// The Node fetch pins the address it checked: its agent's own lookup resolves the host, checks
// every address, and connects to what it checked. Resolvers are injected; the origin is a real
// server on 127.0.0.1, reached under made-up host names only through those resolvers.
import type { LookupAddress } from 'node:dns';
import type { ServerResponse } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FetchError } from '../../src/domain/errors';
import { fetchFeed, type FetchFeedOptions } from '../../src/fetch/fetch-feed';
import { createPinnedFetch, type PinnedFetch } from '../../src/runtime/pinned-fetch';
import { startOrigin, type Origin } from '../helpers/origin';

let origin: Origin;
let port: string;
let pinned: PinnedFetch | null = null;

beforeAll(async () => {
  origin = await startOrigin({
    '/feed.xml': { file: 'syndicated-wire.xml', contentType: 'application/rss+xml' },
    '/hop': {
      handler: (res: ServerResponse) => void res.writeHead(302, { location: `http://second.example.test:${port}/feed.xml` }).end(),
    },
  });
  port = new URL(origin.url).port;
});
afterEach(async () => {
  await pinned?.close();
  pinned = null;
  origin.requests.length = 0;
});
afterAll(async () => origin?.close());

/** A resolver that gives its answers in turn (the last one again once they run out), and records the names asked. */
function scriptedResolver(...answers: string[][]) {
  const asked: string[] = [];
  const resolve = async (hostname: string): Promise<LookupAddress[]> => {
    const answer = answers[Math.min(asked.length, answers.length - 1)] ?? [];
    asked.push(hostname);
    return answer.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  return { resolve, asked, resolveHost: async (hostname: string) => (await resolve(hostname)).map((entry) => entry.address) };
}

function options(fetch: typeof globalThis.fetch, extra: Partial<FetchFeedOptions> = {}): FetchFeedOptions {
  return { fetch, timeoutMs: 5_000, maxBodyBytes: 1_000_000, userAgent: 'topicwire-test', allowPrivate: false, ...extra };
}

async function fetchError(promise: Promise<unknown>): Promise<FetchError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (!(error instanceof FetchError)) throw new Error(`expected a FetchError, got ${String(error)}`);
  return error;
}

describe('createPinnedFetch', () => {
  it('connects to the address its own lookup resolved (private allowed)', async () => {
    const dns = scriptedResolver(['127.0.0.1']);
    pinned = createPinnedFetch({ allowPrivate: true, resolve: dns.resolve });
    const result = await fetchFeed(`http://feeds.example.test:${port}/feed.xml`, options(pinned.fetch, { allowPrivate: true }));
    expect(result.kind).toBe('ok');
    expect(dns.asked).toEqual(['feeds.example.test']);
    expect(origin.requests.map((r) => [r.path, r.headers.host])).toEqual([['/feed.xml', `feeds.example.test:${port}`]]);
  });

  it('refuses a name that answers public to the guard and private to the connection (DNS rebinding), before any request', async () => {
    const dns = scriptedResolver(['93.184.216.34'], ['127.0.0.1']);
    pinned = createPinnedFetch({ allowPrivate: false, resolve: dns.resolve });
    const error = await fetchError(fetchFeed(`http://rebind.example.test:${port}/feed.xml`, options(pinned.fetch, { resolveHost: dns.resolveHost })));
    expect(error.code).toBe('blocked_address');
    expect(error.message).toContain('127.0.0.1');
    // The guard asked first and saw a public address; the connection asked again and was refused.
    expect(dns.asked).toEqual(['rebind.example.test', 'rebind.example.test']);
    expect(origin.requests).toEqual([]);
  });

  it('refuses when any address of the answer is private, even after a public one', async () => {
    const dns = scriptedResolver(['93.184.216.34', '10.1.2.3', '127.0.0.1']);
    pinned = createPinnedFetch({ allowPrivate: false, resolve: dns.resolve });
    const error = await fetchError(fetchFeed(`http://mixed.example.test:${port}/feed.xml`, options(pinned.fetch)));
    expect(error.code).toBe('blocked_address');
    expect(error.message).toContain('10.1.2.3');
    expect(origin.requests).toEqual([]);
  });

  it('sends a redirect target through the same checked lookup', async () => {
    const dns = scriptedResolver(['127.0.0.1']);
    pinned = createPinnedFetch({ allowPrivate: true, resolve: dns.resolve });
    const result = await fetchFeed(`http://first.example.test:${port}/hop`, options(pinned.fetch, { allowPrivate: true }));
    expect(result.url).toBe(`http://second.example.test:${port}/feed.xml`);
    expect(dns.asked).toEqual(['first.example.test', 'second.example.test']);
  });

  it('reports a name that does not resolve as a network error', async () => {
    const dns = scriptedResolver([]);
    pinned = createPinnedFetch({ allowPrivate: false, resolve: dns.resolve });
    const error = await fetchError(fetchFeed(`http://nowhere.example.test:${port}/feed.xml`, options(pinned.fetch)));
    expect(error.code).toBe('network_error');
    expect(error.message).toContain('nowhere.example.test');
  });
});
