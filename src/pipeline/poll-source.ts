/**
 * The poll of one source, the only place that knows the stage order:
 * fetch → parse → dedup → tag → store. The API's "poll now", the Node scheduler,
 * the CLI, the Worker's cron and its queue consumer all come through here.
 *
 * Work per poll is bounded, whatever the publisher serves:
 * - at most `maxEntriesPerPoll` (POLL_MAX_ENTRIES) of the document's newest entries are read;
 *   the others are counted in the report (`skippedEntries`) and the log, never stored;
 * - those are identified, tagged and stored POLL_CHUNK_ENTRIES at a time by `ingestChunk`:
 *   one known-key look-up and one write batch per chunk, the source's poll state riding in
 *   the last chunk's batch; between chunks the poll yields to the event loop, so a server
 *   answers requests while it ingests a large feed.
 *
 * A poll never throws for a bad source: a broken feed, a slow or hostile server end in a
 * recorded, readable error on the source (and a longer wait before the next try), while what
 * is already stored stays as it is.
 *
 * Moves and endings: a feed that moved for good (301/308, see fetch-feed.ts; every hop passed
 * the SSRF guard) gets its stored URL changed with the poll's state, unless another source
 * already has the new URL; 302/307 change nothing. A 410 disables the source (`lastStatus:
 * "gone"`). A 404 backs off like any error, but up to a day even when the source's own
 * maximum interval is shorter: a missing feed rarely comes back within the hour.
 */
import { contentHash, identifyEntries, type DocumentContext } from '../dedup/entry-key';
import { describeError, FetchError } from '../domain/errors';
import type { Entry } from '../domain/types';
import { fetchFeed } from '../fetch/fetch-feed';
import { parseFeed } from '../parse/parse-feed';
import { findKnownEntries, saveEntries, savePoll, type EntryUpdate, type KnownEntry, type PreparedEntry } from '../store/items';
import { countSourceItemsSince, findSourceIdByUrl, recordNotModified, type ClaimedSource, type SourcePollState, type SourceRow } from '../store/sources';
import { detectDocumentLanguages } from '../tag/detect-language';
import type { Matcher } from '../tag/matcher';
import type { PipelineDeps } from './deps';
import type { NotModifiedBatch } from './not-modified-batch';
import { assignStoryClusters, sketchEntries } from './cluster-stories';
import { computeNextPollAt } from './schedule';
import { ensureSubscription, pingHub, SAFETY_POLL_MS, type FeedHubLinks } from './websub';
import { hasActiveSubscription } from '../store/websub';

export interface PollReport {
  sourceId: number;
  url: string;
  status: 'ok' | 'not_modified' | 'error';
  /** Entries in the feed document. */
  entries: number;
  /** Entries this source had not brought before (new stories, or stories new to this source). */
  newEntries: number;
  /** Known entries whose text the source changed since (a corrected headline): rewritten in place. */
  updatedEntries: number;
  /** Entries beyond POLL_MAX_ENTRIES (the document's oldest), not read in this poll. */
  skippedEntries: number;
  httpStatus: number | null;
  error: string | null;
  errorCode: string | null;
  durationMs: number;
  nextPollAt: number;
  /** The source's new URL when this poll followed a permanent redirect, else null. */
  movedTo: string | null;
  /** Body bytes received (0 for a 304 or a failure). */
  fetchedBytes: number;
}

const WEEK_MS = 7 * 86_400_000;
const DAY_SECONDS = 86_400;
/** Entries identified, tagged and written per batch: small enough to keep a batch short. */
export const POLL_CHUNK_ENTRIES = 500;
export const DEFAULT_MAX_ENTRIES_PER_POLL = 1000;
/** A publication date further in the future than this is a publisher's mistake: use now. */
const MAX_FUTURE_SKEW_MS = 60 * 60_000;

export interface PollSourceOptions {
  /** Where a round gathers the state rows of its 304s (see not-modified-batch.ts); without it each is written at once. */
  notModified?: NotModifiedBatch;
}

/**
 * Polls one source. A source as claimSources / claimSource return it carries the number of
 * items it brought last week, which a poll that finds nothing new needs for its next poll time:
 * such a poll then costs one small statement (or its row in a round's batch), and reads nothing.
 */
