/**
 * What "safe HTML" means for a republished item, checked the way a browser would see it: the
 * HTML is parsed with parse5 (the WHATWG parsing algorithm, so mutation-XSS tricks that rely on
 * parser differences show up) and every element and attribute is held to the publish policy.
 * The policy is written out here again, on purpose, rather than imported from src/.
 */
import { parseFragment } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const HTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';

const GLOBAL_ATTRIBUTES = ['lang', 'dir', 'title'];
const ALLOWED: Record<string, string[]> = {
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
// prettier-ignore
const PLAIN_TAGS = [
  'abbr', 'acronym', 'address', 'article', 'aside', 'b', 'bdi', 'bdo', 'br', 'caption', 'cite',
  'code', 'dd', 'dfn', 'div', 'dl', 'dt', 'em', 'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3',
  'h4', 'h5', 'h6', 'header', 'hr', 'i', 'kbd', 'mark', 'p', 'picture', 'pre', 'rp', 'rt', 'rtc',
  'ruby', 's', 'samp', 'section', 'small', 'span', 'strong', 'sub', 'summary', 'sup', 'table',
  'tbody', 'tfoot', 'thead', 'tr', 'u', 'ul', 'var', 'wbr',
];
// prettier-ignore
const PLAYER_HOSTS = [
  'www.youtube.com', 'youtube.com', 'www.youtube-nocookie.com', 'player.vimeo.com',
  'www.dailymotion.com', 'w.soundcloud.com', 'bandcamp.com',
];
const URL_ATTRIBUTES = ['href', 'src', 'poster', 'cite'];

/** Every way the HTML breaks the policy; empty when it is safe. */
export function findHtmlHazards(html: string): string[] {
  const hazards: string[] = [];
  // Escaped text reads "&lt;script"; a raw "<script" can only be markup.
  if (/<\/?(script|style)\b/i.test(html)) hazards.push('raw script/style markup');
  walk(parseFragment(html), (node) => {
    if (node.nodeName === '#comment') hazards.push('comment');
    if (!('tagName' in node)) return;
    hazards.push(...elementHazards(node));
  });
  return hazards;
}

function elementHazards(element: Element): string[] {
  const hazards: string[] = [];
  const tag = element.tagName;
  if (element.namespaceURI !== HTML_NAMESPACE)
    hazards.push(`foreign element <${tag}> in ${element.namespaceURI}`);
  const allowedAttributes = ALLOWED[tag];
  if (allowedAttributes === undefined && !PLAIN_TAGS.includes(tag))
    hazards.push(`element <${tag}>`);
  for (const { name, value } of element.attrs) {
    if (!GLOBAL_ATTRIBUTES.includes(name) && !(allowedAttributes ?? []).includes(name)) {
      hazards.push(`attribute ${name} on <${tag}>`);
      continue;
    }
    if (URL_ATTRIBUTES.includes(name) && !isSafeUrl(value, tag === 'a' && name === 'href')) {
      hazards.push(`${name}="${value}" on <${tag}>`);
    }
    if (name === 'srcset') {
      for (const candidate of value.split(/,\s+/)) {
        const url = candidate.trim().split(/\s+/)[0] ?? '';
        if (!isSafeUrl(url, false)) hazards.push(`srcset candidate ${url}`);
      }
    }
  }
  if (tag === 'iframe') {
    const src = element.attrs.find((attr) => attr.name === 'src')?.value ?? '';
    const sandbox = element.attrs.find((attr) => attr.name === 'sandbox')?.value;
    if (!src.startsWith('https://') || !PLAYER_HOSTS.includes(new URL(src).hostname))
      hazards.push(`iframe ${src}`);
    if (sandbox === undefined || sandbox.includes('allow-top-navigation'))
      hazards.push('iframe without a sandbox');
  }
  if (tag === 'a' && element.attrs.some((attr) => attr.name === 'href')) {
    const rel = element.attrs.find((attr) => attr.name === 'rel')?.value ?? '';
    if (!rel.split(/\s+/).includes('noopener')) hazards.push('link without rel=noopener');
  }
  return hazards;
}

function isSafeUrl(value: string, allowMailto: boolean): boolean {
  if (allowMailto && /^mailto:[^\s]+$/i.test(value)) return true;
  if (!/^https?:\/\//i.test(value)) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Text a reader would show (script/style/template content excluded), whitespace collapsed. */
export function visibleText(html: string): string {
  const parts: string[] = [];
  // What browsers never render as text: code, and raw-text fallbacks (an iframe's content).
  const hidden = new Set([
    'script',
    'style',
    'template',
    'noscript',
    'title',
    'textarea',
    'svg',
    'math',
    'iframe',
    'noembed',
    'noframes',
  ]);
  const visit = (node: Node): void => {
    if (node.nodeName === '#text' && 'value' in node) parts.push(node.value);
    if ('tagName' in node && hidden.has(node.tagName)) return;
    if ('childNodes' in node) for (const child of node.childNodes) visit(child);
    if ('content' in node) visit(node.content);
  };
  visit(parseFragment(html));
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/** The values of one attribute on every element, in document order, as a browser parses the HTML. */
export function attributeValues(html: string, name: string): string[] {
  const values: string[] = [];
  walk(parseFragment(html), (node) => {
    if ('tagName' in node)
      values.push(...node.attrs.filter((attr) => attr.name === name).map((attr) => attr.value));
  });
  return values;
}

/** Every element name in the fragment, in document order. */
export function elementNames(html: string): string[] {
  const names: string[] = [];
  walk(parseFragment(html), (node) => {
    if ('tagName' in node) names.push(node.tagName);
  });
  return names;
}

function walk(node: Node, visit: (node: Node) => void): void {
  visit(node);
  if ('childNodes' in node) for (const child of node.childNodes) walk(child, visit);
  if ('content' in node) walk(node.content, visit);
}
