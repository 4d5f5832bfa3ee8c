// read-xml-feed.ts against rss-parser 3.13, which it replaces: every XML fixture feed in
// test/fixtures, read both ways with the same xml2js options and custom fields, maps to the
// same feed and the same entries, item by item; a document one refuses the other refuses too,
// with the same message. And the reading yields: a 100,000-item document never blocks the
// event loop for long.
import Parser from 'rss-parser';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBody } from '../../src/fetch/decode-body';
import { FEED_FIELDS, ITEM_FIELDS, mapXmlFeed } from '../../src/parse/map-xml-feed';
import { findRootElement, stripBom } from '../../src/parse/markup-scan';
import { formatOfRoot, parseFeed, xml2jsOptions } from '../../src/parse/parse-feed';
import { readXmlFeed } from '../../src/parse/read-xml-feed';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

function xmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return xmlFiles(path);
    return /\.(xml|rss|atom|rdf)$/.test(name) ? [path] : [];
  });
}

const cases = xmlFiles(FIXTURES).flatMap((path) => {
  const body = stripBom(decodeBody(readFileSync(path), null).text).trimStart();
  const root = findRootElement(body);
  const format = root ? formatOfRoot(root.name) : null;
  return root && format ? [{ file: relative(FIXTURES, path), body, format, rootAttributes: root.attributes }] : [];
});

async function outcome<T>(run: () => Promise<T>): Promise<{ ok: T } | { error: string }> {
  try {
    return { ok: await run() };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

describe('readXmlFeed', () => {
  it('has many fixture feeds to compare', () => {
    expect(cases.length).toBeGreaterThan(300);
  });

  it.each(cases)('$file maps to what rss-parser gives', async ({ body, format, rootAttributes }) => {
    const toCustomFields = (fields: ReadonlyArray<readonly [string, string]>) => fields.map(([from, to]) => [from, to, { keepArray: true }]);
    const context = { format, baseUrl: 'https://example.org/feed.xml', rootAttributes };
    const reference = await outcome(async () =>
      mapXmlFeed(
        (await new Parser({
          defaultRSS: 2,
          customFields: { feed: toCustomFields(FEED_FIELDS) as never, item: toCustomFields(ITEM_FIELDS) as never },
          xml2js: xml2jsOptions(format),
        }).parseString(body)) as unknown as Record<string, unknown>,
        context,
      ),
    );
    const ours = await outcome(async () => mapXmlFeed(await readXmlFeed(body, { feedFields: FEED_FIELDS, itemFields: ITEM_FIELDS, xml2js: xml2jsOptions(format) }), context));
    if ('error' in reference && !/Line: \d+/.test(reference.error)) {
      // rss-parser crashed in its own mapping (which readXmlFeed skips): ours must read the document.
      expect(ours).toHaveProperty('ok');
      return;
    }
    expect(ours).toEqual(reference);
  });
});

describe('parseFeed on a 100,000-item document', () => {
  it('reads every entry while the event loop keeps turning', async () => {
    const items = Array.from({ length: 100_000 }, (_, n) => `<item><guid>g${n}</guid><title>Story ${n} &amp; more</title><description>&lt;p&gt;Text ${n}&lt;/p&gt;</description></item>`).join('');
    const body = `<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title>${items}</channel></rss>`;
    let last = performance.now();
    let worstGapMs = 0;
    const timer = setInterval(() => {
      const now = performance.now();
      worstGapMs = Math.max(worstGapMs, now - last);
      last = now;
    }, 5);
    const feed = await parseFeed(body, { baseUrl: 'https://example.org/big.xml' });
    clearInterval(timer);
    worstGapMs = Math.max(worstGapMs, performance.now() - last);
    expect(feed.entries).toHaveLength(100_000);
    expect(feed.entries[99_999]).toMatchObject({ guid: 'g99999', title: 'Story 99999 & more', summary: 'Text 99999' });
    // Generous for a loaded 2-core machine; a synchronous parse of this document takes seconds.
    expect(worstGapMs).toBeLessThan(1000);
  }, 120_000);

  it('a broken large document fails with the parser\'s message, once', async () => {
    const items = Array.from({ length: 20_000 }, (_, n) => `<item><title>Story ${n}</title></item>`).join('');
    const body = `<?xml version="1.0"?><rss version="2.0"><channel>${items}<item><title>broken</titl></item></channel></rss>`;
    await expect(parseFeed(body, { baseUrl: 'https://example.org/big.xml' })).rejects.toThrow(/broken XML: unexpected close tag/i);
  }, 60_000);
});
