// The store's behaviour, written once and registered against every backend the product runs
// on: an embedded libSQL file, a libSQL server (sqld) over HTTP, and D1 inside workerd. It
// imports only vitest and src/store, so it runs in Node and in the Workers runtime alike.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Entry, TopicExpression } from '../../src/domain/types';
import { runBatch, type Db } from '../../src/store/db';
import { findItemIds, findKnownEntryKeys, loadItems, savePoll, type ItemCursor, type PreparedEntry } from '../../src/store/items';
import { readMeta, writeMeta } from '../../src/store/meta';
import { itemSources, items, itemTopics, meta, sources, topicRules, topics } from '../../src/store/schema';
import {
  deferSources,
  deleteSource,
  getSource,
  insertSource,
  insertSources,
  listDueSources,
  listSources,
  type SourcePollState,
} from '../../src/store/sources';
import {
  getTopicRule,
  itemsAfter,
  listPendingRetags,
  listTopics,
  saveTopicRule,
  topicCounts,
  upsertTopics,
  writeRetagStep,
} from '../../src/store/topics';

/** Returns an empty database with the committed migrations applied, for one test. */
export type OpenDb = () => Promise<Db>;

/** Empties every table in one batch (for backends where a fresh database per test is costly). */
export async function clearDatabase(db: Db): Promise<void> {
  await runBatch(db, [
    db.delete(itemTopics),
    db.delete(itemSources),
    db.delete(items),
    db.delete(topicRules),
    db.delete(topics),
    db.delete(sources),
    db.delete(meta),
  ]);
}

const T0 = Date.UTC(2026, 0, 10, 12, 0, 0);
const HOUR = 3_600_000;

function entry(n: number, fields: Partial<Entry> = {}): Entry {
  return {
    guid: `guid-${n}`,
    url: `https://news.example/story/${n}`,
    title: `Story ${n}`,
    summary: `Summary of story ${n}`,
    contentHtml: `<p>Story ${n}</p>`,
    author: null,
    publishedAt: new Date(T0 - n * HOUR),
    updatedAt: null,
    categories: ['World'],
    enclosures: [],
    language: 'en',
    ...fields,
  };
}

/** A prepared entry as the pipeline builds it: entry key per source, dedup key across sources. */
function prepared(n: number, topicSlugs: string[], fields: Partial<Entry> & { dedupKey?: string; entryKey?: string } = {}): PreparedEntry {
  const { dedupKey, entryKey, ...entryFields } = fields;
  const e = entry(n, entryFields);
  return {
    entry: e,
    entryKey: entryKey ?? `guid:${e.guid}`,
    dedupKey: dedupKey ?? e.url ?? `source:x:${n}`,
    url: e.url,
    publishedAt: e.publishedAt?.getTime() ?? T0,
    undated: e.publishedAt === null,
    topics: topicSlugs,
    contentHash: `hash-${n}`,
  };
}

function pollState(now: number, fields: Partial<SourcePollState> = {}): SourcePollState {
  return {
    lastPolledAt: now,
    lastSuccessAt: now,
    nextPollAt: now + HOUR,
    lastStatus: 'ok',
    lastHttpStatus: 200,
    lastError: null,
    errorCount: 0,
    lastNewItems: 0,
    ...fields,
  };
}

async function addSource(db: Db, name: string): Promise<number> {
  const { source } = await insertSource(db, { url: `https://${name}.example/feed.xml`, title: name }, T0);
  return source.id;
}

async function count(db: Db, table: typeof items | typeof itemSources | typeof itemTopics | typeof sources): Promise<number> {
  const row = await db.select({ n: sql<number>`count(*)` }).from(table).get();
  return Number(row?.n ?? 0);
}

const term = (slug: string, negated = false) => ({ slug, negated });

