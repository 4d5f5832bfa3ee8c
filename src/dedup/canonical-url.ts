/**
 * One spelling per article URL, so that the same story reached through different links is
 * recognised as one. The rule, in order:
 *
 * 1. Only absolute http(s) URLs have a canonical form; anything else is null.
 * 2. The scheme becomes https. Publishers serve the same article on both, feeds still carry
 *    http links years after a site moved, and one source's http link and another's https link
 *    to the same page must cluster. (No news site serves different stories on the two.)
 * 3. Host lower-cased, IDN to punycode (WHATWG URL), a trailing "." removed; user:password
 *    removed; ports 80 and 443 removed (both are "the default" once the schemes are merged).
 *    A leading "www.", "m." or "amp." label is removed (once each, in any order) when a
 *    registrable name remains: news sites serve one article on the bare, www, mobile and AMP
 *    hosts, and syndicated copies link whichever the partner was given.
 * 3a. AMP and mobile renditions: an "/amp" first or last path segment (the Guardian's
 *    `amp.theguardian.com`, `/amp/` prefixes of WordPress, `…/article/amp` of many CMSs) and the
 *    query parameters `outputType=amp` (Washington Post), `amp`, `amp=1`/`true` are removed.
 * 4. The fragment is dropped: it never selects a different story.
 * 5. Path: dot segments resolved (WHATWG URL), trailing slashes removed except for the root.
 * 6. Percent-encoding: escapes of unreserved characters (A–Z a–z 0–9 - . _ ~) decoded, other
 *    escapes upper-cased (RFC 3986 §6.2.2), in the path and the query.
 * 7. Query: tracking parameters removed (TRACKING_PARAMETERS below; names compared
 *    case-insensitively), empty pairs removed, the rest sorted by name (stable, so repeated
 *    names keep their order); no "?" when nothing is left.
 */

/**
 * Parameters that say how a reader arrived, never which article they get. Each is either
 * documented by its vendor as an attribution/click id, or seen on news feed links in our corpus
 * (DW `maca`, Al Jazeera `traffic_source`, CSM `icid`, BBC `at_*`, WSJ `gaa_*`).
 * Generic names (`ref`, `source`, `s`, `id`) are not here: they select content on many sites.
 */
const TRACKING_PARAMETERS = new Set([
  // Google Analytics / Ads / Extended Access
  'gclid', 'gclsrc', 'dclid', 'gbraid', 'wbraid', '_ga', '_gl', 'gaa_at', 'gaa_n', 'gaa_sig', 'gaa_ts',
  // Meta
  'fbclid', 'fb_action_ids', 'fb_action_types', 'fb_ref', 'fb_source', 'igshid', 'igsh',
  // Microsoft / MSN, Yandex, X/Twitter, TikTok, LinkedIn
  'msclkid', 'ocid', 'cvid', 'yclid', 'ysclid', 'twclid', 'ref_src', 'ref_url', 'ttclid', 'li_fat_id',
  // E-mail and marketing platforms: Mailchimp, HubSpot, Marketo, Omeda, Vero, Drip, Klaviyo
  'mc_cid', 'mc_eid', '_hsenc', '_hsmi', '__hstc', '__hssc', '__hsfp', 'hsctatracking', 'mkt_tok',
  'oly_anon_id', 'oly_enc_id', 'vero_id', 'vero_conv', '__s', '_ke', 'wickedid', 'rb_clickid',
  // Adobe Analytics and publishers' campaign ids (Guardian CMP/INTCMP, FT, many: cmpid/icid)
  's_cid', 's_kwcid', 'cmpid', 'cmp', 'intcmp', 'icid', 'ftcamp', 'sr_share', 'soc_src', 'soc_trk',
  // AT Internet / Piano (BBC and French publishers)
  'at_medium', 'at_campaign', 'at_campaign_type', 'at_custom1', 'at_custom2', 'at_custom3',
  'at_custom4', 'at_format', 'at_link_id', 'at_link_origin', 'at_link_type', 'at_ptr_name',
  'at_bbc_team', 'xtor',
  // comScore (BBC)
  'ns_mchannel', 'ns_source', 'ns_campaign', 'ns_linkname', 'ns_fee',
  // NYT, Yahoo/HuffPost, DW, Al Jazeera
  'smid', 'smtyp', 'partner', 'emc', 'ncid', 'maca', 'traffic_source',
]);

