/**
 * One polite, bounded HTTP GET of a feed.
 *
 * - Conditional: stored validators go out as If-None-Match / If-Modified-Since; a 304 is a
 *   normal `not-modified` result that keeps the stored validators unless the server sent new ones.
 * - Bounded: one deadline (`timeoutMs`) covers DNS checks, every redirect hop, headers and body;
 *   the body is capped at `maxBodyBytes` by Content-Length up front and by counting while streaming.
 * - Guarded: redirects are followed by hand so every hop passes the SSRF guard before any
 *   connection is made to it.
 * - Moves: `movedTo` is where the feed moved for good — the end of the unbroken run of
 *   301/308 hops from the requested URL (RFC 9110 §15.4: only those say "use the new URI from
 *   now on"); a 302/303/307 hop ends the run, so A -301-> B -302-> C reports B.
 * - Every failure is a `FetchError` with a stable code: invalid_url, blocked_address, timeout,
 *   too_large, http_error, too_many_redirects, network_error.
 */
import LinkHeader from 'http-link-header';
import { FetchError } from '../domain/errors';
import type { FetchResult } from '../domain/types';
import { decodeBody } from './decode-body';
import { parseMaxAgeSeconds, parseRetryAfterSeconds } from './parse-retry-after';
import { assertPublicUrl } from './ssrf-guard';

export interface FetchFeedOptions {
  /** Injected; the platform fetch in production. */
  fetch: typeof globalThis.fetch;
  /** Stored validators, sent as If-None-Match / If-Modified-Since. */
  etag?: string | null;
  lastModified?: string | null;
  /** The whole request, including redirects and reading the body. */
  timeoutMs: number;
  /** Reading stops and fails beyond this (also checked against Content-Length up front). */
  maxBodyBytes: number;
  /** Default 5. */
  maxRedirects?: number;
  userAgent: string;
  /** false = SSRF guard on. */
  allowPrivate: boolean;
  /** DNS lookup for the guard (Node injects dns.lookup; absent on Workers). */
  resolveHost?: (hostname: string) => Promise<string[]>;
  /** Reference time for an HTTP-date Retry-After when the response has no Date header. */
  now?: Date;
}

export const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8';

const DEFAULT_MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const PERMANENT_REDIRECT_STATUSES = new Set([301, 308]);
const URL_IN_MESSAGE_MAX_CHARS = 200;

