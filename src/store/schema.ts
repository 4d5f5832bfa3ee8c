/**
 * The database schema (Drizzle, SQLite dialect: libSQL embedded or remote, and D1).
 *
 * Dedup is the database's job:
 * - `items.dedup_key` is unique: the canonical URL of the story, or, when an entry has no link,
 *   `source:{id}:{entryKey}` so that it can only ever merge with itself.
 * - `item_sources` has one row per (source, entry key): a source that serves the same entry again
 *   is recognised by that key, and one story from two sources is one item with two rows here.
 * - `item_topics` carries a copy of the item's `published_at`, so that a topic feed is read from
 *   one index in order (topic, published_at DESC, item_id DESC) however large `items` grows.
 * Times are integers in epoch milliseconds.
 */
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const sources = sqliteTable(
  'sources',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    url: text('url').notNull(),
    title: text('title'),
    siteUrl: text('site_url'),
    description: text('description'),
    language: text('language'),
    enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
    minIntervalSeconds: integer('min_interval_seconds').notNull().default(600),
    maxIntervalSeconds: integer('max_interval_seconds').notNull().default(86_400),
    etag: text('etag'),
    lastModified: text('last_modified'),
    lastPolledAt: integer('last_polled_at'),
    lastSuccessAt: integer('last_success_at'),
    nextPollAt: integer('next_poll_at').notNull().default(0),
    lastStatus: text('last_status'),
    lastHttpStatus: integer('last_http_status'),
    lastError: text('last_error'),
    errorCount: integer('error_count').notNull().default(0),
    lastNewItems: integer('last_new_items').notNull().default(0),
    createdAt: integer('created_at').notNull(),
    /** A poller's claim on this source until this time (see claimSources); null when free. */
    leaseUntil: integer('lease_until'),
  },
  (t) => [
    uniqueIndex('sources_url_unique').on(t.url),
    index('sources_due_idx').on(t.enabled, t.nextPollAt),
  ],
);

export const items = sqliteTable(
  'items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    dedupKey: text('dedup_key').notNull(),
    url: text('url'),
    title: text('title').notNull(),
    summary: text('summary'),
    contentHtml: text('content_html'),
    author: text('author'),
    language: text('language'),
    categories: text('categories', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    enclosures: text('enclosures', { mode: 'json' })
      .$type<Array<{ url: string; type: string | null; lengthBytes: number | null }>>()
      .notNull()
      .default(sql`'[]'`),
    publishedAt: integer('published_at').notNull(),
    updatedAt: integer('updated_at'),
    firstSeenAt: integer('first_seen_at').notNull(),
    /** The feed gave no date (or the epoch, which means none): published_at is the first-seen time. */
    undated: integer('undated', { mode: 'boolean' }).notNull().default(false),
    /** The story cluster: its first item's id (this item's own id when it stands alone); kept when items change or go. */
    clusterId: integer('cluster_id'),
  },
  (t) => [
    uniqueIndex('items_dedup_key_unique').on(t.dedupKey),
    index('items_published_idx').on(t.publishedAt, t.id),
    index('items_cluster_idx').on(t.clusterId),
  ],
);

/**
 * The story clusterer's band table (store/stories.ts): one row per key of an item's MinHash
 * sketch. Candidates are looked up by (band, published_at) inside a time window.
 */
export const storyBands = sqliteTable(
  'story_bands',
  {
    band: integer('band').notNull(),
    publishedAt: integer('published_at').notNull(),
    itemId: integer('item_id')
      .notNull()
      .references(() => items.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.band, t.publishedAt, t.itemId] }), index('story_bands_item_idx').on(t.itemId)],
);

export const itemSources = sqliteTable(
  'item_sources',
  {
    sourceId: integer('source_id')
      .notNull()
      .references(() => sources.id, { onDelete: 'cascade' }),
    entryKey: text('entry_key').notNull(),
    itemId: integer('item_id')
      .notNull()
      .references(() => items.id, { onDelete: 'cascade' }),
    guid: text('guid'),
    url: text('url'),
    firstSeenAt: integer('first_seen_at').notNull(),
    /** Hash of the entry's title, summary and content as this source last gave them: an edit changes it. Null for rows stored before it existed. */
    contentHash: text('content_hash'),
  },
  (t) => [
    primaryKey({ columns: [t.sourceId, t.entryKey] }),
    index('item_sources_item_idx').on(t.itemId),
  ],
);

export const topics = sqliteTable('topics', {
  slug: text('slug').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind', { enum: ['country', 'custom'] }).notNull(),
  iso2: text('iso2'),
  aliases: text('aliases', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
});

/**
 * Operator-defined rules: a custom topic's whole definition, or extra terms for a built-in
 * country topic. Kept apart from `topics` so that re-seeding the catalogue from a newer data
 * package never overwrites what an operator wrote.
 */
export const topicRules = sqliteTable('topic_rules', {
  slug: text('slug').primaryKey(),
  include: text('include', { mode: 'json' }).$type<string[]>().notNull(),
  exclude: text('exclude', { mode: 'json' }).$type<string[]>().notNull(),
  fields: text('fields', { mode: 'json' }).$type<Array<'title' | 'summary'>>(),
  updatedAt: integer('updated_at').notNull(),
  /** Re-tagging progress after a save: items examined so far of the total at save time. */
  retagDone: integer('retag_done').notNull().default(0),
  retagTotal: integer('retag_total').notNull().default(0),
  /** Highest item id re-tagged so far; re-tagging resumes after it. Null when finished. */
  retagCursor: integer('retag_cursor'),
});

export const itemTopics = sqliteTable(
  'item_topics',
  {
    itemId: integer('item_id')
      .notNull()
      .references(() => items.id, { onDelete: 'cascade' }),
    topic: text('topic').notNull(),
    publishedAt: integer('published_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.itemId, t.topic] }),
    index('item_topics_feed_idx').on(t.topic, t.publishedAt, t.itemId),
  ],
);

/**
 * Entry keys of items that were removed (by an operator, or by retention): a source that still
 * lists such an entry does not bring it back. One row per (source, entry key), as `item_sources`.
 */
export const tombstones = sqliteTable(
  'tombstones',
  {
    sourceId: integer('source_id')
      .notNull()
      .references(() => sources.id, { onDelete: 'cascade' }),
    entryKey: text('entry_key').notNull(),
    deletedAt: integer('deleted_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sourceId, t.entryKey] })],
);

/**
 * WebSub subscriptions (one per source): the hub and topic (the feed's self URL) we asked for,
 * the secret pushes are signed with, and the lease the hub granted. `pending` until the hub
 * verifies our intent; `active` until `expires_at`; `denied` when the hub refused.
 */
export const websubSubscriptions = sqliteTable(
  'websub_subscriptions',
  {
    sourceId: integer('source_id')
      .primaryKey()
      .references(() => sources.id, { onDelete: 'cascade' }),
    hubUrl: text('hub_url').notNull(),
    topicUrl: text('topic_url').notNull(),
    secret: text('secret').notNull(),
    state: text('state', { enum: ['pending', 'active', 'denied'] }).notNull(),
    leaseSeconds: integer('lease_seconds'),
    requestedAt: integer('requested_at').notNull(),
    verifiedAt: integer('verified_at'),
    expiresAt: integer('expires_at'),
    lastPushAt: integer('last_push_at'),
    lastError: text('last_error'),
  },
  (t) => [index('websub_subscriptions_expiry_idx').on(t.state, t.expiresAt)],
);

/** Small key/value facts about the database itself (seed version, first start). */
export const meta = sqliteTable('meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});
