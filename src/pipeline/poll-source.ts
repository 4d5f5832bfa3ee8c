/**
 * The poll of one source, the only place that knows the stage order:
 * fetch → parse → dedup → tag → store (one batch). The API's "poll now", the Node scheduler,
 * the CLI, the Worker's cron and its queue consumer all come through here.
 *
 * A poll never throws for a bad source: a broken feed, a slow or hostile server end in a
 * recorded, readable error on the source (and a longer wait before the next try), while what
 * is already stored stays as it is.
 */
import { canonicalizeUrl } from '../dedup/canonical-url';
import { entryKey } from '../dedup/entry-key';
import { describeError, FetchError } from '../domain/errors';
import type { Entry } from '../domain/types';
import { fetchFeed } from '../fetch/fetch-feed';
import { parseFeed } from '../parse/parse-feed';
import { findKnownEntryKeys, savePoll, type PreparedEntry } from '../store/items';
import { countSourceItemsSince, type SourcePollState, type SourceRow } from '../store/sources';
import type { Matcher } from '../tag/matcher';
import type { PipelineDeps } from './deps';
import { computeNextPollAt } from './schedule';

export interface PollReport {
  sourceId: number;
  url: string;
  status: 'ok' | 'not_modified' | 'error';
  /** Entries in the feed document. */
  entries: number;
  /** Entries this source had not brought before (new stories, or stories new to this source). */
  newEntries: number;
  httpStatus: number | null;
  error: string | null;
  errorCode: string | null;
  durationMs: number;
  nextPollAt: number;
}

const WEEK_MS = 7 * 86_400_000;
/** A publication date further in the future than this is a publisher's mistake: use now. */
const MAX_FUTURE_SKEW_MS = 60 * 60_000;

export async function pollSource(deps: PipelineDeps, source: SourceRow): Promise<PollReport> {
  const { db } = deps;
  const startedAt = deps.now();
  const base = { sourceId: source.id, url: source.url };
  try {
    const fetched = await fetchFeed(source.url, {
      fetch: deps.fetch,
      etag: source.etag,
      lastModified: source.lastModified,
      ...deps.fetchOptions,
    });
    if (fetched.kind === 'not-modified') {
      const now = deps.now();
      const nextPollAt = await scheduleAfterSuccess(deps, source, now, 0, fetched.retryAfterSeconds);
      await savePoll(db, source.id, [], {
        etag: fetched.etag ?? source.etag,
        lastModified: fetched.lastModified ?? source.lastModified,
        lastPolledAt: now,
        lastSuccessAt: now,
        nextPollAt,
        lastStatus: 'not_modified',
        lastHttpStatus: 304,
        lastError: null,
        errorCount: 0,
        lastNewItems: 0,
      }, now);
      return { ...base, status: 'not_modified', entries: 0, newEntries: 0, httpStatus: 304, error: null, errorCode: null, durationMs: now - startedAt, nextPollAt };
    }

    const feed = await parseFeed(fetched.text, { baseUrl: fetched.url });
    const now = deps.now();
    const matcher = await deps.matchers.get(db);
    const prepared = prepareEntries(source.id, feed.entries, matcher, now);
    const known = await findKnownEntryKeys(db, source.id, prepared.map((p) => p.entryKey));
    const fresh = prepared.filter((p) => !known.has(p.entryKey));
    const nextPollAt = await scheduleAfterSuccess(deps, source, now, fresh.length, fetched.retryAfterSeconds);
    const state: SourcePollState = {
      title: source.title ?? feed.title,
      siteUrl: source.siteUrl ?? feed.siteUrl,
      description: feed.description,
      language: feed.language,
      etag: fetched.etag,
      lastModified: fetched.lastModified,
      lastPolledAt: now,
      lastSuccessAt: now,
      nextPollAt,
      lastStatus: 'ok',
      lastHttpStatus: fetched.httpStatus,
      lastError: null,
      errorCount: 0,
      lastNewItems: fresh.length,
    };
    await savePoll(db, source.id, fresh, state, now);
    deps.log?.('poll', { source: source.url, entries: feed.entries.length, new: fresh.length });
    return {
      ...base,
      status: 'ok',
      entries: feed.entries.length,
      newEntries: fresh.length,
      httpStatus: fetched.httpStatus,
      error: null,
      errorCode: null,
      durationMs: now - startedAt,
      nextPollAt,
    };
  } catch (error) {
    return recordFailure(deps, source, error, startedAt);
  }
}

