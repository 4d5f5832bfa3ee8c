/**
 * Identity of an entry within one source, used to recognise an entry seen on an earlier poll,
 * and the link under which it may join the same story from other sources.
 *
 * Keys are decided per document (`identifyEntries`), because whether a field identifies an
 * entry depends on the other entries around it:
 *
 *   'guid:' + guid                        when the feed gives a guid / id (trimmed, as written)
 *                                         that no other entry of the document uses for other text;
 *   'guid:' + guid + '#' + content hash   when the feed reuses one guid for different stories
 *                                         (as Miniflux does, the text tells them apart);
 *   'url:'  + canonicalizeUrl(url)        else when the link is an article link (below);
 *   'hash:' + contentHash(title + "\n" + summary)   else.
 *
 * An **article link** is an http(s) link that is unique within the document and is neither the
 * site's root (path "/") nor the feed's own site link or address. Chronicle and live feeds give
 * every entry the home page (Meduza's "Хроника": 24 stories, one link `https://meduza.io/`, no
 * guid), and some feeds give several guids one live-blog link: such a link names the site or a
 * page of many stories, not one story, so it identifies nothing. Only an article link is used as
 * the cross-source key (`articleUrl`): two stories that share a home-page link never merge.
 *
 * The guid is used as written (not canonicalised even when it looks like a URL): it is an
 * opaque identifier, and feeds that change a guid's spelling do mean a new entry. The key is
 * only unique per source; the caller scopes it.
 */
import type { Entry } from '../domain/types';
import { canonicalizeUrl } from './canonical-url';
import { sha256Hex } from './sha256';

export interface EntryIdentity {
  /** Identity within its source (see above). */
  entryKey: string;
  /** The canonical article link shared with other sources, or null when the link names no single story. */
  articleUrl: string | null;
}

export interface DocumentContext {
  /** The feed's site link (RSS channel link, Atom alternate link), if any. */
  siteUrl?: string | null;
  /** The address the document was fetched from. */
  feedUrl?: string | null;
}

/** Identities of a whole document's entries, in order (rules above). */
export function identifyEntries(entries: readonly Entry[], context: DocumentContext = {}): EntryIdentity[] {
  const siteLinks = new Set(
    [context.siteUrl, context.feedUrl].map((url) => (url ? canonicalizeUrl(url) : null)).filter((url) => url !== null),
  );
  const canonical = entries.map((entry) => (entry.url === null ? null : canonicalizeUrl(entry.url)));
  const texts = entries.map(entryTextHash);
  const linkUses = countBy(canonical);
  // A guid is ambiguous when the document gives it to entries with different text.
  const guidTexts = new Map<string, Set<string>>();
  entries.forEach((entry, index) => {
    const guid = entry.guid?.trim();
    if (!guid) return;
    const seen = guidTexts.get(guid) ?? new Set<string>();
    seen.add(texts[index] as string);
    guidTexts.set(guid, seen);
  });
  return entries.map((entry, index) => {
    const url = canonical[index] ?? null;
    const text = texts[index] as string;
    const articleUrl =
      url !== null && linkUses.get(url) === 1 && !siteLinks.has(url) && new URL(url).pathname !== '/' ? url : null;
    const guid = entry.guid?.trim();
    if (guid) {
      const ambiguous = (guidTexts.get(guid)?.size ?? 0) > 1;
      return { entryKey: ambiguous ? `guid:${guid}#${text}` : `guid:${guid}`, articleUrl };
    }
    if (articleUrl !== null) return { entryKey: `url:${articleUrl}`, articleUrl };
    return { entryKey: `hash:${text}`, articleUrl };
  });
}

/** The key of an entry read on its own, as if it were the only entry of its document. */
export function entryKey(entry: Entry, context: DocumentContext = {}): string {
  return (identifyEntries([entry], context)[0] as EntryIdentity).entryKey;
}

/** The newline keeps ("ab", "c") and ("a", "bc") apart. */
function entryTextHash(entry: Entry): string {
  return contentHash(`${entry.title}\n${entry.summary ?? ''}`);
}

function countBy(values: readonly (string | null)[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

/**
 * A deterministic fingerprint of text: SHA-256 of its UTF-8 bytes, 64 lower-case hex digits
 * (256 bits; collisions are not a practical concern). Synchronous and Web-platform only.
 */
export function contentHash(text: string): string {
  return sha256Hex(text);
}
