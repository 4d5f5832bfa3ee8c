/**
 * The last step shared by the XML and JSON Feed mappers: turns what a mapper found into an
 * `Entry` with the invariants every later stage relies on.
 *
 * - title, author, categories: plain text, tags stripped (a feed may spell markup out in a
 *   text construct, or double-escape it), entities not decoded again.
 * - title: never empty when there is any text at all (derived from the summary's
 *   first words when the feed gives none), at most TITLE_MAX_CHARS.
 * - summary: plain text, at most SUMMARY_MAX_CHARS (cut at a word boundary, with "…"), or null.
 * - categories: trimmed, whitespace collapsed, deduplicated case-insensitively (first spelling kept).
 * - enclosures: http(s) URLs only, one per URL (the first, completed by later duplicates).
 * - language: lower case, "_" written as "-".
 * - an entry that carries nothing at all (an empty <item/>) is dropped (null). Sparse entries
 *   (only a date, only an enclosure) are kept: deciding what is worth storing is not parsing.
 */
import type { Enclosure, Entry } from '../domain/types';
import { collapseWhitespace, stripTags, truncateAtWord } from './html-to-text';

export const SUMMARY_MAX_CHARS = 1000;
export const TITLE_MAX_CHARS = 300;
const DERIVED_TITLE_MAX_CHARS = 100;

export interface EntryDraft {
  guid: string | null;
  url: string | null;
  /** Plain text already (markup removed), or null when the feed gave none. */
  title: string | null;
  /** Plain text already, any length. */
  summary: string | null;
  contentHtml: string | null;
  author: string | null;
  publishedAt: Date | null;
  updatedAt: Date | null;
  categories: string[];
  enclosures: Enclosure[];
  language: string | null;
}

export function buildEntry(draft: EntryDraft): Entry | null {
  const guid = nonEmpty(draft.guid);
  const summaryText = nonEmpty(draft.summary === null ? null : collapseWhitespace(draft.summary));
  let title = nonEmpty(draft.title === null ? null : plainText(draft.title));
  if (title === null && summaryText !== null) title = truncateAtWord(summaryText, DERIVED_TITLE_MAX_CHARS);
  const contentHtml = draft.contentHtml !== null && draft.contentHtml.trim() !== '' ? draft.contentHtml : null;
  const entry: Entry = {
    guid,
    url: draft.url,
    title: title === null ? '' : truncateAtWord(title, TITLE_MAX_CHARS),
    summary: summaryText === null ? null : truncateAtWord(summaryText, SUMMARY_MAX_CHARS),
    contentHtml,
    author: nonEmpty(draft.author === null ? null : plainText(draft.author)),
    publishedAt: draft.publishedAt ?? draft.updatedAt,
    updatedAt: draft.updatedAt,
    categories: dedupeCategories(draft.categories),
    enclosures: dedupeEnclosures(draft.enclosures),
    language: normalizeLanguage(draft.language),
  };
  const empty =
    guid === null && entry.url === null && title === null && contentHtml === null && entry.author === null &&
    entry.publishedAt === null && entry.categories.length === 0 && entry.enclosures.length === 0;
  return empty ? null : entry;
}

/** "en_US" / " EN-us " → "en-us"; empty → null. */
export function normalizeLanguage(language: string | null | undefined): string | null {
  if (typeof language !== 'string') return null;
  const tag = language.trim().replace(/_/g, '-').toLowerCase();
  return /^[a-z]{1,8}(?:-[a-z0-9]{1,8})*$/.test(tag) ? tag : null;
}

/** A byte count from an attribute; "0", negative or garbage → null (feeds use 0 for "unknown"). */
export function parseLengthBytes(value: unknown): number | null {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  if (!/^\d+$/.test(text)) return null;
  const bytes = Number(text);
  return Number.isSafeInteger(bytes) && bytes > 0 ? bytes : null;
}

function dedupeCategories(categories: string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const raw of categories) {
    const category = plainText(raw);
    const key = category.toLowerCase();
    if (category === '' || seen.has(key)) continue;
    seen.add(key);
    result.push(category);
  }
  return result;
}

function dedupeEnclosures(enclosures: Enclosure[]): Enclosure[] {
  const byUrl = new Map<string, Enclosure>();
  for (const enclosure of enclosures) {
    const existing = byUrl.get(enclosure.url);
    if (existing === undefined) byUrl.set(enclosure.url, { ...enclosure });
    else {
      existing.type ??= enclosure.type;
      existing.lengthBytes ??= enclosure.lengthBytes;
    }
  }
  return [...byUrl.values()];
}

function plainText(text: string): string {
  return collapseWhitespace(stripTags(text));
}

function nonEmpty(text: string | null): string | null {
  if (text === null) return null;
  const trimmed = text.trim();
  return trimmed === '' ? null : trimmed;
}
