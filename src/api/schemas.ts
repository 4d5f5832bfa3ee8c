/** Zod schemas of the JSON API: they validate requests and generate the OpenAPI document. */
import { z } from '@hono/zod-openapi';

/** `true`/`false` in a query string (a bare `z.coerce.boolean()` would read "false" as true). */
export const booleanParam = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');

export const TopicRefSchema = z
  .object({ slug: z.string(), name: z.string(), kind: z.enum(['country', 'custom']) })
  .openapi('TopicRef');

export const ItemSourceSchema = z
  .object({
    id: z.number().int(),
    title: z.string().nullable(),
    url: z.string().openapi({ description: 'The feed URL of the source.' }),
    siteUrl: z.string().nullable(),
    entryUrl: z.string().nullable().openapi({ description: 'The link this source gave for the story.' }),
    firstSeenAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('ItemSource');

export const ItemSchema = z
  .object({
    id: z.number().int(),
    url: z.string().nullable(),
    title: z.string(),
    summary: z.string().nullable(),
    contentHtml: z.string().nullable().openapi({ description: 'Sanitised HTML.' }),
    author: z.string().nullable(),
    language: z.string().nullable(),
    publishedAt: z.string().openapi({ format: 'date-time', description: 'The date the source gave; for an undated item (see `undated`), the time it was first seen.' }),
    undated: z.boolean().openapi({ description: 'The source gave no date (or the Unix epoch, which feeds print for "no date"): `publishedAt` is the first-seen time, not a publication date.' }),
    updatedAt: z.string().nullable().openapi({ format: 'date-time' }),
    firstSeenAt: z.string().openapi({ format: 'date-time' }),
    categories: z.array(z.string()),
    enclosures: z.array(z.object({ url: z.string(), type: z.string().nullable(), lengthBytes: z.number().nullable() })),
    topics: z.array(TopicRefSchema),
    sources: z.array(ItemSourceSchema).openapi({ description: 'Every source that carried the story, first seen first. With `collapse=true`, also the sources of the story cluster\'s other items.' }),
    cluster: z
      .object({
        id: z.number().int().openapi({ description: "The story cluster's id: the id of its first item, kept when items change or are removed." }),
        size: z.number().int().openapi({ description: 'How many items (reports of the same story by other outlets, or copies of it) the cluster holds.' }),
      })
      .openapi('ItemCluster', { description: 'The story cluster this item belongs to (an item alone is a cluster of size 1).' }),
  })
  .openapi('Item');

export const ClusterMemberSchema = z
  .object({
    id: z.number().int(),
    title: z.string(),
    url: z.string().nullable(),
    sources: z.array(z.object({ id: z.number().int(), title: z.string().nullable(), siteUrl: z.string().nullable() })),
  })
  .openapi('ClusterMember');

export const ItemDetailSchema = ItemSchema.extend({
  cluster: z
    .object({
      id: z.number().int(),
      size: z.number().int(),
      items: z.array(ClusterMemberSchema).openapi({ description: 'Every item of the cluster, earliest first (this one included).' }),
    })
    .openapi('ItemDetailCluster'),
  duplicates: z
    .array(ItemSourceSchema)
    .openapi({ description: 'The same story as other sources published it (all sources but the first).' }),
}).openapi('ItemDetail');

export const SearchHitSchema = ItemSchema.extend({
  snippet: z
    .string()
    .openapi({ description: 'Only with `q`: the best-matching passage of the title or summary as HTML: text escaped, matched words in `<mark>`.', example: 'Russia and <mark>Kazakhstan</mark> discussed the Caspian Pipeline Consortium in Astana.' }),
  titleHighlight: z
    .string()
    .openapi({ description: 'Only with `q`: the title as HTML, matched words in `<mark>`.' }),
}).openapi('SearchHit');

export const ItemPageSchema = z
  .object({
    items: z.array(z.union([SearchHitSchema, ItemSchema])).openapi({ description: 'Items; with `q`, search hits (items with `snippet` and `titleHighlight`).' }),
    nextCursor: z.string().nullable().openapi({ description: 'Pass as `cursor` for the next page; null on the last page.' }),
  })
  .openapi('ItemPage');

export const TopicSchema = z
  .object({
    slug: z.string().openapi({ example: 'kazakhstan' }),
    name: z.string().openapi({ example: 'Kazakhstan' }),
    kind: z.enum(['country', 'custom']),
    iso2: z.string().nullable().optional().openapi({ example: 'KZ' }),
    aliases: z.array(z.string()),
    itemCount: z.number().int(),
    include: z.array(z.string()).optional().openapi({ description: 'Operator terms (custom topics, or extra terms of a built-in topic).' }),
    exclude: z.array(z.string()).optional(),
    fields: z.array(z.enum(['title', 'summary'])).nullable().optional(),
    retag: z
      .object({ done: z.number().int(), total: z.number().int(), running: z.boolean() })
      .optional()
      .openapi({ description: 'Progress of re-tagging stored items after the last save.' }),
    feeds: z.object({ rss: z.string(), atom: z.string(), json: z.string(), html: z.string() }),
  })
  .openapi('Topic');

export const TopicDefinitionSchema = z
  .object({
    name: z.string().min(1).max(200).optional(),
    include: z.array(z.string().max(100)).max(200).openapi({ example: ['Caspian pipeline', 'CPC', 'Tengiz*'] }),
    exclude: z.array(z.string().max(100)).max(200).optional(),
    fields: z.array(z.enum(['title', 'summary'])).max(2).optional(),
  })
  .openapi('TopicDefinition');

export const SourceSchema = z
  .object({
    id: z.number().int(),
    url: z.string(),
    title: z.string().nullable(),
    siteUrl: z.string().nullable(),
    language: z.string().nullable(),
    enabled: z.boolean(),
    minIntervalSeconds: z.number().int(),
    maxIntervalSeconds: z.number().int(),
    lastPolledAt: z.string().nullable(),
    lastSuccessAt: z.string().nullable(),
    nextPollAt: z.string().nullable(),
    lastStatus: z.string().nullable().openapi({ description: '"ok", "not_modified", "error", or "gone" (HTTP 410: the source was disabled); null before the first poll' }),
    lastHttpStatus: z.number().int().nullable(),
    lastError: z.string().nullable(),
    errorCount: z.number().int(),
    itemCount: z.number().int().optional(),
  })
  .openapi('Source');

export const PollReportSchema = z
  .object({
    sourceId: z.number().int(),
    url: z.string(),
    status: z.enum(['ok', 'not_modified', 'error']),
    entries: z.number().int(),
    newEntries: z.number().int(),
    updatedEntries: z.number().int().openapi({ description: 'Known entries the source edited since (a corrected headline): updated in place and re-tagged' }),
    skippedEntries: z.number().int().openapi({ description: 'Entries beyond POLL_MAX_ENTRIES (the oldest of the document), not read in this poll' }),
    httpStatus: z.number().int().nullable(),
    error: z.string().nullable(),
    errorCode: z.string().nullable(),
    durationMs: z.number(),
    nextPollAt: z.string(),
    movedTo: z.string().nullable().openapi({ description: 'The new URL of a feed that moved for good (301/308): the source now has it' }),
    fetchedBytes: z.number().int().openapi({ description: 'Body bytes received (0 for a 304 or a failure)' }),
  })
  .openapi('PollReport');