export async function pollSource(deps: PipelineDeps, source: SourceRow | ClaimedSource, options: PollSourceOptions = {}): Promise<PollReport> {
  const report = await pollOnce(deps, source, options);
  deps.metrics?.observePoll(report);
  deps.log?.('poll', {
    sourceId: report.sourceId, url: report.url, status: report.status, httpStatus: report.httpStatus, entries: report.entries, new: report.newEntries,
    updated: report.updatedEntries, skipped: report.skippedEntries, bytes: report.fetchedBytes, durationMs: report.durationMs,
    ...(report.movedTo ? { movedTo: report.movedTo } : {}), ...(report.error ? { error: report.error, errorCode: report.errorCode } : {}),
  });
  return report;
}

async function pollOnce(deps: PipelineDeps, source: SourceRow | ClaimedSource, options: PollSourceOptions): Promise<PollReport> {
  const { db } = deps;
  const startedAt = deps.now();
  const base = { sourceId: source.id, url: source.url };
  const itemsLastWeek = 'itemsLastWeek' in source ? source.itemsLastWeek : null;
  try {
    const fetched = await fetchFeed(source.url, {
      fetch: deps.fetch,
      etag: source.etag,
      lastModified: source.lastModified,
      ...deps.fetchOptions,
    });
    const movedTo = await acceptMove(deps, source, fetched.movedTo);
    if (fetched.kind === 'not-modified') {
      const now = deps.now();
      const nextPollAt = await scheduleAfterSuccess(deps, source, now, itemsLastWeek, 0, fetched.retryAfterSeconds);
      const state = { id: source.id, etag: fetched.etag ?? source.etag, lastModified: fetched.lastModified ?? source.lastModified, polledAt: now, nextPollAt };
      const report: PollReport = { ...base, status: 'not_modified', entries: 0, newEntries: 0, updatedEntries: 0, skippedEntries: 0, httpStatus: 304, error: null, errorCode: null, durationMs: now - startedAt, nextPollAt, movedTo, fetchedBytes: 0 };
      // A move is rare: its 304 is written on its own, with the new URL.
      if (movedTo) await savePoll(db, source.id, [], { url: movedTo, etag: state.etag, lastModified: state.lastModified, lastPolledAt: now, lastSuccessAt: now, nextPollAt, lastStatus: 'not_modified', lastHttpStatus: 304, lastError: null, errorCount: 0, lastNewItems: 0 }, now);
      else if (options.notModified) options.notModified.add(state, report);
      else await recordNotModified(db, [state]);
      return report;
    }

    return await ingestDocument(deps, source, fetched, { startedAt, itemsLastWeek, movedTo });
  } catch (error) {
    return recordFailure(deps, source, error, startedAt);
  }
}

/** A feed document to store: fetched by a poll, or pushed by a WebSub hub. */
export interface FeedDocument {
  text: string;
  /** The URL it came from (the base for relative links). */
  url: string;
  httpStatus: number;
  etag: string | null;
  lastModified: string | null;
  retryAfterSeconds: number | null;
  /** Bytes read from the network (0 for a push, which is not a fetch). */
  bodyBytes?: number;
  /** WebSub links of the response's `Link` header (a push has none). */
  headerLinks?: FeedHubLinks;
}

/**
 * parse → dedup → tag → store for one document, the second half of a poll and the whole of a
 * WebSub push. A push (`push: true`) leaves the source's schedule and validators alone.
 */