async function recordFailure(deps: PipelineDeps, source: SourceRow, error: unknown, startedAt: number): Promise<PollReport> {
  const now = deps.now();
  const message = describeError(error);
  const code = error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : 'poll_failed';
  const httpStatus = error instanceof FetchError ? error.httpStatus : null;
  const errorCount = source.errorCount + 1;
  const nextPollAt = computeNextPollAt({
    now,
    sourceId: source.id,
    ok: false,
    errorCount,
    itemsLastWeek: 0,
    minIntervalSeconds: source.minIntervalSeconds,
    maxIntervalSeconds: source.maxIntervalSeconds,
    serverDelaySeconds: error instanceof FetchError ? error.retryAfterSeconds : null,
  });
  deps.log?.('poll_failed', { source: source.url, error: message });
  try {
    await savePoll(deps.db, source.id, [], {
      lastPolledAt: now,
      nextPollAt,
      lastStatus: 'error',
      lastHttpStatus: httpStatus,
      lastError: message.slice(0, 2000),
      errorCount,
      lastNewItems: 0,
    }, now);
  } catch (storeError) {
    // The database itself failed: nothing more can be recorded; report both.
    return {
      sourceId: source.id, url: source.url, status: 'error', entries: 0, newEntries: 0, httpStatus,
      error: `${message}; store: ${describeError(storeError)}`, errorCode: 'store_failed', durationMs: now - startedAt, nextPollAt,
    };
  }
  return { sourceId: source.id, url: source.url, status: 'error', entries: 0, newEntries: 0, httpStatus, error: message, errorCode: code, durationMs: now - startedAt, nextPollAt };
}

async function scheduleAfterSuccess(
  deps: PipelineDeps,
  source: SourceRow,
  now: number,
  newEntries: number,
  serverDelaySeconds: number | null,
): Promise<number> {
  const recent = await countSourceItemsSince(deps.db, source.id, now - WEEK_MS);
  return computeNextPollAt({
    now,
    sourceId: source.id,
    ok: true,
    errorCount: 0,
    itemsLastWeek: recent + newEntries,
    minIntervalSeconds: source.minIntervalSeconds,
    maxIntervalSeconds: source.maxIntervalSeconds,
    serverDelaySeconds,
  });
}

/**
 * Identifies and tags a feed's entries. An entry that repeats within one document (same key)
 * is kept once: the first, as feeds list newest first.
 */
export function prepareEntries(sourceId: number, entries: Entry[], matcher: Matcher, now: number): PreparedEntry[] {
  const seen = new Set<string>();
  const prepared: PreparedEntry[] = [];
  for (const entry of entries) {
    const key = entryKey(entry);
    if (seen.has(key)) continue;
    seen.add(key);
    const canonical = entry.url ? canonicalizeUrl(entry.url) : null;
    const dated = entry.publishedAt ?? entry.updatedAt;
    const publishedAt = dated && dated.getTime() <= now + MAX_FUTURE_SKEW_MS ? dated.getTime() : now;
    prepared.push({
      entry,
      entryKey: key,
      dedupKey: canonical ?? `source:${sourceId}:${key}`,
      url: entry.url,
      publishedAt,
      topics: matcher.tag({ title: entry.title, summary: entry.summary, language: entry.language }),
    });
  }
  return prepared;
}
