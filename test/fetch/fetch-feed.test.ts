import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FetchError } from '../../src/domain/errors';
import type { FetchResult } from '../../src/domain/types';
import { FEED_ACCEPT, fetchFeed, type FetchFeedOptions } from '../../src/fetch/fetch-feed';

const fixture = (name: string): Buffer => readFileSync(new URL(`../fixtures/fetch/${name}`, import.meta.url));

const FIXED_DATE = 'Wed, 21 Oct 2026 07:28:00 GMT';
const CONDITIONAL_ETAG = '"ibash-v1"';
const CONDITIONAL_LAST_MODIFIED = 'Wed, 21 Mar 2018 07:27:32 GMT';

/** Requests the origin saw, in order: path and headers. */
let seen: Array<{ path: string; headers: IncomingHttpHeaders }> = [];
/** Paths whose connection the client closed before the response ended. */
const closedEarly = new Set<string>();
let server: Server;
let origin: string;

function serveFeed(res: ServerResponse, name: string, contentType: string): void {
  res.writeHead(200, { 'Content-Type': contentType });
  res.end(fixture(name));
}

// One route per behaviour; a route serves real fixture bytes or misbehaves on purpose.
function handle(path: string, query: URLSearchParams, headers: IncomingHttpHeaders, res: ServerResponse): void {
  const feedMatch = /^\/feeds\/([\w.-]+)$/.exec(path);
  if (feedMatch?.[1]) return serveFeed(res, feedMatch[1], query.get('type') ?? 'application/xml');

  const redirectMatch = /^\/redirect\/(\d+)$/.exec(path);
  if (redirectMatch?.[1]) {
    const left = Number(redirectMatch[1]);
    const location = left === 0 ? '/feeds/liberal-gr-20200424.xml' : `/redirect/${left - 1}`;
    // Alternate absolute and relative Locations: both must resolve against the current hop.
    res.writeHead(left % 2 === 0 ? 301 : 307, { Location: left % 2 === 0 ? `${origin}${location}` : location });
    return void res.end();
  }

  switch (path) {
    case '/conditional': {
      const cacheControl = 'public, max-age=900';
      if (headers['if-none-match'] === CONDITIONAL_ETAG) {
        res.writeHead(304, { ETag: CONDITIONAL_ETAG, 'Cache-Control': cacheControl });
        return void res.end();
      }
      res.writeHead(200, {
        'Content-Type': 'application/rss+xml',
        ETag: CONDITIONAL_ETAG,
        'Last-Modified': CONDITIONAL_LAST_MODIFIED,
        'Cache-Control': cacheControl,
      });
      return void res.end(fixture('ibash-org-ru-20180321.xml'));
    }
    case '/hang-headers':
      return; // never answers
    case '/hang-body':
      res.writeHead(200, { 'Content-Type': 'application/rss+xml' });
      res.write('<?xml version="1.0"?><rss><channel><title>never ends');
      return;
    case '/big-declared':
      // Claims a huge body but sends 10 bytes and stalls: only the Content-Length check can fail fast.
      res.writeHead(200, { 'Content-Type': 'application/rss+xml', 'Content-Length': '50000000' });
      res.write('<rss>.....');
      return;
    case '/big-stream': {
      // Chunked, no length, never ends: only counting while streaming can stop it.
      res.writeHead(200, { 'Content-Type': 'application/rss+xml' });
      const kib = Buffer.alloc(1024, 0x20);
      const timer = setInterval(() => res.write(kib), 5);
      res.on('close', () => {
        clearInterval(timer);
        if (!res.writableEnded) closedEarly.add(path);
      });
      return;
    }
    case '/loop':
      res.writeHead(302, { Location: '/loop' });
      return void res.end();
    case '/to-private':
      res.writeHead(302, { Location: 'http://10.0.0.1/feed.xml' });
      return void res.end();
    case '/to-ftp':
      res.writeHead(302, { Location: 'ftp://example.com/feed.xml' });
      return void res.end();
    case '/redirect-without-location':
      res.writeHead(302);
      return void res.end();
    case '/rate-limited':
      res.writeHead(429, { 'Retry-After': '120', 'Content-Type': 'text/plain' });
      return void res.end('slow down');
    case '/unavailable':
      res.writeHead(503, {
        Date: FIXED_DATE,
        'Retry-After': new Date(Date.parse(FIXED_DATE) + 90_000).toUTCString(),
      });
      return void res.end();
    case '/unavailable-no-hint':
      res.writeHead(503);
      return void res.end();
    case '/not-found':
      res.writeHead(404, { 'Content-Type': 'text/html' });
      return void res.end('<h1>gone</h1>');
    case '/server-error':
      res.writeHead(500);
      return void res.end();
    default:
      res.writeHead(418);
      res.end();
  }
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://placeholder');
    seen.push({ path: url.pathname, headers: req.headers });
    handle(url.pathname, url.searchParams, req.headers, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  seen = [];
});