export async function ingestDocument(
  deps: PipelineDeps,
  source: SourceRow,
  fetched: FeedDocument,
  options: { startedAt: number; itemsLastWeek?: number | null; movedTo?: string | null; push?: boolean },
): Promise<PollReport> {
  const { db } = deps;
  const base = { sourceId: source.id, url: source.url };
  const { movedTo = null } = options;
  const feed = await parseFeed(fetched.text, { baseUrl: fetched.url });
  const now = deps.now();
  if (!options.push) {
    // A hub the feed advertises is subscribed to (or renewed); never a reason for a poll to fail.
    try {
      await ensureSubscription(deps, source, hubLinks(fetched.headerLinks, feed), now);
    } catch (error) {
      deps.log?.('websub_failed', { source: source.url, error: describeError(error) });
    }
  }
  const limit = deps.maxEntriesPerPoll ?? DEFAULT_MAX_ENTRIES_PER_POLL;
  const taken = newestEntries(feed.entries, limit, now);
  const skippedEntries = feed.entries.length - taken.length;
  // Identities are decided over the whole document read: whether a link names one story
  // depends on the other entries (see dedup/entry-key.ts).
  const document: DocumentContext = { siteUrl: feed.siteUrl, feedUrl: fetched.url };
  const identities = identifyEntries(taken, document);
  const matcher = await deps.matchers.get(db);
  const seen = new Set<string>();
  let newEntries = 0;
  let updatedEntries = 0;
  let nextPollAt = 0;
  // Topics of the new entries, once per entry: the topic feeds a WebSub hub is told about.
  const changedTopics: string[] = [];
  // At least one round, so that an empty document still records its poll state.
  for (let start = 0; start === 0 || start < taken.length; start += POLL_CHUNK_ENTRIES) {
    if (start > 0) await yieldToEventLoop();
    const prepared = prepareEntries(source.id, taken.slice(start, start + POLL_CHUNK_ENTRIES), matcher, now, seen, document, identities.slice(start, start + POLL_CHUNK_ENTRIES));
    const known = await findKnownEntries(db, source.id, prepared.map((p) => p.entryKey));
    for (const entry of prepared) if (!known.has(entry.entryKey)) changedTopics.push(...entry.topics);
    const last = start + POLL_CHUNK_ENTRIES >= taken.length;
    const stored = await ingestChunk(deps, source.id, prepared, known, now, last ? async (chunkNew) => {
      if (options.push) {
        // A push is not a poll: the poll schedule and validators stay as they are.
        nextPollAt = source.nextPollAt;
        return {
          title: source.title ?? feed.title,
          siteUrl: source.siteUrl ?? feed.siteUrl,
          description: feed.description,
          language: feed.language,
          lastPolledAt: source.lastPolledAt ?? now,
          lastSuccessAt: now,
          nextPollAt,
          lastStatus: 'ok',
          lastHttpStatus: source.lastHttpStatus,
          lastError: null,
          errorCount: 0,
          lastNewItems: newEntries + chunkNew,
        };
      }
      nextPollAt = await scheduleAfterSuccess(deps, source, now, options.itemsLastWeek ?? null, newEntries + chunkNew, fetched.retryAfterSeconds);
      return {
        ...(movedTo ? { url: movedTo } : {}),
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
        lastNewItems: newEntries + chunkNew,
      };
    } : null);
    newEntries += stored.newEntries;
    updatedEntries += stored.updatedEntries;
  }
  if (newEntries > 0) await pingHub(deps, changedTopics);
  // A poll is counted and logged once, by pollSource; a push (not a poll) here.
  if (options.push) {
    deps.metrics?.countIngested(newEntries);
    deps.log?.('push', { source: source.url, entries: feed.entries.length, new: newEntries, ...(updatedEntries > 0 ? { updated: updatedEntries } : {}) });
  }
  return {
    ...base,
    status: 'ok',
    entries: feed.entries.length,
    newEntries,
    updatedEntries,
    skippedEntries,
    httpStatus: fetched.httpStatus,
    error: null,
    errorCode: null,
    durationMs: now - options.startedAt,
    nextPollAt,
    movedTo,
    fetchedBytes: fetched.bodyBytes ?? 0,
  };
}

