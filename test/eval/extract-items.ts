/**
 * One-off extractor for the labelled country-tagging set (issue 3, "Measured quality").
 *
 * Reads one feed file, decodes it by BOM / XML declaration (there is no HTTP header here),
 * parses it with rss-parser and prints one JSON line per item with the title and summary as
 * the pipeline will match them: markup stripped, entities decoded, whitespace collapsed,
 * summary = Atom summary / RSS description / content snippet, capped at 1000 characters at a
 * word boundary. The lines carry no labels: a person reads each item and adds `countries`.
 *
 *   npx tsx test/eval/extract-items.ts FEED.xml [fallback-lang] > items.jsonl
 */
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import Parser from 'rss-parser';

export interface ExtractedItem {
  feed: string;
  id: string;
  lang: string | null;
  title: string;
  summary: string | null;
}

const maxSummaryChars = 1000;

/** Charset from a BOM, else the XML declaration, else UTF-8 (no HTTP header exists for a file). */
export function detectCharset(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  // The declaration is ASCII in every charset we meet, so latin1 is a safe way to read it.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const declared = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head);
  return declared?.[1]?.toLowerCase() ?? 'utf-8';
}

// Only the entities these feeds use beyond the numeric forms; an unknown one is left as is
// so that a reader of the output notices it rather than silently losing a character.
const namedEntities: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', hellip: '…', mdash: '—',
  ndash: '–', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»',
  euro: '€', pound: '£', copy: '©', reg: '®', trade: '™', deg: '°', middot: '·', bull: '•',
  shy: '', zwnj: '\u200c', zwj: '\u200d', eacute: 'é', egrave: 'è', aacute: 'á', agrave: 'à',
  oacute: 'ó', iacute: 'í', uacute: 'ú', ccedil: 'ç', atilde: 'ã', otilde: 'õ', auml: 'ä',
  ouml: 'ö', uuml: 'ü', Auml: 'Ä', Ouml: 'Ö', Uuml: 'Ü', szlig: 'ß', ntilde: 'ñ',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);/g, (whole, body: string) => {
    if (body.startsWith('#x')) return String.fromCodePoint(Number.parseInt(body.slice(2), 16));
    if (body.startsWith('#')) return String.fromCodePoint(Number.parseInt(body.slice(1), 10));
    return namedEntities[body] ?? whole;
  });
}

/** Markup to plain text: tags become spaces so adjacent words never fuse. */
export function toPlainText(html: string): string {
  const withoutTags = html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ');
  return decodeEntities(withoutTags).replace(/\s+/g, ' ').trim();
}

export function capAtWordBoundary(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const cut = text.slice(0, maxChars);
  const lastSpace = cut.lastIndexOf(' ');
  return (lastSpace > maxChars / 2 ? cut.slice(0, lastSpace) : cut).trimEnd();
}

interface RawItem {
  guid?: string;
  id?: string;
  link?: string;
  title?: string;
  summary?: string;
  content?: string;
  contentSnippet?: string;
  language?: string;
}

function primaryLanguage(tag: string | undefined): string | null {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return primary ? primary : null;
}

export async function extractItems(path: string, fallbackLang: string | null): Promise<ExtractedItem[]> {
  const bytes = new Uint8Array(readFileSync(path));
  const text = new TextDecoder(detectCharset(bytes)).decode(bytes);
  const parser = new Parser<{ language?: string }, RawItem>({ customFields: { item: ['id'] } });
  const feed = await parser.parseString(text);
  const feedName = basename(path).replace(/\.[^.]+$/, '');
  const feedLang = primaryLanguage(feed.language) ?? fallbackLang;
  return feed.items.map((item, index) => {
    const summarySource = item.summary ?? item.content ?? item.contentSnippet ?? '';
    const summary = capAtWordBoundary(toPlainText(summarySource), maxSummaryChars);
    return {
      feed: feedName,
      id: item.guid ?? item.id ?? item.link ?? `${feedName}#${index}`,
      lang: primaryLanguage(item.language) ?? feedLang,
      title: toPlainText(item.title ?? ''),
      summary: summary === '' ? null : summary,
    };
  });
}

const [feedPath, fallbackLang] = process.argv.slice(2);
const runDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (feedPath !== undefined && runDirectly) {
  for (const item of await extractItems(feedPath, fallbackLang ?? null)) {
    process.stdout.write(`${JSON.stringify(item)}\n`);
  }
}