export async function fetchFeed(url: string, options: FetchFeedOptions): Promise<FetchResult> {
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  let current = parseFeedUrl(url, undefined);
  let movedTo: URL | null = null;
  let permanentRun = true;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  const { resolveHost } = options;
  const guard = {
    allowPrivate: options.allowPrivate,
    resolveHost: resolveHost && ((hostname: string) => raceAbort(resolveHost(hostname), controller.signal)),
  };

  try {
    for (let redirectsFollowed = 0; ; redirectsFollowed++) {
      await assertPublicUrl(current, guard);
      const response = await sendRequest(current, options, controller.signal);
      if (!REDIRECT_STATUSES.has(response.status)) {
        return await readResponse(current, response, options, controller, movedTo?.href ?? null);
      }
      await discardBody(response);
      if (redirectsFollowed >= maxRedirects) {
        throw new FetchError(
          'too_many_redirects',
          `${shorten(url)} redirected more than ${maxRedirects} times (last hop: ${shorten(current.href)})`,
          { httpStatus: response.status },
        );
      }
      current = readRedirectTarget(current, response);
      permanentRun &&= PERMANENT_REDIRECT_STATUSES.has(response.status);
      if (permanentRun) movedTo = current;
    }
  } catch (error) {
    if (timedOut) {
      throw new FetchError(
        'timeout',
        `no complete answer from ${shorten(current.href)} within ${options.timeoutMs} ms`,
        { cause: error },
      );
    }
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/** Parses and vets a URL (or a redirect Location against `base`): http(s), no credentials. */
function parseFeedUrl(raw: string, base: URL | undefined): URL {
  const context = base ? `redirect from ${shorten(base.href)} to ` : '';
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch (error) {
    throw new FetchError('invalid_url', `${context}${JSON.stringify(shorten(raw))} is not a valid URL`, {
      cause: error,
    });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchError('invalid_url', `${context}${shorten(url.href)} is not an http(s) URL`);
  }
  if (url.username !== '' || url.password !== '') {
    // Never echo the credentials themselves into a message that is shown on the admin page.
    throw new FetchError(
      'invalid_url',
      `${context}a URL for ${url.host} carries a user name or password, which feeds must not need`,
    );
  }
  return url;
}

async function sendRequest(url: URL, options: FetchFeedOptions, signal: AbortSignal): Promise<Response> {
  const headers = new Headers({ Accept: FEED_ACCEPT, 'User-Agent': options.userAgent });
  if (options.etag) headers.set('If-None-Match', options.etag);
  if (options.lastModified) headers.set('If-Modified-Since', options.lastModified);
  let response: Response;
  try {
    response = await options.fetch(url.href, { method: 'GET', headers, redirect: 'manual', signal });
  } catch (error) {
    if (signal.aborted) throw error;
    // A fetch that checks addresses at connect time (runtime/pinned-fetch.ts) refuses with a FetchError inside "fetch failed".
    const refused = findFetchError(error);
    if (refused) throw refused;
    throw new FetchError('network_error', `cannot reach ${shorten(url.href)}: ${describeCause(error)}`, {
      cause: error,
    });
  }
  if (response.type === 'opaqueredirect') {
    throw new FetchError(
      'network_error',
      `the fetch in use hides redirect targets, so ${shorten(url.href)} cannot be followed safely`,
    );
  }
  return response;
}

function readRedirectTarget(from: URL, response: Response): URL {
  const location = response.headers.get('location');
  if (location === null || location.trim() === '') {
    throw new FetchError(
      'http_error',
      `${shorten(from.href)} answered HTTP ${response.status} without a Location header`,
      { httpStatus: response.status },
    );
  }
  return parseFeedUrl(location.trim(), from);
}

async function readResponse(
  url: URL,
  response: Response,
  options: FetchFeedOptions,
  controller: AbortController,
  movedTo: string | null,
): Promise<FetchResult> {
  const headers = response.headers;
  if (response.status === 304) {
    await discardBody(response);
    return {
      kind: 'not-modified',
      url: url.href,
      httpStatus: 304,
      etag: headers.get('etag') ?? options.etag ?? null,
      lastModified: headers.get('last-modified') ?? options.lastModified ?? null,
      retryAfterSeconds: parseMaxAgeSeconds(headers.get('cache-control')),
      movedTo,
    };
  }
  if (response.status < 200 || response.status > 299) {
    await discardBody(response);
    throw createHttpError(url, response, options.now ?? null);
  }

  const bytes = await readBodyCapped(url, response, options.maxBodyBytes, controller);
  const contentType = headers.get('content-type');
  const { text, charset } = decodeBody(bytes, contentType);
  return {
    kind: 'ok',
    url: url.href,
    httpStatus: response.status,
    text,
    bodyBytes: bytes.byteLength,
    contentType,
    charset,
    etag: headers.get('etag'),
    lastModified: headers.get('last-modified'),
    retryAfterSeconds: parseMaxAgeSeconds(headers.get('cache-control')),
    headerLinks: readHeaderLinks(headers.get('link'), url),
    movedTo,
  };
}

/**
 * The hub and self links of a `Link` header (RFC 8288), resolved against the feed's URL: WebSub
 * (§4) has publishers advertise them there first, and in the document only as well. A header
 * that does not parse, or a link that is not an http(s) URL, counts as absent.
 */
export function readHeaderLinks(header: string | null, base: URL): { hubUrl: string | null; selfUrl: string | null } {
  const none = { hubUrl: null, selfUrl: null };
  if (!header) return none;
  let parsed: LinkHeader;
  try {
    parsed = LinkHeader.parse(header);
  } catch {
    return none;
  }
  const first = (rel: string): string | null => {
    for (const link of parsed.rel(rel)) {
      try {
        const url = new URL(link.uri, base);
        if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
      } catch {
        // not a URL: try the next one
      }
    }
    return null;
  };
  return { hubUrl: first('hub'), selfUrl: first('self') };
}

function createHttpError(url: URL, response: Response, now: Date | null): FetchError {
  const status = response.status;
  const retryAfterSeconds =
    status === 429 || status === 503
      ? parseRetryAfterSeconds(response.headers.get('retry-after'), response.headers.get('date'), now)
      : null;
  const statusText = response.statusText ? ` ${response.statusText}` : '';
  const retryHint = retryAfterSeconds === null ? '' : ` (retry after ${retryAfterSeconds} s)`;
  return new FetchError('http_error', `${shorten(url.href)} answered HTTP ${status}${statusText}${retryHint}`, {
    httpStatus: status,
    retryAfterSeconds,
  });
}

async function readBodyCapped(
  url: URL,
  response: Response,
  maxBodyBytes: number,
  controller: AbortController,
): Promise<Uint8Array> {
  const tooLarge = (detail: string) =>
    new FetchError('too_large', `${shorten(url.href)} sent ${detail}, over the ${maxBodyBytes}-byte limit`, {
      httpStatus: response.status,
    });
  const declared = response.headers.get('content-length');
  if (declared !== null && /^\s*\d+\s*$/.test(declared) && Number(declared) > maxBodyBytes) {
    controller.abort();
    await discardBody(response);
    throw tooLarge(`a Content-Length of ${declared.trim()} bytes`);
  }
  if (response.body === null) return new Uint8Array(0);

  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let totalBytes = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch (error) {
      if (controller.signal.aborted) throw error;
      throw new FetchError(
        'network_error',
        `connection to ${shorten(url.href)} failed while reading the body: ${describeCause(error)}`,
        { cause: error, httpStatus: response.status },
      );
    }
    if (chunk.done) break;
    totalBytes += chunk.value.byteLength;
    if (totalBytes > maxBodyBytes) {
      // Abort as well as cancel: cancel alone may leave the connection draining the rest.
      controller.abort();
      await reader.cancel().catch(() => undefined);
      throw tooLarge(`more than ${maxBodyBytes} bytes`);
    }
    chunks.push(chunk.value);
  }
  return concatenate(chunks, totalBytes);
}

function concatenate(chunks: Uint8Array[], totalBytes: number): Uint8Array {
  if (chunks.length === 1 && chunks[0] !== undefined) return chunks[0];
  const bytes = new Uint8Array(totalBytes);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** Releases the connection of a response whose body we do not want. */
async function discardBody(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}

/** Rejects as soon as `signal` aborts, so a slow DNS lookup cannot outlive the deadline. */
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

function findFetchError(error: unknown): FetchError | null {
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < 5; depth++) {
    if (current instanceof FetchError) return current;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

/** The innermost message of an error chain ("fetch failed" says nothing; its cause does). */
function describeCause(error: unknown): string {
  let current: unknown = error;
  let message = String(error);
  for (let depth = 0; current instanceof Error && depth < 5; depth++) {
    message = current.message || message;
    // Node reports a failed connect to every address of a host as one AggregateError with no message.
    const first: unknown = current instanceof AggregateError ? current.errors[0] : undefined;
    current = (current as { cause?: unknown }).cause ?? first;
  }
  if (current !== undefined && !(current instanceof Error)) message = String(current);
  return message;
}

function shorten(text: string): string {
  return text.length <= URL_IN_MESSAGE_MAX_CHARS ? text : `${text.slice(0, URL_IN_MESSAGE_MAX_CHARS)}…`;
}
