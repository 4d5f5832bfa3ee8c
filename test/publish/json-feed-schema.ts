/**
 * JSON Feed 1.1 (https://jsonfeed.org/version/1.1) as a zod schema: every field the spec
 * defines with its type, the 1.1 shapes (`authors` arrays; the 1.0 `author` is rejected), the
 * rule that an item has `content_html` or `content_text`, and that any other key is an
 * extension (starts with "_").
 */
import { z } from 'zod';

const rfc3339 = z.iso.datetime({ offset: true });

function onlyKnownOrExtensionKeys(known: readonly string[]) {
  return (value: Record<string, unknown>, ctx: z.RefinementCtx): void => {
    for (const key of Object.keys(value)) {
      if (!known.includes(key) && !key.startsWith('_')) {
        ctx.addIssue({
          code: 'custom',
          message: `unknown key "${key}" (extensions start with "_")`,
          path: [key],
        });
      }
    }
  };
}

export const jsonFeedAuthorSchema = z
  .object({ name: z.string().optional(), url: z.url().optional(), avatar: z.url().optional() })
  .strict()
  .refine(
    (author) =>
      author.name !== undefined || author.url !== undefined || author.avatar !== undefined,
    {
      message: 'an author needs at least a name, url or avatar',
    },
  );

export const jsonFeedAttachmentSchema = z
  .object({
    url: z.url(),
    mime_type: z.string().regex(/^[\w.+-]+\/[\w.+-]+$/),
    title: z.string().optional(),
    size_in_bytes: z.number().int().nonnegative().optional(),
    duration_in_seconds: z.number().nonnegative().optional(),
  })
  .strict();

const itemKeys = [
  'id',
  'url',
  'external_url',
  'title',
  'content_html',
  'content_text',
  'summary',
  'image',
  'banner_image',
  'date_published',
  'date_modified',
  'authors',
  'tags',
  'language',
  'attachments',
] as const;

export const jsonFeedItemSchema = z
  .object({
    id: z.string().min(1),
    url: z.url().optional(),
    external_url: z.url().optional(),
    title: z.string().optional(),
    content_html: z.string().optional(),
    content_text: z.string().optional(),
    summary: z.string().optional(),
    image: z.url().optional(),
    banner_image: z.url().optional(),
    date_published: rfc3339.optional(),
    date_modified: rfc3339.optional(),
    authors: z.array(jsonFeedAuthorSchema).optional(),
    tags: z.array(z.string()).optional(),
    language: z.string().optional(),
    attachments: z.array(jsonFeedAttachmentSchema).optional(),
  })
  .catchall(z.unknown())
  .superRefine(onlyKnownOrExtensionKeys(itemKeys))
  .refine((item) => item.content_html !== undefined || item.content_text !== undefined, {
    message: 'an item needs content_html or content_text',
  });

const feedKeys = [
  'version',
  'title',
  'home_page_url',
  'feed_url',
  'description',
  'user_comment',
  'next_url',
  'icon',
  'favicon',
  'authors',
  'language',
  'expired',
  'hubs',
  'items',
] as const;

export const jsonFeedSchema = z
  .object({
    version: z.literal('https://jsonfeed.org/version/1.1'),
    title: z.string(),
    home_page_url: z.url().optional(),
    feed_url: z.url().optional(),
    description: z.string().optional(),
    user_comment: z.string().optional(),
    next_url: z.url().optional(),
    icon: z.url().optional(),
    favicon: z.url().optional(),
    authors: z.array(jsonFeedAuthorSchema).optional(),
    language: z.string().optional(),
    expired: z.boolean().optional(),
    hubs: z.array(z.object({ type: z.string(), url: z.url() })).optional(),
    items: z.array(jsonFeedItemSchema),
  })
  .catchall(z.unknown())
  .superRefine(onlyKnownOrExtensionKeys(feedKeys));

export type JsonFeed = z.infer<typeof jsonFeedSchema>;
