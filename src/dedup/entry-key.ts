/**
 * Identity of an entry within one source, used to recognise an entry seen on an earlier poll:
 *
 *   'guid:' + guid                       when the feed gives a guid / id (trimmed, as written),
 *   'url:'  + canonicalizeUrl(url)       else when the entry has an http(s) link,
 *   'hash:' + contentHash(title + "\n" + summary)   else.
 *
 * The guid is used as written (not canonicalised even when it looks like a URL): it is an
 * opaque identifier, and feeds that change a guid's spelling do mean a new entry. The key is
 * only unique per source; the caller scopes it.
 */
import type { Entry } from '../domain/types';
import { canonicalizeUrl } from './canonical-url';
import { sha256Hex } from './sha256';

export function entryKey(entry: Entry): string {
  const guid = entry.guid?.trim();
  if (guid) return `guid:${guid}`;
  const url = entry.url === null ? null : canonicalizeUrl(entry.url);
  if (url !== null) return `url:${url}`;
  // The newline keeps ("ab", "c") and ("a", "bc") apart.
  return `hash:${contentHash(`${entry.title}\n${entry.summary ?? ''}`)}`;
}

/**
 * A deterministic fingerprint of text: SHA-256 of its UTF-8 bytes, 64 lower-case hex digits
 * (256 bits; collisions are not a practical concern). Synchronous and Web-platform only.
 */
export function contentHash(text: string): string {
  return sha256Hex(text);
}
