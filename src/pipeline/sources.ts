/** Adding sources: by feed URL, by page URL (autodiscovery), or from an OPML document. */
import { AppError, describeError, FetchError } from '../domain/errors';
import { fetchFeed } from '../fetch/fetch-feed';
import { assertPublicUrl } from '../fetch/ssrf-guard';
import { discoverFeedLinks, looksLikeFeed } from '../parse/discover-feeds';
import { parseOpml } from '../parse/opml';
import { deleteSource, getSource, insertSource, type SourceRow } from '../store/sources';
import type { PipelineDeps } from './deps';
import { POLL_LEASE_MS } from './poll-due';
import { pollSource, type PollReport } from './poll-source';

export interface AddSourceInput {
  url: string;
  title?: string;
  minIntervalSeconds?: number;
  maxIntervalSeconds?: number;
  /** Add the URL even when it does not answer with a feed right now. */
  force?: boolean;
}

export interface AddSourceResult {
  source: SourceRow;
  /** false when the URL was a source already (nothing was polled). */
  created: boolean;
  /** The first poll of a created source, made at once. */
  poll: PollReport | null;
}

/** Validates a user-supplied URL: absolute http(s), no credentials, allowed by the SSRF guard. */
export async function validateSourceUrl(deps: PipelineDeps, text: string): Promise<URL> {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new AppError(400, 'invalid_url', `"${text.slice(0, 200)}" is not an absolute URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new AppError(400, 'invalid_url', `only http and https feeds can be added, not ${url.protocol}`);
  }
  if (url.username || url.password) {
    throw new AppError(400, 'invalid_url', 'URLs with credentials are not accepted');
  }
  url.hash = '';
  try {
    await assertPublicUrl(url, { allowPrivate: deps.fetchOptions.allowPrivate, ...(deps.fetchOptions.resolveHost ? { resolveHost: deps.fetchOptions.resolveHost } : {}) });
  } catch (error) {
    throw new AppError(400, 'invalid_url', describeError(error), { cause: error });
  }
  return url;
}

/**
 * Adds a source, as Miniflux and FreshRSS do: only what answers as a feed. The URL is fetched
 * once: a feed is added as given; an HTML page is searched for `<link rel="alternate">` feeds
 * and the first is added; a page without one is refused (`no_feed_found`). A created source is
 * polled at once and the poll's report returned, so its items are there when the call returns.
 *
 * A URL that cannot be fetched (404, timeout, refused connection…), or whose feed fails its
 * first poll (not parseable, gone), is refused with 422 `feed_unreachable` carrying the fetch
 * error, and nothing is stored; with `force` it is added anyway and the failure is recorded on
 * the source, so a feed that is down today can still be subscribed to. The SSRF guard and URL
 * checks are never forced.
 */
export async function addSource(deps: PipelineDeps, input: AddSourceInput): Promise<AddSourceResult> {
  const url = await validateSourceUrl(deps, input.url);
  if (
    input.minIntervalSeconds !== undefined &&
    input.maxIntervalSeconds !== undefined &&
    input.minIntervalSeconds > input.maxIntervalSeconds
  ) {
    throw new AppError(400, 'validation_failed', 'minIntervalSeconds is larger than maxIntervalSeconds');
  }
  let feedUrl = url.href;
  try {
    const fetched = await fetchFeed(feedUrl, { fetch: deps.fetch, ...deps.fetchOptions });
    if (fetched.kind === 'ok' && !looksLikeFeed(fetched.text)) {
      const links = discoverFeedLinks(fetched.text, fetched.url);
      const first = links[0];
      if (!first) {
        throw new AppError(422, 'no_feed_found', `${feedUrl} is neither a feed nor a page that links to one`);
      }
      feedUrl = (await validateSourceUrl(deps, first.url)).href;
    }
  } catch (error) {
    if (!(error instanceof FetchError) || error.code === 'blocked_address' || error.code === 'invalid_url') throw error;
    if (!input.force) throw unreachableError(feedUrl, describeError(error), error.code, error.httpStatus);
    deps.log?.('source_unreachable', { url: feedUrl, error: describeError(error) });
  }
  const now = deps.now();
  const { source, created } = await insertSource(
    deps.db,
    {
      url: feedUrl,
      title: input.title ?? null,
      ...(input.minIntervalSeconds === undefined ? {} : { minIntervalSeconds: input.minIntervalSeconds }),
      ...(input.maxIntervalSeconds === undefined ? {} : { maxIntervalSeconds: input.maxIntervalSeconds }),
      // Leased from the start, so no scheduler round polls it beside the first poll below.
      leaseUntil: now + POLL_LEASE_MS,
    },
    now,
  );
  if (!created) return { source, created, poll: null };
  const poll = await pollSource(deps, source);
  if (poll.status === 'error' && !input.force) {
    await deleteSource(deps.db, source.id);
    throw unreachableError(feedUrl, poll.error ?? 'the first poll failed', poll.errorCode, poll.httpStatus);
  }
  return { source: (await getSource(deps.db, source.id)) ?? source, created, poll };
}

/** One line about a poll, for the CLI and the admin page: "40 new of 40 entries", "not modified", "failed: …". */
export function describePoll(report: PollReport): string {
  if (report.status === 'error') return `failed: ${report.error ?? 'unknown error'}`;
  if (report.status === 'not_modified') return 'not modified';
  return `${report.newEntries} new of ${report.entries} entries`;
}

function unreachableError(url: string, message: string, reason: string | null, httpStatus: number | null): AppError {
  return new AppError(422, 'feed_unreachable', `${url} is not a reachable feed (add it with "force": true to subscribe anyway): ${message}`, {
    details: { fetchError: message, reason, ...(httpStatus === null ? {} : { upstreamStatus: httpStatus }) },
  });
}

export interface ImportResult {
  added: number;
  present: number;
  invalid: number;
  results: Array<{ url: string; status: 'added' | 'present' | 'invalid'; error?: string; id?: number }>;
}

/** Imports every outline with an xmlUrl; reports each as added, already present or invalid. */
export async function importOpml(deps: PipelineDeps, text: string): Promise<ImportResult> {
  let outlines;
  try {
    outlines = parseOpml(text);
  } catch (error) {
    throw new AppError(400, 'validation_failed', describeError(error), { cause: error });
  }
  const result: ImportResult = { added: 0, present: 0, invalid: 0, results: [] };
  for (const outline of outlines) {
    try {
      const url = await validateSourceUrl(deps, outline.xmlUrl);
      const { source, created } = await insertSource(deps.db, { url: url.href, title: outline.title, siteUrl: outline.htmlUrl }, deps.now());
      result[created ? 'added' : 'present']++;
      result.results.push({ url: url.href, status: created ? 'added' : 'present', id: source.id });
    } catch (error) {
      result.invalid++;
      result.results.push({ url: outline.xmlUrl, status: 'invalid', error: describeError(error) });
    }
  }
  return result;
}

