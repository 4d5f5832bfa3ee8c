/**
 * Feed autodiscovery ("add a source by its page URL") and a cheap "is this a feed?" sniff.
 *
 * discoverFeedLinks reads `<link rel="alternate" type="…" href="…">` elements (the RSS
 * autodiscovery convention, also used for Atom and JSON Feed), in document order, resolved
 * against `<base href>` and then the page URL, http(s) only, each URL once. Comments, scripts
 * and styles are skipped. It does not guess URLs (/feed, /rss.xml): the caller may try those.
 */
import { findRootElement, localName, parseAttributes, stripBom } from './markup-scan';
import { isJsonFeedVersion } from './json-feed';
import { resolveUrl, resolveWebUrl } from './resolve-url';

/**
 * MIME types that announce a feed, normalised to the type reported back. Not plain
 * "application/json": every WordPress page links its REST API record with it.
 */
const FEED_TYPES: Record<string, string> = {
  'application/rss+xml': 'application/rss+xml',
  'application/atom+xml': 'application/atom+xml',
  'application/rdf+xml': 'application/rdf+xml',
  'application/feed+json': 'application/feed+json',
  'application/x.atom+xml': 'application/atom+xml',
  'application/x-atom+xml': 'application/atom+xml',
  'application/x-rss+xml': 'application/rss+xml',
  'text/rss+xml': 'application/rss+xml',
  'text/xml': 'application/rss+xml',
  'application/xml': 'application/rss+xml',
};

const HIDDEN_REGIONS = /<!--[\s\S]*?(?:-->|$)|<(script|style|template|noscript)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)/gi;
const LINK_OR_BASE_TAG = /<(link|base)\b((?:[^>"']|"[^"]*"|'[^']*')*)>/gi;

export function discoverFeedLinks(
  html: string,
  baseUrl: string,
): Array<{ url: string; type: string; title: string | null }> {
  const visible = html.replace(HIDDEN_REGIONS, ' ');
  let base = baseUrl;
  let baseSeen = false;
  const found: Array<{ url: string; type: string; title: string | null }> = [];
  const seen = new Set<string>();
  LINK_OR_BASE_TAG.lastIndex = 0;
  for (let m = LINK_OR_BASE_TAG.exec(visible); m; m = LINK_OR_BASE_TAG.exec(visible)) {
    const attributes = parseAttributes((m[2] ?? '').replace(/\/$/, ''));
    if ((m[1] ?? '').toLowerCase() === 'base') {
      // Only the first <base href> counts, as in browsers.
      if (!baseSeen && attributes.href !== undefined) {
        base = resolveUrl(attributes.href, baseUrl) ?? baseUrl;
        baseSeen = true;
      }
      continue;
    }
    const rels = (attributes.rel ?? '').toLowerCase().split(/\s+/);
    if (!rels.includes('alternate') && !rels.includes('feed')) continue;
    const rawType = (attributes.type ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    const type = FEED_TYPES[rawType];
    // rel="feed" (HTML5) need not carry a type; rel="alternate" must, or it is a translation.
    if (type === undefined && !(rels.includes('feed') && rawType === '')) continue;
    const url = resolveWebUrl(attributes.href, base);
    if (url === null || seen.has(url)) continue;
    seen.add(url);
    const title = attributes.title?.trim();
    found.push({ url, type: type ?? 'application/rss+xml', title: title ? title : null });
  }
  return found;
}

/**
 * Quick sniff: XML whose root is <rss>, <feed> or <rdf:RDF>, or JSON whose "version" is a
 * jsonfeed.org URL. Reads only the start of the text (no full parse).
 */
export function looksLikeFeed(text: string): boolean {
  const head = stripBom(text).trimStart();
  if (head.startsWith('{')) {
    const version = /"version"\s*:\s*("(?:[^"\\]|\\.)*")/.exec(head.slice(0, 65_536));
    if (!version?.[1]) return false;
    try {
      const value: unknown = JSON.parse(version[1]);
      return typeof value === 'string' && /jsonfeed\.org\/version\//i.test(value) && isJsonFeedVersion(value);
    } catch {
      return false;
    }
  }
  const root = findRootElement(head);
  if (root === null) return false;
  return root.name === 'rss' || root.name === 'feed' || localName(root.name) === 'RDF';
}