/** Name prefixes that are tracking whatever follows: Google/Urchin, Matomo/Piwik, Webtrends, HubSpot ads. */
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'piwik_', 'wt.', 'hsa_'];

/** Generic names that are tracking only when the value says the click came from a feed (Medium's `source=rss…`). */
const FEED_ORIGIN_PARAMETERS = new Set(['source', 'src', 'ref', 'from', 'via', 'mod', 'feed']);
const FEED_ORIGIN_VALUE = /^(?:rss|feed|atom)/i;

const UNRESERVED = /[A-Za-z0-9\-._~]/;

/** The canonical form of an http(s) URL (rules above), or null when it is not one. */
export function canonicalizeUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  const host = stripRenditionLabels(parsed.hostname.replace(/\.$/, ''));
  if (host === '') return null;
  const port = parsed.port === '' || parsed.port === '80' || parsed.port === '443' ? '' : `:${parsed.port}`;
  let path = stripAmpSegments(normalizePercentEncoding(parsed.pathname).replace(/\/+$/, ''));
  if (path === '') path = '/';
  const query = canonicalQuery(parsed.search);
  return `https://${host}${port}${path}${query === '' ? '' : `?${query}`}`;
}

const RENDITION_LABELS = ['www', 'm', 'amp'];

/** "www.m.example.com" → "example.com"; a host that would be left with one label keeps its prefix. */
function stripRenditionLabels(host: string): string {
  let labels = host.split('.');
  for (let changed = true; changed; ) {
    changed = false;
    if (labels.length > 2 && RENDITION_LABELS.includes(labels[0] as string)) {
      labels = labels.slice(1);
      changed = true;
    }
  }
  return labels.join('.');
}

/** "/amp/world/story" and "/world/story/amp" → "/world/story" (only a whole "amp" segment). */
function stripAmpSegments(path: string): string {
  return path.replace(/^\/amp(?=\/|$)/i, '').replace(/\/amp$/i, '');
}

/** Query parameters that ask for the AMP rendition of the same article. */
function isAmpParameter(name: string, value: string): boolean {
  const lower = name.toLowerCase();
  if (lower === 'outputtype') return value.toLowerCase() === 'amp';
  return lower === 'amp' && (value === '' || value === '1' || value.toLowerCase() === 'true');
}

/** True when a query parameter (by its decoded name and value) only tracks the click. */
export function isTrackingParameter(name: string, value: string): boolean {
  const lower = name.toLowerCase();
  if (TRACKING_PARAMETERS.has(lower)) return true;
  if (TRACKING_PREFIXES.some((prefix) => lower.startsWith(prefix))) return true;
  return FEED_ORIGIN_PARAMETERS.has(lower) && FEED_ORIGIN_VALUE.test(value);
}

function canonicalQuery(search: string): string {
  if (search === '' || search === '?') return '';
  const kept: Array<{ name: string; pair: string }> = [];
  for (const rawPair of search.slice(1).split('&')) {
    if (rawPair === '' || rawPair === '=') continue;
    const pair = normalizePercentEncoding(rawPair);
    const equals = pair.indexOf('=');
    const name = equals === -1 ? pair : pair.slice(0, equals);
    const value = equals === -1 ? '' : pair.slice(equals + 1);
    if (isTrackingParameter(safeDecode(name), safeDecode(value)) || isAmpParameter(safeDecode(name), safeDecode(value))) continue;
    kept.push({ name, pair });
  }
  // Array.prototype.sort is stable: repeated names keep their relative order.
  kept.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return kept.map((entry) => entry.pair).join('&');
}

/** %7E → "~", %2f → "%2F": decode what needs no escaping, upper-case the rest. */
function normalizePercentEncoding(text: string): string {
  if (!text.includes('%')) return text;
  return text.replace(/%([0-9A-Fa-f]{2})/g, (_escape, hex: string) => {
    const char = String.fromCharCode(Number.parseInt(hex, 16));
    return UNRESERVED.test(char) ? char : `%${hex.toUpperCase()}`;
  });
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}