const baseOptions: FetchFeedOptions = {
  fetch: globalThis.fetch,
  timeoutMs: 5000,
  maxBodyBytes: 1_000_000,
  userAgent: 'topicwire-test/1.0 (+https://example.invalid/bot)',
  allowPrivate: true,
};

async function captureError(promise: Promise<unknown>): Promise<FetchError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof FetchError) return error;
    throw error;
  }
  throw new Error('expected a FetchError, but the fetch succeeded');
}

function expectOk(result: FetchResult): Extract<FetchResult, { kind: 'ok' }> {
  if (result.kind !== 'ok') throw new Error(`expected an ok result, got ${result.kind}`);
  return result;
}

describe('fetchFeed', () => {
  it.each([
    // [fixture, Content-Type served, charset used, words that must come out]
    ['ibash-org-ru-20180321.xml', 'application/rss+xml', 'windows-1251', ['Новый цитатник Рунета', 'Цитата #17703']],
    ['golem-de-20181028.xml', 'application/rss+xml; charset=ISO-8859-1', 'windows-1252', ['Sicherheitslücke', 'für']],
    ['jn-pt-ultimas-20180103.xml', 'text/xml', 'windows-1252', ['Jornal de Notícias - Últimas Notícias']],
    ['liberal-gr-20200424.xml', 'application/rss+xml', 'iso-8859-7', ['ΕΠΙΚΑΙΡΟΤΗΤΑ', 'καραντίνας']],
    ['uol-noticias-undated.xml', 'text/xml; charset=ISO-8859-1', 'windows-1252', ['Últimas Notícias']],
    ['uol-noticias-undated.xml', 'text/xml', 'windows-1252', ['Últimas Notícias']],
    ['miniflux-encoding-koi8r.xml', 'application/xml; charset=KOI8-R', 'koi8-r', ['Пример RSS ленты']],
    ['miniflux-encoding-windows-1252.xml', 'application/xml', 'windows-1252', ['Euro €']],
    ['miniflux-encoding-utf8-incorrect-prolog.xml', 'application/xml', 'utf-8', ['Café']],
    ['miniflux-encoding-utf8.xml', 'application/xml', 'utf-8', ['Café']],
    ['koi8r-as-utf16le-bom.xml', 'application/xml', 'utf-16le', ['Первая новость']],
    // UTF-8 Cyrillic under a server's default Latin-1 label: the valid UTF-8 wins.
    ['miniflux-koi8r-as-utf8.xml', 'text/xml; charset=iso-8859-1', 'utf-8', ['Пример RSS ленты', 'Ёжик, чай, Москва']],
    ['koi8r-as-utf16be-no-bom.xml', 'application/xml', 'utf-16be', ['Первая новость']],
  ] as const)('serves %s as %s and decodes it as %s', async (name, contentType, charset, words) => {
    const url = `${origin}/feeds/${name}?type=${encodeURIComponent(contentType)}`;
    const result = expectOk(await fetchFeed(url, baseOptions));
    expect(result.charset).toBe(charset);
    expect(result.contentType).toBe(contentType);
    for (const word of words) expect(result.text).toContain(word);
    expect(result.text).not.toContain('\uFFFD');
  });

  it('sends the feed Accept header and the User-Agent', async () => {
    await fetchFeed(`${origin}/feeds/miniflux-encoding-utf8.xml`, baseOptions);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.headers.accept).toBe(FEED_ACCEPT);
    expect(seen[0]?.headers['user-agent']).toBe(baseOptions.userAgent);
    expect(seen[0]?.headers['if-none-match']).toBeUndefined();
  });

  it('returns the validators and max-age of a 200, then gets a 304 by sending them back', async () => {
    const first = expectOk(await fetchFeed(`${origin}/conditional`, baseOptions));
    expect(first).toMatchObject({
      httpStatus: 200,
      etag: CONDITIONAL_ETAG,
      lastModified: CONDITIONAL_LAST_MODIFIED,
      retryAfterSeconds: 900,
      movedTo: null,
    });

    const second = await fetchFeed(`${origin}/conditional`, {
      ...baseOptions,
      etag: first.etag,
      lastModified: first.lastModified,
    });
    expect(second).toEqual({
      kind: 'not-modified',
      url: `${origin}/conditional`,
      httpStatus: 304,
      etag: CONDITIONAL_ETAG,
      // The 304 carried no Last-Modified: the stored one is kept rather than wiped.
      lastModified: CONDITIONAL_LAST_MODIFIED,
      retryAfterSeconds: 900,
      movedTo: null,
    });
    expect(seen[1]?.headers['if-none-match']).toBe(CONDITIONAL_ETAG);
    expect(seen[1]?.headers['if-modified-since']).toBe(CONDITIONAL_LAST_MODIFIED);
  });

  it.each(['/hang-headers', '/hang-body'])(
    'gives up with timeout when %s never completes within timeoutMs',
    async (path) => {
      const startedMs = performance.now();
      const error = await captureError(fetchFeed(`${origin}${path}`, { ...baseOptions, timeoutMs: 200 }));
      const elapsedMs = performance.now() - startedMs;
      expect(error.code).toBe('timeout');
      expect(error.message).toContain('200 ms');
      expect(elapsedMs).toBeGreaterThanOrEqual(190);
      expect(elapsedMs).toBeLessThan(2000);
    },
  );

  it('rejects a body whose Content-Length is over maxBodyBytes without reading it', async () => {
    const startedMs = performance.now();
    const error = await captureError(fetchFeed(`${origin}/big-declared`, { ...baseOptions, maxBodyBytes: 100_000 }));
    expect(error.code).toBe('too_large');
    expect(error.message).toContain('Content-Length of 50000000');
    expect(performance.now() - startedMs).toBeLessThan(2000);
  });

  it('stops reading a chunked body without length once it passes maxBodyBytes, and hangs up', async () => {
    const error = await captureError(fetchFeed(`${origin}/big-stream`, { ...baseOptions, maxBodyBytes: 16 * 1024 }));
    expect(error.code).toBe('too_large');
    expect(error.httpStatus).toBe(200);
    await expect.poll(() => closedEarly.has('/big-stream')).toBe(true);
  });

  it('accepts a body of exactly maxBodyBytes', async () => {
    const size = fixture('miniflux-encoding-koi8r.xml').byteLength;
    const result = await fetchFeed(`${origin}/feeds/miniflux-encoding-koi8r.xml`, { ...baseOptions, maxBodyBytes: size });
    expect(expectOk(result).text).toContain('Пример RSS ленты');
  });

  it('follows absolute and relative redirects up to maxRedirects and reports the final URL', async () => {
    const result = expectOk(await fetchFeed(`${origin}/redirect/3`, { ...baseOptions, maxRedirects: 4 }));
    expect(result.url).toBe(`${origin}/feeds/liberal-gr-20200424.xml`);
    expect(result.text).toContain('ΕΠΙΚΑΙΡΟΤΗΤΑ');
    expect(seen.map((request) => request.path)).toEqual([
      '/redirect/3',
      '/redirect/2',
      '/redirect/1',
      '/redirect/0',
      '/feeds/liberal-gr-20200424.xml',
    ]);
    // Every hop is a fresh request carrying our headers.
    expect(seen.every((request) => request.headers['user-agent'] === baseOptions.userAgent)).toBe(true);
  });

  it.each([
    // /redirect/N answers 301 for even N, 307 for odd N, ending at /redirect/0 -301-> the feed.
    ['/redirect/0', '/feeds/liberal-gr-20200424.xml'],
    ['/redirect/2', '/redirect/1'],
    ['/redirect/1', null],
    ['/redirect/3', null],
    ['/feeds/liberal-gr-20200424.xml', null],
  ])('reports where %s moved for good (only an unbroken run of 301/308 from the start): %s', async (path, moved) => {
    const result = expectOk(await fetchFeed(`${origin}${path}`, baseOptions));
    expect(result.movedTo).toBe(moved === null ? null : `${origin}${moved}`);
    expect(result.url).toBe(`${origin}/feeds/liberal-gr-20200424.xml`);
  });

  it('fails with too_many_redirects when one more hop than allowed is needed', async () => {
    const error = await captureError(fetchFeed(`${origin}/redirect/3`, { ...baseOptions, maxRedirects: 3 }));
    expect(error.code).toBe('too_many_redirects');
    expect(seen).toHaveLength(4);
  });

  it('stops a redirect loop after the default 5 redirects', async () => {
    const error = await captureError(fetchFeed(`${origin}/loop`, baseOptions));
    expect(error.code).toBe('too_many_redirects');
    expect(error.message).toContain('more than 5 times');
    expect(seen).toHaveLength(6);
  });

  it.each([
    ['/to-ftp', 'invalid_url'],
    ['/redirect-without-location', 'http_error'],
  ])('fails %s with %s', async (path, code) => {
    const error = await captureError(fetchFeed(`${origin}${path}`, baseOptions));
    expect(error.code).toBe(code);
  });

  it.each([
    ['/not-found', 404],
    ['/server-error', 500],
  ])('reports %s as http_error with status %i', async (path, status) => {
    const error = await captureError(fetchFeed(`${origin}${path}`, baseOptions));
    expect(error.code).toBe('http_error');
    expect(error.httpStatus).toBe(status);
    expect(error.retryAfterSeconds).toBeNull();
    expect(error.message).toContain(`HTTP ${status}`);
  });

  it.each([
    ['/rate-limited', 429, 120],
    ['/unavailable', 503, 90],
    ['/unavailable-no-hint', 503, null],
  ])('reads Retry-After of %s (HTTP %i) as %s seconds', async (path, status, seconds) => {
    const error = await captureError(fetchFeed(`${origin}${path}`, baseOptions));
    expect(error.code).toBe('http_error');
    expect(error.httpStatus).toBe(status);
    expect(error.retryAfterSeconds).toBe(seconds);
  });

  it('reports a refused connection as network_error, keeping the cause', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));

    const error = await captureError(fetchFeed(`http://127.0.0.1:${port}/feed.xml`, baseOptions));
    expect(error.code).toBe('network_error');
    expect(error.message).toContain('ECONNREFUSED');
    expect(error.cause).toBeInstanceOf(Error);
  });

  it.each([
    ['not a url', 'not a valid URL'],
    ['ftp://example.com/feed.xml', 'not an http(s) URL'],
    ['http://reader:s3cret@example.com/feed.xml', 'user name or password'],
  ])('rejects %s as invalid_url before any request', async (url, reason) => {
    const calls: string[] = [];
    const recordingFetch: typeof fetch = async (input) => {
      calls.push(String(input));
      return new Response('');
    };
    const error = await captureError(fetchFeed(url, { ...baseOptions, fetch: recordingFetch }));
    expect(error.code).toBe('invalid_url');
    expect(error.message).toContain(reason);
    expect(error.message).not.toContain('s3cret');
    expect(calls).toEqual([]);
  });

  describe('with the SSRF guard on', () => {
    function createRecordingFetch(): { fetch: typeof fetch; calls: string[] } {
      const calls: string[] = [];
      // Maps the made-up public host to the local origin, so a "public" first hop can be served here.
      const fetchThroughOrigin: typeof fetch = async (input, init) => {
        const url = new URL(String(input));
        calls.push(url.href);
        if (url.hostname === 'feeds.example.test') {
          url.protocol = 'http:';
          url.host = new URL(origin).host;
        }
        return globalThis.fetch(url, init);
      };
      return { fetch: fetchThroughOrigin, calls };
    }
    const resolvePublic = async (hostname: string) => (hostname === 'feeds.example.test' ? ['93.184.216.34'] : []);

    it.each([
      'http://127.0.0.1/feed.xml',
      'http://10.0.0.1/feed.xml',
      'http://[::1]/feed.xml',
      'http://169.254.169.254/latest/meta-data/',
      'http://[::ffff:127.0.0.1]/feed.xml',
      'http://localhost/feed.xml',
    ])('refuses %s before sending anything', async (url) => {
      const { fetch, calls } = createRecordingFetch();
      const error = await captureError(fetchFeed(url, { ...baseOptions, fetch, allowPrivate: false }));
      expect(error.code).toBe('blocked_address');
      expect(calls).toEqual([]);
    });

    it('refuses a host name that resolves to a private address', async () => {
      const { fetch, calls } = createRecordingFetch();
      const resolveHost = async () => ['192.168.0.10'];
      const error = await captureError(
        fetchFeed('https://printer.example.test/feed', { ...baseOptions, fetch, resolveHost, allowPrivate: false }),
      );
      expect(error.code).toBe('blocked_address');
      expect(error.message).toContain('192.168.0.10');
      expect(calls).toEqual([]);
    });

    it('fetches a public host through the guard', async () => {
      const { fetch, calls } = createRecordingFetch();
      const result = await fetchFeed('http://feeds.example.test/feeds/miniflux-encoding-utf8.xml', {
        ...baseOptions,
        fetch,
        resolveHost: resolvePublic,
        allowPrivate: false,
      });
      expect(expectOk(result).text).toContain('Café');
      expect(calls).toEqual(['http://feeds.example.test/feeds/miniflux-encoding-utf8.xml']);
    });

    it('refuses a redirect from a public host to a private address before connecting to it', async () => {
      const { fetch, calls } = createRecordingFetch();
      const error = await captureError(
        fetchFeed('http://feeds.example.test/to-private', {
          ...baseOptions,
          fetch,
          resolveHost: resolvePublic,
          allowPrivate: false,
        }),
      );
      expect(error.code).toBe('blocked_address');
      expect(error.message).toContain('http://10.0.0.1/feed.xml');
      expect(seen.map((request) => request.path)).toEqual(['/to-private']);
      expect(calls).toEqual(['http://feeds.example.test/to-private']);
    });

    it('counts a DNS lookup that outlives the deadline as a timeout', async () => {
      const { fetch, calls } = createRecordingFetch();
      const resolveHost = () => new Promise<string[]>(() => undefined);
      const error = await captureError(
        fetchFeed('http://feeds.example.test/feed', {
          ...baseOptions,
          timeoutMs: 100,
          fetch,
          resolveHost,
          allowPrivate: false,
        }),
      );
      expect(error.code).toBe('timeout');
      expect(calls).toEqual([]);
    });
  });
});
