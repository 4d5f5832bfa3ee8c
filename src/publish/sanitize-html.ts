/**
 * Makes a source's HTML safe to republish. Contract:
 * - only the tags and attributes listed below survive (an allowlist in the spirit of Miniflux's
 *   internal/reader/sanitizer); the text inside a dropped tag is kept, except for tags whose
 *   content is code or fallback (script, style, template, svg, math, …), which go whole;
 * - no event handlers, no `style`, no `class`/`id` (they would clobber the reader's own page);
 * - every URL (href, src, srcset, poster, cite) is resolved against `baseUrl` and must be
 *   absolute http(s) (`mailto:` too for links), otherwise the attribute goes; an `<img>` or
 *   `<source>` left without a source goes, an `<a>` without a link becomes a `<span>`;
 * - 1×1 (or 0-sized) images and known feed-tracker images (by host or path) are dropped;
 * - `<iframe>` survives only for a short list of video/audio players over https, sandboxed;
 * - links open in a new context without an opener or a referrer;
 * - the result contains no character that XML 1.0 forbids.
 * Runs wherever sanitize-html runs (Node, and workerd with nodejs_compat): style parsing,
 * the only postcss path, is switched off.
 */
import sanitize from 'sanitize-html';
import { cleanText } from './clean-text';
import { resolveHttpUrl } from './resolve-http-url';

// prettier-ignore
const ALLOWED_TAGS = [
  'a', 'abbr', 'acronym', 'address', 'article', 'aside', 'audio', 'b', 'bdi', 'bdo', 'blockquote',
  'br', 'caption', 'cite', 'code', 'col', 'colgroup', 'dd', 'del', 'details', 'dfn', 'div', 'dl',
  'dt', 'em', 'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr',
  'i', 'iframe', 'img', 'ins', 'kbd', 'li', 'mark', 'ol', 'p', 'picture', 'pre', 'q', 'rp', 'rt',
  'rtc', 'ruby', 's', 'samp', 'section', 'small', 'source', 'span', 'strong', 'sub', 'summary',
  'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'time', 'tr', 'u', 'ul', 'var', 'video',
  'wbr',
];

const ALLOWED_ATTRIBUTES: Record<string, string[]> = {
  '*': ['lang', 'dir', 'title'],
  a: ['href', 'hreflang', 'rel', 'target'],
  img: ['src', 'srcset', 'sizes', 'alt', 'width', 'height', 'loading'],
  source: ['src', 'srcset', 'sizes', 'type', 'media'],
  video: ['src', 'poster', 'width', 'height', 'controls', 'preload'],
  audio: ['src', 'controls', 'preload'],
  iframe: ['src', 'width', 'height', 'allowfullscreen', 'sandbox', 'loading', 'referrerpolicy'],
  td: ['colspan', 'rowspan', 'headers'],
  th: ['colspan', 'rowspan', 'headers', 'scope', 'abbr'],
  col: ['span'],
  colgroup: ['span'],
  ol: ['start', 'reversed', 'type'],
  li: ['value'],
  time: ['datetime'],
  q: ['cite'],
  blockquote: ['cite'],
  del: ['cite', 'datetime'],
  ins: ['cite', 'datetime'],
  details: ['open'],
};

// Whatever is inside these is code, styling, or markup a browser never shows (an iframe's
// content is raw text), never article text. The fallback inside <object>/<applet> is what
// browsers without plugins do show, so those keep their text.
// prettier-ignore
const DROP_WITH_CONTENT = [
  'script', 'style', 'textarea', 'option', 'select', 'xmp', 'noscript', 'noembed', 'noframes',
  'template', 'title', 'head', 'svg', 'math', 'embed', 'frame', 'iframe', 'canvas', 'button',
  'map', 'param',
];
// The name a transform gives an element it wants gone together with its content.
const DROPPED = 'topicwire-dropped';

// Embeds readers commonly accept; everything else in an iframe is a tracker, an ad or a trap.
const IFRAME_PLAYERS: Array<{ host: string; pathPrefix: string }> = [
  { host: 'www.youtube.com', pathPrefix: '/embed/' },
  { host: 'youtube.com', pathPrefix: '/embed/' },
  { host: 'www.youtube-nocookie.com', pathPrefix: '/embed/' },
  { host: 'player.vimeo.com', pathPrefix: '/video/' },
  { host: 'www.dailymotion.com', pathPrefix: '/embed/' },
  { host: 'w.soundcloud.com', pathPrefix: '/player/' },
  { host: 'bandcamp.com', pathPrefix: '/EmbeddedPlayer/' },
];
const IFRAME_SANDBOX =
  'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox';