async function recordFailure(deps: PipelineDeps, source: SourceRow, error: unknown, startedAt: number): Promise<PollReport> {
  const now = deps.now();
  const message = describeError(error);
  const code = error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : 'poll_failed';
  const httpStatus = error instanceof FetchError ? error.httpStatus : null;
  const gone = httpStatus === 410;
  const errorCount = source.errorCount + 1;
  const nextPollAt = computeNextPollAt({
    now,
    sourceId: source.id,
    ok: false,
    errorCount,
    itemsLastWeek: 0,
    minIntervalSeconds: source.minIntervalSeconds,
    maxIntervalSeconds: httpStatus === 404 ? Math.max(source.maxIntervalSeconds, DAY_SECONDS) : source.maxIntervalSeconds,
    serverDelaySeconds: error instanceof FetchError ? error.retryAfterSeconds : null,
  });
  if (gone) deps.log?.('source_gone', { source: source.url, error: message });
  try {
    await savePoll(deps.db, source.id, [], {
      ...(gone ? { enabled: false } : {}),
      lastPolledAt: now,
      nextPollAt,
      lastStatus: gone ? 'gone' : 'error',
      lastHttpStatus: httpStatus,
      lastError: message.slice(0, 2000),
      errorCount,
      lastNewItems: 0,
    }, now);
  } catch (storeError) {
    // The database itself failed: nothing more can be recorded; report both.
    return {
      sourceId: source.id, url: source.url, status: 'error', entries: 0, newEntries: 0, updatedEntries: 0, skippedEntries: 0, httpStatus,
      error: `${message}; store: ${describeError(storeError)}`, errorCode: 'store_failed', durationMs: now - startedAt, nextPollAt, movedTo: null, fetchedBytes: 0,
    };
  }
  return { sourceId: source.id, url: source.url, status: 'error', entries: 0, newEntries: 0, updatedEntries: 0, skippedEntries: 0, httpStatus, error: message, errorCode: gone ? 'gone' : code, durationMs: now - startedAt, nextPollAt, movedTo: null, fetchedBytes: 0 };
}

/**
 * The URL a source moves to after a permanent redirect, or null. A move onto the URL of
 * another source is not made (the URL is unique; the operator can delete one of the two).
 */
async function acceptMove(deps: PipelineDeps, source: SourceRow, movedTo: string | null): Promise<string | null> {
  if (movedTo === null || movedTo === source.url) return null;
  const holder = await findSourceIdByUrl(deps.db, movedTo);
  if (holder !== null && holder !== source.id) {
    deps.log?.('source_move_skipped', { source: source.url, movedTo, reason: `source ${holder} has that URL` });
    return null;
  }
  deps.log?.('source_moved', { source: source.url, movedTo });
  return movedTo;
}

/**
 * The next poll time after a successful poll. `itemsLastWeek` is what the source's claim
 * counted before this poll (null when the source was not claimed: then it is counted here);
 * the poll holds the source's lease, so nothing else added items to it since.
 */
