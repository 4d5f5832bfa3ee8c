// A poll's work is bounded: at most POLL_MAX_ENTRIES of a document's newest entries are read,
// the rest are counted in the report, and what is read is stored chunk by chunk.
import { sql } from 'drizzle-orm';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollSource, POLL_CHUNK_ENTRIES } from '../../src/pipeline/poll-source';
import { createNodeRuntime, type NodeRuntime } from '../../src/runtime/node-deps';
import { getSource, insertSource } from '../../src/store/sources';
import { startOrigin, type Origin } from '../helpers/origin';

const T0 = Date.UTC(2026, 10, 1);
const HOUR = 3_600_000;

/** An RSS document whose item n is published n hours before T0, listed in the given order. */
function rss(order: number[], extra = ''): string {
  const items = order
    .map((n) => `<item><guid>story-${n}</guid><link>https://news.example/${n}</link><title>Story ${n} from Astana</title>`
      + `<pubDate>${new Date(T0 - n * HOUR).toUTCString()}</pubDate></item>`)
    .join('\n');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title><link>https://news.example/</link>${extra}${items}</channel></rss>`;
}

/** 1..n in a scrambled but deterministic order, so "newest" is not simply "first". */
function scrambled(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i + 1).sort((a, b) => ((a * 7919) % 1237) - ((b * 7919) % 1237));
}

let origin: Origin;
let runtime: NodeRuntime;

beforeAll(async () => {
  origin = await startOrigin({
    '/big.xml': { body: rss(scrambled(1234)), contentType: 'application/rss+xml' },
    // Entry 5 appears again two chunks later: one document, one copy.
    '/repeats.xml': { body: rss([...Array.from({ length: 1100 }, (_, i) => i + 1), 5]), contentType: 'application/rss+xml' },
  });
  const dir = mkdtempSync(join(tmpdir(), 'topicwire-bounded-'));
  runtime = await createNodeRuntime({
    DATABASE_URL: `file:${join(dir, 'bounded.db')}`,
    SEED_SOURCES: 'false',
    ALLOW_PRIVATE_SOURCES: 'true',
    POLL_INTERVAL_SECONDS: '0',
    POLL_MAX_ENTRIES: '1000',
  }, { now: () => T0 });
});

afterAll(async () => {
  runtime?.close();
  await origin?.close();
});

async function itemsOf(sourceId: number): Promise<string[]> {
  const rows = await runtime.db.all<{ guid: string }>(sql`select guid from item_sources where source_id = ${sourceId}`);
  return rows.map((row) => row.guid);
}

describe('pollSource on a feed larger than POLL_MAX_ENTRIES', () => {
  it('stores the newest POLL_MAX_ENTRIES entries and reports how many it left unread', async () => {
    const { source } = await insertSource(runtime.db, { url: `${origin.url}/big.xml` }, T0);
    const report = await pollSource(runtime.pipeline, source);
    expect(report).toMatchObject({ status: 'ok', entries: 1234, newEntries: 1000, skippedEntries: 234 });
    const guids = await itemsOf(source.id);
    expect(guids).toHaveLength(1000);
    // The newest are stories 1..1000 (story n is n hours old), wherever the document lists them.
    expect(new Set(guids)).toEqual(new Set(Array.from({ length: 1000 }, (_, i) => `story-${i + 1}`)));
    expect(await getSource(runtime.db, source.id)).toMatchObject({ lastStatus: 'ok', lastNewItems: 1000 });

    // Polled again (the origin's ETag is not sent back when the body differs): nothing is new.
    const again = await pollSource(runtime.pipeline, { ...source, etag: null, lastModified: null });
    expect(again).toMatchObject({ status: 'ok', newEntries: 0, skippedEntries: 234 });
    expect(await itemsOf(source.id)).toHaveLength(1000);
  });

  it('keeps one copy of an entry repeated across chunks of one document', async () => {
    expect(1100).toBeGreaterThan(2 * POLL_CHUNK_ENTRIES);
    const { source } = await insertSource(runtime.db, { url: `${origin.url}/repeats.xml` }, T0);
    const report = await pollSource(runtime.pipeline, source);
    // 1101 entries; the newest 1000 include the repeat of story 5 (listed last, same date).
    expect(report).toMatchObject({ status: 'ok', entries: 1101, skippedEntries: 101, newEntries: 999 });
    const guids = await itemsOf(source.id);
    expect(guids.filter((guid) => guid === 'story-5')).toHaveLength(1);
  });
});