// Hosts whose images only count opens (feed analytics), matched on the image's host name.
// prettier-ignore
const TRACKER_IMAGE_HOSTS = [
  'feeds.feedburner.com', 'feedproxy.google.com', 'feedsportal.com', 'pi.feedsportal.com',
  'stats.wordpress.com', 'pixel.wp.com', 'pixel.quantserve.com', 'www.google-analytics.com',
  'feedads.g.doubleclick.net', 'ad.doubleclick.net',
];

// Paths of open-counting images that carry no size: NPR's /include/images/tracking/…-pixel.png,
// generic /pixel.gif, /beacon/….
const TRACKER_IMAGE_PATH =
  /\/(tracking|pixel|beacon)s?\/|\/(pixel|beacon|[\w-]*rss-pixel)\.(gif|png)$/i;

const URL_ATTRIBUTES = ['href', 'src', 'poster', 'cite'];

type Attributes = Record<string, string>;

/** Returns HTML that keeps the source's text and safe structure and nothing that can run, track or restyle. */
export function sanitizeHtml(html: string, options: { baseUrl: string | null }): string {
  const baseUrl = resolveHttpUrl(options.baseUrl);
  // Cleaned again afterwards: entities such as &#1; decode to characters XML cannot carry.
  const sanitized = sanitize(cleanText(html), {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: ALLOWED_ATTRIBUTES,
    allowedSchemes: ['http', 'https'],
    allowedSchemesByTag: { a: ['http', 'https', 'mailto'] },
    allowedSchemesAppliedToAttributes: ['href', 'src', 'cite', 'poster'],
    allowProtocolRelative: false,
    allowedIframeHostnames: IFRAME_PLAYERS.map((player) => player.host),
    allowIframeRelativeUrls: false,
    nonTextTags: [...DROP_WITH_CONTENT, DROPPED],
    disallowedTagsMode: 'discard',
    // Void elements must not get an end tag; sanitize-html only knows some of them.
    selfClosing: ['img', 'br', 'hr', 'wbr', 'source', 'col'],
    parseStyleAttributes: false,
    transformTags: {
      '*': (tagName: string, attribs: Attributes) => transformElement(tagName, attribs, baseUrl),
    },
  });
  return cleanText(sanitized);
}

function transformElement(
  tagName: string,
  attribs: Attributes,
  baseUrl: string | null,
): { tagName: string; attribs: Attributes } {
  const cleaned = resolveUrlAttributes(tagName, attribs, baseUrl);
  switch (tagName) {
    case 'a':
      if (cleaned.href === undefined)
        return { tagName: 'span', attribs: withoutLinkAttributes(cleaned) };
      return { tagName, attribs: { ...cleaned, rel: 'noopener noreferrer', target: '_blank' } };
    case 'img':
      if (
        (cleaned.src === undefined && cleaned.srcset === undefined) ||
        isTrackingImage(attribs, cleaned)
      ) {
        return { tagName: DROPPED, attribs: {} };
      }
      return { tagName, attribs: { ...keepPositiveDimensions(cleaned), loading: 'lazy' } };
    case 'source':
      if (cleaned.src === undefined && cleaned.srcset === undefined)
        return { tagName: DROPPED, attribs: {} };
      return { tagName, attribs: cleaned };
    case 'video':
    case 'audio':
      return { tagName, attribs: { ...keepPositiveDimensions(cleaned), controls: '' } };
    case 'iframe': {
      const src = cleaned.src;
      if (src === undefined || !isAllowedPlayer(src)) return { tagName: DROPPED, attribs: {} };
      return {
        tagName,
        attribs: {
          ...keepPositiveDimensions(cleaned),
          src,
          sandbox: IFRAME_SANDBOX,
          loading: 'lazy',
          // YouTube refuses to play embeds that send no referrer at all.
          referrerpolicy: 'strict-origin-when-cross-origin',
          allowfullscreen: '',
        },
      };
    }
    default:
      return { tagName, attribs: cleaned };
  }
}