async function scheduleAfterSuccess(
  deps: PipelineDeps,
  source: SourceRow,
  now: number,
  itemsLastWeek: number | null,
  newEntries: number,
  serverDelaySeconds: number | null,
): Promise<number> {
  // A source a hub pushes is polled once a day, in case a push was lost.
  if (deps.websub && (await hasActiveSubscription(deps.db, source.id, now))) return now + SAFETY_POLL_MS;
  const recent = itemsLastWeek ?? (await countSourceItemsSince(deps.db, source.id, now - WEEK_MS));
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
 * Stores one chunk of a poll and returns how many of its entries were new to this source and
 * how many known ones were edited. `prepared` is the chunk, identified and tagged; `known` holds
 * what this source stored before under the chunk's keys. A known entry whose content hash
 * changed is rewritten in place (unless its own update time says it is older than what is
 * stored). `finalState` is given for the poll's last chunk only: it builds the source's poll
 * state from the chunk's new-entry count, and that state is written in the same batch as the
 * chunk. Every chunk is one batch: all of it is stored, or none.
 */
export async function ingestChunk(
  deps: PipelineDeps,
  sourceId: number,
  prepared: PreparedEntry[],
  known: ReadonlyMap<string, KnownEntry>,
  now: number,
  finalState: ((chunkNewEntries: number) => Promise<SourcePollState>) | null,
): Promise<{ newEntries: number; updatedEntries: number }> {
  const fresh: PreparedEntry[] = [];
  const updates: EntryUpdate[] = [];
  for (const entry of prepared) {
    const before = known.get(entry.entryKey);
    if (!before) fresh.push(entry);
    else if (before.itemId !== null && before.contentHash !== entry.contentHash) {
      const edited = entry.entry.updatedAt?.getTime() ?? null;
      if (edited !== null && before.updatedAt !== null && edited < before.updatedAt) continue;
      // A row stored before hashes were kept: record the hash, the text is what it was.
      updates.push({ itemId: before.itemId, prepared: entry, updatedAt: edited ?? now, rewrite: before.contentHash !== null });
    }
  }
  if (deps.storyClusters !== false) await assignStoryClusters(deps.db, sourceId, fresh);
  sketchEntries(updates.filter((u) => u.rewrite).map((u) => u.prepared));
  if (finalState) await savePoll(deps.db, sourceId, fresh, await finalState(fresh.length), now, updates);
  else await saveEntries(deps.db, sourceId, fresh, now, updates);
  return { newEntries: fresh.length, updatedEntries: updates.filter((u) => u.rewrite).length };
}

/**
 * The `limit` newest entries of a document, in document order. An entry's time is its
 * publication (else update) date; an undated one counts as published now, as it is stored.
 * Feeds list newest first, so most documents are simply cut at `limit`.
 */
export function newestEntries(entries: Entry[], limit: number, now: number): Entry[] {
  if (entries.length <= limit) return entries;
  const at = (entry: Entry) => (entry.publishedAt ?? entry.updatedAt)?.getTime() ?? now;
  const order = entries.map((entry, index) => ({ index, time: at(entry) }));
  // Newest first; equal times keep document order.
  order.sort((a, b) => b.time - a.time || a.index - b.index);
  const keep = order.slice(0, limit).map((o) => o.index).sort((a, b) => a - b);
  return keep.map((index) => entries[index] as Entry);
}

/** Lets timers and requests run between two chunks (setTimeout exists on Node and Workers). */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Identifies and tags a feed's entries. An entry that repeats within one document (same key)
 * is kept once: the first, as feeds list newest first. `seen` carries the keys across the
 * chunks of one document; `identities` are the entries' identities decided over the whole
 * document (computed here from `entries` alone when not given).
 */
export function prepareEntries(
  sourceId: number,
  entries: Entry[],
  matcher: Matcher,
  now: number,
  seen: Set<string> = new Set(),
  document: DocumentContext = {},
  identities = identifyEntries(entries, document),
): PreparedEntry[] {
  const prepared: PreparedEntry[] = [];
  // The language each entry is tagged and stored with: declared, else detected (one detection
  // for the document's undeclared entries, see tag/detect-language.ts).
  const languages = detectDocumentLanguages(entries);
  entries.forEach((declared, index) => {
    const language = languages[index] ?? null;
    const entry = declared.language === language ? declared : { ...declared, language };
    const { entryKey: key, articleUrl } = identities[index] as (typeof identities)[number];
    if (seen.has(key)) return;
    seen.add(key);
    const dated = entry.publishedAt ?? entry.updatedAt;
    const publishedAt = dated && dated.getTime() <= now + MAX_FUTURE_SKEW_MS ? dated.getTime() : now;
    prepared.push({
      entry,
      entryKey: key,
      dedupKey: articleUrl ?? `source:${sourceId}:${key}`,
      url: entry.url,
      publishedAt,
      // The parse stage reads the epoch as "no date" too: such an entry is dated when first seen.
      undated: dated === null,
      contentHash: contentHash(`${entry.title}\n${entry.summary ?? ''}\n${entry.contentHtml ?? ''}`),
      topics: matcher.tag({ title: entry.title, summary: entry.summary, language: entry.language }),
    });
  });
  return prepared;
}

/**
 * Where a feed says its hub is: WebSub §4 has subscribers look at the HTTP `Link` header first
 * and at the document only when the header names no hub and self; the pair is taken from one
 * place, never half from each.
 */
function hubLinks(header: FeedHubLinks | undefined, feed: { hubUrl?: string | null; selfUrl?: string | null }): FeedHubLinks {
  if (header?.hubUrl && header.selfUrl) return header;
  return { hubUrl: feed.hubUrl ?? null, selfUrl: feed.selfUrl ?? null };
}
