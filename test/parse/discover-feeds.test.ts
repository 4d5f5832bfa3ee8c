import { describe, expect, it } from 'vitest';
import { discoverFeedLinks, looksLikeFeed } from '../../src/parse/discover-feeds';

// The <head> of a WordPress news site, as WordPress 6 writes it.
const WORDPRESS_HEAD = `<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="UTF-8">
<title>World &#8211; Example News</title>
<link rel="alternate" type="application/rss+xml" title="Example News &raquo; Feed" href="https://news.example.com/feed/" />
<link rel="alternate" type="application/rss+xml" title="Example News &raquo; Comments Feed" href="https://news.example.com/comments/feed/" />
<link rel="alternate" type="application/rss+xml" title="Example News &raquo; World Category Feed" href="https://news.example.com/category/world/feed/" />
<link rel="https://api.w.org/" href="https://news.example.com/wp-json/" />
<link rel="alternate" title="JSON" type="application/json" href="https://news.example.com/wp-json/wp/v2/categories/7" />
<link rel="alternate" type="application/json+oembed" href="https://news.example.com/wp-json/oembed/1.0/embed?url=x" />
<link rel="alternate" type="text/xml+oembed" href="https://news.example.com/wp-json/oembed/1.0/embed?url=x&#038;format=xml" />
<link rel="alternate" hreflang="fr" href="https://news.example.com/fr/" />
<link rel='stylesheet' id='main-css' href='https://news.example.com/style.css' media='all' />
</head><body><p>Hello</p></body></html>`;

describe('discoverFeedLinks', () => {
  it('finds the RSS feeds a WordPress page announces, skipping its REST API and oEmbed links', () => {
    expect(discoverFeedLinks(WORDPRESS_HEAD, 'https://news.example.com/category/world/')).toEqual([
      { url: 'https://news.example.com/feed/', type: 'application/rss+xml', title: 'Example News » Feed' },
      { url: 'https://news.example.com/comments/feed/', type: 'application/rss+xml', title: 'Example News » Comments Feed' },
      {
        url: 'https://news.example.com/category/world/feed/',
        type: 'application/rss+xml',
        title: 'Example News » World Category Feed',
      },
    ]);
  });

  it('resolves relative hrefs against <base href>, then the page URL', () => {
    const html = `<html><head><base href="https://cdn.example.org/site/">
      <link rel=alternate type=application/atom+xml href=atom.xml>
      <link REL="Alternate" TYPE="application/feed+json; charset=utf-8" href="/feed.json" title=" JSON Feed ">
    </head></html>`;
    expect(discoverFeedLinks(html, 'https://www.example.org/page')).toEqual([
      { url: 'https://cdn.example.org/site/atom.xml', type: 'application/atom+xml', title: null },
      { url: 'https://cdn.example.org/feed.json', type: 'application/feed+json', title: 'JSON Feed' },
    ]);
    expect(discoverFeedLinks('<link rel="alternate" type="application/rss+xml" href="../rss">', 'https://x.test/a/b/')).toEqual([
      { url: 'https://x.test/a/rss', type: 'application/rss+xml', title: null },
    ]);
  });

  it.each([
    ['application/rss+xml', 'application/rss+xml'],
    ['application/atom+xml', 'application/atom+xml'],
    ['application/rdf+xml', 'application/rdf+xml'],
    ['application/feed+json', 'application/feed+json'],
    ['text/xml', 'application/rss+xml'],
    ['application/x-rss+xml', 'application/rss+xml'],
  ])('accepts type %s', (type, reported) => {
    const html = `<link rel="alternate" type="${type}" href="/f">`;
    expect(discoverFeedLinks(html, 'https://x.test/')).toEqual([{ url: 'https://x.test/f', type: reported, title: null }]);
  });

  it('accepts rel="feed" without a type, as HTML5 allows', () => {
    expect(discoverFeedLinks('<link rel="feed" href="/all">', 'https://x.test/')).toEqual([
      { url: 'https://x.test/all', type: 'application/rss+xml', title: null },
    ]);
  });

  it('ignores links in comments and scripts, duplicates, and non-http(s) hrefs', () => {
    const html = `
      <!-- <link rel="alternate" type="application/rss+xml" href="/old.rss"> -->
      <script>document.write('<link rel="alternate" type="application/rss+xml" href="/js.rss">')</script>
      <link rel="alternate" type="application/rss+xml" href="/rss">
      <link rel="alternate" type="application/rss+xml" href="https://x.test/rss">
      <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
      <link rel="alternate" type="application/rss+xml">`;
    expect(discoverFeedLinks(html, 'https://x.test/').map((link) => link.url)).toEqual(['https://x.test/rss']);
  });

  it('returns nothing for a page without feed links', () => {
    expect(discoverFeedLinks('<html><head><title>x</title></head></html>', 'https://x.test/')).toEqual([]);
  });
});

describe('looksLikeFeed', () => {
  it.each([
    ['RSS 2.0', '<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>'],
    ['RSS with a BOM and comments first', '\uFEFF<?xml version="1.0"?>\n<!-- generator -->\n<?xml-stylesheet href="s.xsl"?><rss>'],
    ['Atom', '<feed xmlns="http://www.w3.org/2005/Atom">'],
    ['RDF', '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'],
    ['RSS behind a DOCTYPE', '<!DOCTYPE rss [<!ENTITY x "y">]><rss version="0.91">'],
    ['JSON Feed 1.1', '{"version": "https://jsonfeed.org/version/1.1", "items": []}'],
    ['JSON Feed 1 with whitespace', '  {\n "title": "x",\n "version" : "https://jsonfeed.org/version/1"'],
  ])('says yes to %s', (_label, text) => {
    expect(looksLikeFeed(text)).toBe(true);
  });

  it.each([
    ['an HTML page', '<!DOCTYPE html><html><head>'],
    ['XHTML', '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml">'],
    ['OPML', '<?xml version="1.0"?><opml version="2.0">'],
    ['a sitemap', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'],
    ['JSON without a version', '{"items": []}'],
    ['JSON with another version', '{"version": "2.0", "items": []}'],
    ['plain text', 'rss feed here'],
    ['empty text', ''],
  ])('says no to %s', (_label, text) => {
    expect(looksLikeFeed(text)).toBe(false);
  });
});