/** Resolves URL-valued attributes; the ones that do not resolve to an allowed URL are removed. */
function resolveUrlAttributes(
  tagName: string,
  attribs: Attributes,
  baseUrl: string | null,
): Attributes {
  const out: Attributes = {};
  for (const [name, value] of Object.entries(attribs)) {
    const lower = name.toLowerCase();
    if (lower === 'srcset') {
      const srcset = resolveSrcset(value, baseUrl);
      if (srcset !== null) out[name] = srcset;
    } else if (URL_ATTRIBUTES.includes(lower)) {
      const url =
        tagName === 'a' && lower === 'href' && isMailto(value)
          ? value.trim()
          : resolveHttpUrl(value, baseUrl);
      if (url !== null) out[name] = url;
    } else {
      out[name] = value;
    }
  }
  return out;
}

function isMailto(value: string): boolean {
  // No control characters or spaces may hide in the scheme: the value is compared as typed.
  return /^mailto:[^\s<>"]+$/i.test(value.trim());
}

/**
 * Resolves every candidate of a srcset ("url [descriptor], url [descriptor]", where a URL may
 * itself contain commas); candidates whose URL is not http(s) or whose descriptor is not a plain
 * width or density are dropped, and so is the attribute when none is left.
 */
function resolveSrcset(srcset: string, baseUrl: string | null): string | null {
  const candidates: string[] = [];
  let position = 0;
  while (position < srcset.length) {
    while (position < srcset.length && /[\s,]/.test(srcset.charAt(position))) position++;
    if (position >= srcset.length) break;
    const urlStart = position;
    while (position < srcset.length && !/\s/.test(srcset.charAt(position))) position++;
    let rawUrl = srcset.slice(urlStart, position);
    let descriptor = '';
    if (rawUrl.endsWith(',')) {
      rawUrl = rawUrl.replace(/,+$/, '');
    } else {
      const commaAt = srcset.indexOf(',', position);
      const descriptorEnd = commaAt === -1 ? srcset.length : commaAt;
      descriptor = srcset.slice(position, descriptorEnd).trim();
      position = descriptorEnd + 1;
    }
    const url = resolveHttpUrl(rawUrl, baseUrl);
    if (url === null) continue;
    if (descriptor !== '' && !/^\d+(\.\d+)?[wx]$/.test(descriptor)) continue;
    candidates.push(descriptor === '' ? url : `${url} ${descriptor}`);
  }
  return candidates.length === 0 ? null : candidates.join(', ');
}

function withoutLinkAttributes(attribs: Attributes): Attributes {
  const { href: _href, rel: _rel, target: _target, hreflang: _hreflang, ...rest } = attribs;
  return rest;
}

function parsePixels(value: string | undefined): number | null {
  if (value === undefined) return null;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(px)?\s*$/i.exec(value);
  return match?.[1] === undefined ? null : Number(match[1]);
}

function keepPositiveDimensions(attribs: Attributes): Attributes {
  const out = { ...attribs };
  for (const name of ['width', 'height']) {
    const value = out[name];
    if (value === undefined) continue;
    const pixels = parsePixels(value);
    if (pixels === null || pixels < 1 || !Number.isInteger(pixels)) delete out[name];
    else out[name] = String(pixels);
  }
  return out;
}

function isTrackingImage(original: Attributes, cleaned: Attributes): boolean {
  const width = parsePixels(original.width);
  const height = parsePixels(original.height);
  if (width !== null && height !== null && width <= 1 && height <= 1) return true;
  if (width === 0 || height === 0) return true;
  const src = cleaned.src;
  if (src === undefined) return false;
  const url = new URL(src);
  if (TRACKER_IMAGE_PATH.test(url.pathname)) return true;
  return TRACKER_IMAGE_HOSTS.some(
    (tracker) => url.hostname === tracker || url.hostname.endsWith(`.${tracker}`),
  );
}

function isAllowedPlayer(src: string): boolean {
  const url = new URL(src);
  if (url.protocol !== 'https:') return false;
  return IFRAME_PLAYERS.some(
    (player) => url.hostname === player.host && url.pathname.startsWith(player.pathPrefix),
  );
}