export function registerStoreSuite(backend: string, openDb: OpenDb): void {
  describe(`store on ${backend}: savePoll`, () => {
    it('stores items, their source links, their topics and the poll state together', async () => {
      const db = await openDb();
      const sourceId = await addSource(db, 'alpha');
      await savePoll(db, sourceId, [prepared(1, ['russia', 'kazakhstan']), prepared(2, ['russia'])], pollState(T0, { lastNewItems: 2 }), T0);
      expect(await count(db, items)).toBe(2);
      expect(await count(db, itemSources)).toBe(2);
      expect(await count(db, itemTopics)).toBe(3);
      const source = await getSource(db, sourceId);
      expect(source).toMatchObject({ lastStatus: 'ok', lastPolledAt: T0, nextPollAt: T0 + HOUR, lastNewItems: 2 });
      const [detail] = await loadItems(db, (await findItemIds(db, { expression: [[term('kazakhstan')]], limit: 10 })).map((i) => i.id));
      expect(detail).toMatchObject({ title: 'Story 1', url: 'https://news.example/story/1', language: 'en', categories: ['World'] });
      expect(detail?.sources.map((s) => s.id)).toEqual([sourceId]);
    });

    it('writes nothing, not even the poll state, when one statement of the batch fails', async () => {
      const db = await openDb();
      const sourceId = await addSource(db, 'alpha');
      // A null title breaks the items table's NOT NULL constraint on the third entry.
      const broken = prepared(3, ['russia'], { title: null as unknown as string });
      await expect(
        savePoll(db, sourceId, [prepared(1, ['russia']), prepared(2, []), broken], pollState(T0), T0),
      ).rejects.toThrow();
      expect(await count(db, items)).toBe(0);
      expect(await count(db, itemSources)).toBe(0);
      expect(await count(db, itemTopics)).toBe(0);
      expect((await getSource(db, sourceId))?.lastPolledAt).toBeNull();
    });

    it('is idempotent: the same entries saved twice leave one copy of everything', async () => {
      const db = await openDb();
      const sourceId = await addSource(db, 'alpha');
      const batch = [prepared(1, ['russia', 'kazakhstan']), prepared(2, ['ukraine']), prepared(3, [])];
      await savePoll(db, sourceId, batch, pollState(T0), T0);
      await savePoll(db, sourceId, batch, pollState(T0 + HOUR), T0 + HOUR);
      expect(await count(db, items)).toBe(3);
      expect(await count(db, itemSources)).toBe(3);
      expect(await count(db, itemTopics)).toBe(3);
      const known = await findKnownEntryKeys(db, sourceId, ['guid:guid-1', 'guid:guid-2', 'guid:guid-9']);
      expect([...known].sort()).toEqual(['guid:guid-1', 'guid:guid-2']);
      expect((await getSource(db, sourceId))?.lastPolledAt).toBe(T0 + HOUR);
    });

    it('merges one story from two sources into one item, by dedup key, carrying both sources', async () => {
      const db = await openDb();
      const wire = await addSource(db, 'wire');
      const paper = await addSource(db, 'paper');
      const story = 'https://news.example/story/shared';
      await savePoll(db, wire, [prepared(1, ['russia'], { dedupKey: story, url: story, guid: 'wire-1' })], pollState(T0), T0);
      await savePoll(
        db,
        paper,
        [prepared(1, ['russia', 'kazakhstan'], { dedupKey: story, url: `${story}?utm_source=rss`, guid: 'paper-77', entryKey: 'guid:paper-77' })],
        pollState(T0 + HOUR),
        T0 + HOUR,
      );
      expect(await count(db, items)).toBe(1);
      const [item] = await loadItems(db, (await findItemIds(db, { expression: null, limit: 10 })).map((i) => i.id));
      expect(item?.url).toBe(story);
      expect(item?.sources.map((s) => s.id)).toEqual([wire, paper]);
      expect(item?.sources.map((s) => s.entryUrl)).toEqual([story, `${story}?utm_source=rss`]);
      // The second source's tags join the first's.
      expect((await findItemIds(db, { expression: [[term('kazakhstan'), term('russia')]], limit: 10 })).map((i) => i.id)).toEqual([item?.id]);
    });

    it('handles polls and look-ups larger than D1\'s 100 bound parameters per statement', async () => {
      const db = await openDb();
      const sourceId = await addSource(db, 'big');
      const many = Array.from({ length: 230 }, (_, i) => prepared(i + 1, i % 2 === 0 ? ['russia'] : []));
      await savePoll(db, sourceId, many, pollState(T0), T0);
      expect(await count(db, items)).toBe(230);
      const keys = many.map((p) => p.entryKey);
      expect((await findKnownEntryKeys(db, sourceId, [...keys, 'guid:absent'])).size).toBe(230);
      const ids = (await findItemIds(db, { expression: null, limit: 500 })).map((i) => i.id);
      const loaded = await loadItems(db, ids);
      expect(loaded).toHaveLength(230);
      expect(loaded.map((i) => i.id)).toEqual(ids);
      expect(loaded.every((i) => i.sources.length === 1)).toBe(true);
      expect(await count(db, itemTopics)).toBe(115);
    });
  });

  describe(`store on ${backend}: findItemIds`, () => {
    // Items 1..6, newest first by number: 1 = [russia, kazakhstan], 2 = [russia], 3 = [kazakhstan],
    // 4 = [russia, ukraine], 5 = [ukraine], 6 = [] (item 7 ties with 6 in time).
    async function seeded(db: Db): Promise<{ ids: Map<number, number>; sourceId: number }> {
      const sourceId = await addSource(db, 'alpha');
      const other = await addSource(db, 'beta');
      await savePoll(
        db,
        sourceId,
        [
          prepared(1, ['russia', 'kazakhstan']),
          prepared(2, ['russia'], { language: 'ru' }),
          prepared(3, ['kazakhstan']),
          prepared(4, ['russia', 'ukraine']),
          prepared(5, ['ukraine']),
          prepared(6, []),
        ],
        pollState(T0),
        T0,
      );
      await savePoll(db, other, [prepared(7, ['russia'], { publishedAt: new Date(T0 - 6 * HOUR) })], pollState(T0), T0);
      const rows = await db.select({ id: items.id, title: items.title }).from(items);
      return { ids: new Map(rows.map((row) => [Number(row.title.replace('Story ', '')), row.id])), sourceId };
    }

    // Story 7 has the same time as story 6 but a higher id, so it comes first.
    const NEWEST_FIRST = [1, 2, 3, 4, 5, 7, 6];
    const cases: Array<[string, TopicExpression | null, number[]]> = [
      ['one topic', [[term('russia')]], [1, 2, 4, 7]],
      ['AND', [[term('kazakhstan'), term('russia')]], [1]],
      ['OR', [[term('kazakhstan')], [term('ukraine')]], [1, 3, 4, 5]],
      ['NOT', [[term('russia'), term('ukraine', true)]], [1, 2, 7]],
      ['AND then OR (OR binds loosest)', [[term('russia'), term('ukraine')], [term('kazakhstan')]], [1, 3, 4]],
      ['an unused topic', [[term('mongolia')]], []],
      ['everything (no expression)', null, [1, 2, 3, 4, 5, 6, 7]],
    ];

    it.each(cases)('%s', async (_name, expression, expected) => {
      const db = await openDb();
      const { ids } = await seeded(db);
      const found = await findItemIds(db, { expression, limit: 50 });
      const order = [...expected].sort((a, b) => NEWEST_FIRST.indexOf(a) - NEWEST_FIRST.indexOf(b)).map((n) => ids.get(n));
      expect(found.map((i) => i.id)).toEqual(order);
    });

    it('pages with a cursor through the same order, without repeats, across equal times', async () => {
      const db = await openDb();
      await seeded(db);
      const all = await findItemIds(db, { expression: null, limit: 50 });
      const paged: ItemCursor[] = [];
      let cursor: ItemCursor | null = null;
      for (let page = 0; page < 10; page++) {
        const found: ItemCursor[] = await findItemIds(db, { expression: null, cursor, limit: 2 });
        paged.push(...found);
        if (found.length < 2) break;
        cursor = found.at(-1) ?? null;
      }
      expect(paged).toEqual(all);
      const russia = await findItemIds(db, { expression: [[term('russia')]], limit: 50 });
      const second = await findItemIds(db, { expression: [[term('russia')]], cursor: russia[1] ?? null, limit: 50 });
      expect(second).toEqual(russia.slice(2));
    });

    it('narrows by source, language and time', async () => {
      const db = await openDb();
      const { ids, sourceId } = await seeded(db);
      const bySource = await findItemIds(db, { expression: [[term('russia')]], filters: { sourceId }, limit: 50 });
      expect(bySource.map((i) => i.id)).toEqual([1, 2, 4].map((n) => ids.get(n)));
      const byLanguage = await findItemIds(db, { expression: null, filters: { language: 'ru' }, limit: 50 });
      expect(byLanguage.map((i) => i.id)).toEqual([ids.get(2)]);
      const window = await findItemIds(db, { expression: null, filters: { since: T0 - 3 * HOUR, until: T0 - HOUR }, limit: 50 });
      expect(window.map((i) => i.id)).toEqual([2, 3].map((n) => ids.get(n)));
    });
  });

  describe(`store on ${backend}: sources`, () => {
    it('adds a source once per URL and returns the stored row the second time', async () => {
      const db = await openDb();
      const first = await insertSource(db, { url: 'https://a.example/feed' }, T0);
      const again = await insertSource(db, { url: 'https://a.example/feed', title: 'ignored' }, T0 + 1);
      expect(first.created).toBe(true);
      expect(again).toMatchObject({ created: false, source: { id: first.source.id } });
    });

    it('deleting a source removes the items only it carried and keeps the shared ones', async () => {
      const db = await openDb();
      const wire = await addSource(db, 'wire');
      const paper = await addSource(db, 'paper');
      const shared = 'https://news.example/story/shared';
      await savePoll(db, wire, [prepared(1, ['russia'], { dedupKey: shared, url: shared }), prepared(2, ['ukraine'])], pollState(T0), T0);
      await savePoll(db, paper, [prepared(1, ['russia'], { dedupKey: shared, url: shared }), prepared(3, ['kazakhstan'])], pollState(T0), T0);
      expect(await count(db, items)).toBe(3);
      expect(await deleteSource(db, wire)).toBe(true);
      const left = await loadItems(db, (await findItemIds(db, { expression: null, limit: 10 })).map((i) => i.id));
      expect(left.map((i) => i.title).sort()).toEqual(['Story 1', 'Story 3']);
      expect(left.find((i) => i.title === 'Story 1')?.sources.map((s) => s.id)).toEqual([paper]);
      expect(await topicCounts(db)).toEqual(new Map([['russia', 1], ['kazakhstan', 1]]));
      expect(await getSource(db, wire)).toBeUndefined();
      expect(await deleteSource(db, wire)).toBe(false);
    });

    it('lists due sources, most overdue first, and leasing pushes them out of the next round', async () => {
      const db = await openDb();
      await insertSources(db, Array.from({ length: 120 }, (_, i) => ({ url: `https://s${i}.example/feed.xml` })), T0);
      const ids = (await listSources(db)).map((s) => s.id);
      const [firstId, secondId] = ids;
      await savePoll(db, firstId ?? 0, [], pollState(T0 - HOUR, { nextPollAt: T0 - 10 }), T0);
      await savePoll(db, secondId ?? 0, [], pollState(T0 - HOUR, { nextPollAt: T0 + HOUR }), T0);
      const due = await listDueSources(db, T0, 500);
      expect(due).toHaveLength(119);
      expect(due[0]?.id).toBe(ids[2]); // nextPollAt 0 comes before T0 - 10
      expect(due.at(-1)?.id).toBe(firstId);
      // More ids than D1 binds in one statement.
      await deferSources(db, due.map((s) => s.id), T0 + 15 * 60_000);
      expect(await listDueSources(db, T0, 500)).toHaveLength(0);
      expect(await listDueSources(db, T0 + 15 * 60_000, 500)).toHaveLength(119);
      // A lease never brings a later poll forward.
      await deferSources(db, [secondId ?? 0], T0);
      expect((await getSource(db, secondId ?? 0))?.nextPollAt).toBe(T0 + HOUR);
    });

    it('counts items per source', async () => {
      const db = await openDb();
      const sourceId = await addSource(db, 'alpha');
      await addSource(db, 'empty');
      await savePoll(db, sourceId, [prepared(1, []), prepared(2, [])], pollState(T0), T0);
      expect((await listSources(db)).map((s) => s.itemCount)).toEqual([2, 0]);
    });
  });

  describe(`store on ${backend}: topics`, () => {
    const catalogue = [
      { slug: 'russia', name: 'Russia', kind: 'country' as const, iso2: 'RU', aliases: ['Россия'] },
      { slug: 'kazakhstan', name: 'Kazakhstan', kind: 'country' as const, iso2: 'KZ', aliases: ['Қазақстан'] },
      { slug: 'ukraine', name: 'Ukraine', kind: 'country' as const, iso2: 'UA', aliases: [] },
    ];

    it('counts items per topic from the feed index', async () => {
      const db = await openDb();
      await upsertTopics(db, catalogue);
      const sourceId = await addSource(db, 'alpha');
      await savePoll(db, sourceId, [prepared(1, ['russia', 'kazakhstan']), prepared(2, ['russia']), prepared(3, [])], pollState(T0), T0);
      const listed = await listTopics(db);
      expect(Object.fromEntries(listed.map((t) => [t.slug, t.itemCount]))).toEqual({ kazakhstan: 1, russia: 2, ukraine: 0 });
      expect(listed.find((t) => t.slug === 'kazakhstan')?.aliases).toEqual(['Қазақстан']);
      // Re-seeding refreshes names without touching counts.
      await upsertTopics(db, [{ ...catalogue[0]!, name: 'Russian Federation' }]);
      expect((await listTopics(db)).find((t) => t.slug === 'russia')).toMatchObject({ name: 'Russian Federation', itemCount: 2 });
    });

    it('re-tags stored items step by step until the rule is done', async () => {
      const db = await openDb();
      const sourceId = await addSource(db, 'alpha');
      await savePoll(db, sourceId, Array.from({ length: 5 }, (_, i) => prepared(i + 1, i === 0 ? ['pipelines'] : [])), pollState(T0), T0);
      await saveTopicRule(db, { slug: 'pipelines', name: 'Pipelines', include: ['pipeline'], exclude: [], fields: null }, true, T0);
      expect((await listPendingRetags(db)).map((r) => r.slug)).toEqual(['pipelines']);
      expect(await getTopicRule(db, 'pipelines')).toMatchObject({ retagDone: 0, retagTotal: 5, retagCursor: 0 });

      // Step 1: items 1-3 examined; only story 2 matches now (story 1 loses the topic).
      const first = await itemsAfter(db, 0, 3);
      expect(first).toHaveLength(3);
      const story2 = first.find((i) => i.title === 'Story 2');
      await writeRetagStep(db, 'pipelines', {
        itemIds: first.map((i) => i.id),
        matched: story2 ? [{ id: story2.id, publishedAt: story2.publishedAt }] : [],
        cursor: first.at(-1)?.id ?? null,
        done: 3,
      });
      expect(await getTopicRule(db, 'pipelines')).toMatchObject({ retagDone: 3, retagCursor: first.at(-1)?.id });
      // Step 2: the rest, story 5 matches; the cursor clears and the rule is no longer pending.
      const rest = await itemsAfter(db, first.at(-1)?.id ?? 0, 3);
      expect(rest.map((i) => i.title)).toEqual(['Story 4', 'Story 5']);
      const story5 = rest.find((i) => i.title === 'Story 5');
      await writeRetagStep(db, 'pipelines', {
        itemIds: rest.map((i) => i.id),
        matched: story5 ? [{ id: story5.id, publishedAt: story5.publishedAt }] : [],
        cursor: null,
        done: 5,
      });
      expect(await listPendingRetags(db)).toEqual([]);
      const tagged = await loadItems(db, (await findItemIds(db, { expression: [[term('pipelines')]], limit: 10 })).map((i) => i.id));
      expect(tagged.map((i) => i.title)).toEqual(['Story 2', 'Story 5']);
      expect((await listTopics(db)).find((t) => t.slug === 'pipelines')).toMatchObject({ kind: 'custom', itemCount: 2 });
    });
  });

  describe(`store on ${backend}: meta`, () => {
    it('reads back what it wrote and overwrites on a second write', async () => {
      const db = await openDb();
      expect(await readMeta(db, 'catalogue_digest')).toBeUndefined();
      await writeMeta(db, 'catalogue_digest', 'a');
      await writeMeta(db, 'catalogue_digest', 'b');
      expect(await readMeta(db, 'catalogue_digest')).toBe('b');
    });
  });
}
