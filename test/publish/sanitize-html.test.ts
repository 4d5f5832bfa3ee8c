import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import { sanitizeHtml } from '../../src/publish/sanitize-html';
import { loadSanitizeCases, readFixture } from './fixtures';
import { attributeValues, elementNames, findHtmlHazards, visibleText } from './html-safety';

const BASE = 'https://news.example/world/2026/story.html';

function clean(html: string, baseUrl: string | null = BASE): string {
  return sanitizeHtml(html, { baseUrl });
}

describe('sanitizeHtml', () => {
  const cases = loadSanitizeCases();

  it('has feedparser sanitize cases to run', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
  });

  it.each(cases)(
    'leaves nothing that can run, track or restyle in feedparser case $file',
    ({ html, expected }) => {
      const out = clean(html);
      expect(findHtmlHazards(out)).toEqual([]);
      // The harmless words a browser would show of the input (and feedparser keeps) stay; an
      // iframe's or an unclosed comment's content is not shown by browsers, so it may go.
      for (const word of ['safe', 'description']) {
        if (visibleText(expected).includes(word) && visibleText(html).includes(word))
          expect(visibleText(out)).toContain(word);
      }
      // So do the images feedparser keeps.
      for (const src of attributeValues(expected, 'src').filter((url) => url.startsWith('http'))) {
        expect(attributeValues(out, 'src')).toContain(src);
      }
    },
  );

  const hostile: Array<[string, string]> = [
    ['script element', 'ok<script>alert(1)</script>'],
    ['script with odd casing and spacing', 'ok<ScRiPt >alert(1)</sCrIpT >'],
    ['img onerror', 'ok<img src=x onerror=alert(1)>'],
    ['upper-case event handler', 'ok<IMG SRC="https://a.example/i.png" ONERROR="alert(1)">'],
    ['javascript: link', '<a href="javascript:alert(1)">ok</a>'],
    ['javascript: with leading space and mixed case', '<a href="  JaVaScRiPt:alert(1)">ok</a>'],
    ['javascript: split by a tab', '<a href="java\tscript:alert(1)">ok</a>'],
    ['javascript: split by a newline entity', '<a href="java&#10;script:alert(1)">ok</a>'],
    ['entity-encoded colon', '<a href="javascript&#58;alert(1)">ok</a>'],
    [
      'entity-encoded scheme',
      '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">ok</a>',
    ],
    [
      'hex entities without semicolons',
      '<a href="&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;alert(1)">ok</a>',
    ],
    ['vbscript: link', '<a href="vbscript:msgbox(1)">ok</a>'],
    ['data: link', '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">ok</a>'],
    ['data: image', 'ok<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">'],
    [
      'javascript: in srcset',
      'ok<img src="https://a.example/i.png" srcset="javascript:alert(1) 1x, data:image/png;base64,AA 2x">',
    ],
    [
      'javascript: in video poster',
      'ok<video poster="javascript:alert(1)" src="https://a.example/v.mp4"></video>',
    ],
    ['javascript: in blockquote cite', '<blockquote cite="javascript:alert(1)">ok</blockquote>'],
    ['svg with script', 'ok<svg><script>alert(1)</script></svg>'],
    ['svg onload', 'ok<svg onload="alert(1)"><circle r="1"/></svg>'],
    [
      'svg link with xlink:href',
      'ok<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    ],
    ['iframe from an unknown host', 'ok<iframe src="https://evil.example/"></iframe>'],
    ['iframe with srcdoc', 'ok<iframe srcdoc="<script>alert(1)</script>"></iframe>'],
    ['iframe with javascript:', 'ok<iframe src="javascript:alert(1)"></iframe>'],
    ['allowed player over http', 'ok<iframe src="http://www.youtube.com/embed/x"></iframe>'],
    ['style element', 'ok<style>body{background:url(javascript:alert(1))}</style>'],
    ['style attribute', '<p style="background:url(javascript:alert(1));position:fixed">ok</p>'],
    [
      'form with controls',
      '<form action="https://evil.example/"><input name="q"><button formaction="javascript:alert(1)">ok</button></form>ok',
    ],
    [
      'object and embed',
      'ok<object data="https://evil.example/x.swf"></object><embed src="https://evil.example/x.swf">',
    ],
    ['meta refresh', 'ok<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'],
    ['base href', '<base href="javascript:/">ok<a href="x">x</a>'],
    ['link stylesheet', 'ok<link rel="stylesheet" href="https://evil.example/x.css">'],
    [
      'math mXSS with mglyph and style',
      'ok<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
    ],
    ['math with href', 'ok<math href="javascript:alert(1)">x</math>'],
    ['noscript mXSS', 'ok<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>'],
    ['template', 'ok<template><img src=x onerror=alert(1)></template>'],
    ['comment that hides markup', 'ok<!--<img src=x onerror=alert(1)>-->'],
    ['CDATA in HTML', 'ok<![CDATA[<img src=x onerror=alert(1)>]]>'],
    ['textarea breakout', 'ok<textarea></textarea><script>alert(1)</script>'],
    ['title breakout', 'ok<title></title><img src=x onerror=alert(1)>'],
    ['xmp raw text', 'ok<xmp><script>alert(1)</script></xmp>'],
    ['details ontoggle', '<details open ontoggle="alert(1)"><summary>ok</summary></details>'],
    [
      'attribute without quotes breaking out',
      '<a href=https://a.example/ title=x onmouseover=alert(1)>ok</a>',
    ],
    ['id and class clobbering', '<p id="location" class="hidden" name="cookie">ok</p>'],
    ['malformed nested tags', '<<script>script>alert(1)<</script>/script>ok'],
    ['null byte inside a tag name', 'ok<scr\u0000ipt>alert(1)</script>'],
  ];

  // The checker must see the danger in the raw input, or passing it would prove nothing.
  it.each(hostile)('recognises %s as unsafe before sanitising', (_name, html) => {
    expect(findHtmlHazards(html)).not.toEqual([]);
  });

  it.each(hostile)('neutralises %s', (_name, html) => {
    const out = clean(html);
    expect(findHtmlHazards(out)).toEqual([]);
    expect(out).not.toMatch(/javascript:|vbscript:|data:/i);
    expect(visibleText(out)).not.toMatch(/alert\(1\)<|<img|onerror=alert/i);
  });

  it('keeps the harmless text of hostile markup', () => {
    expect(
      visibleText(
        clean('<p onclick="x()">Talks in <b>Astana</b><script>steal()</script> resume</p>'),
      ),
    ).toBe('Talks in Astana resume');
  });

  it.each([
    ['href', '<a href="../photos/1">photos</a>', 'href', 'https://news.example/world/photos/1'],
    ['src', '<img src="/img/a.jpg">', 'src', 'https://news.example/img/a.jpg'],
    [
      'protocol-relative src',
      '<img src="//cdn.example/a.jpg">',
      'src',
      'https://cdn.example/a.jpg',
    ],
    [
      'poster',
      '<video src="v.mp4" poster="p.jpg"></video>',
      'poster',
      'https://news.example/world/2026/p.jpg',
    ],
    [
      'cite',
      '<blockquote cite="/quotes/1">q</blockquote>',
      'cite',
      'https://news.example/quotes/1',
    ],
    [
      'srcset',
      '<img src="a.jpg" srcset="a.jpg 1x, /b,c.jpg 2x">',
      'srcset',
      'https://news.example/world/2026/a.jpg 1x, https://news.example/b,c.jpg 2x',
    ],
  ])('resolves a relative %s against the item URL', (_name, html, attribute, expected) => {
    expect(attributeValues(clean(html), attribute)).toEqual([expected]);
  });

  it('drops relative URLs when there is no base URL, keeping the text', () => {
    const out = clean(
      '<a href="/x">read</a> <img src="/i.png"> <a href="https://a.example/">abs</a>',
      null,
    );
    expect(elementNames(out)).toEqual(['span', 'a']);
    expect(attributeValues(out, 'href')).toEqual(['https://a.example/']);
    expect(visibleText(out)).toBe('read abs');
  });

  it('makes links open without an opener or a referrer', () => {
    const out = clean('<a href="https://a.example/" rel="opener" target="_self">x</a>');
    expect(attributeValues(out, 'rel')).toEqual(['noopener noreferrer']);
    expect(attributeValues(out, 'target')).toEqual(['_blank']);
  });

  it('keeps mailto: links', () => {
    expect(attributeValues(clean('<a href="mailto:desk@news.example">mail</a>'), 'href')).toEqual([
      'mailto:desk@news.example',
    ]);
  });

  it.each([
    ['a 1×1 image', '<img src="https://a.example/p.gif" width="1" height="1">'],
    ['a 0-height image', '<img src="https://a.example/p.gif" width="300" height="0">'],
    ['a 1px×1px image', '<img src="https://a.example/p.gif" width="1px" height="1px">'],
    ['a Feedburner counter', '<img src="https://feeds.feedburner.com/~r/site/~4/abc">'],
    ['a WordPress stats pixel', '<img src="https://pixel.wp.com/b.gif?v=1">'],
    [
      'an image under /tracking/',
      '<img src="https://media.example/include/images/tracking/rss-pixel.png?story=1">',
    ],
  ])('drops %s', (_name, html) => {
    expect(elementNames(clean(`<p>text</p>${html}`))).toEqual(['p']);
  });

  it('keeps ordinary images with their size and alt text', () => {
    const out = clean(
      '<img src="https://a.example/photo.jpg" width="640" height="360" alt="Astana skyline">',
    );
    expect(elementNames(out)).toEqual(['img']);
    expect(attributeValues(out, 'width')).toEqual(['640']);
    expect(attributeValues(out, 'alt')).toEqual(['Astana skyline']);
  });

  it('keeps a YouTube embed, sandboxed, and drops other iframes with their content', () => {
    const out = clean(
      '<iframe src="https://www.youtube.com/embed/abc" width="560" height="315" allow="camera"></iframe>' +
        '<iframe src="https://ads.example/frame">buy now</iframe>',
    );
    expect(elementNames(out)).toEqual(['iframe']);
    expect(attributeValues(out, 'sandbox')).toEqual([
      'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox',
    ]);
    expect(attributeValues(out, 'allow')).toEqual([]);
    expect(visibleText(out)).toBe('');
  });

  it('gives audio and video controls and no autoplay', () => {
    const out = clean(
      '<video src="https://a.example/v.mp4" autoplay muted></video><audio src="https://a.example/a.mp3" autoplay></audio>',
    );
    expect(attributeValues(out, 'controls')).toEqual(['', '']);
    expect(attributeValues(out, 'autoplay')).toEqual([]);
  });

  it('writes void elements without end tags', () => {
    const out = clean(
      '<picture><source srcset="https://a.example/a.webp" type="image/webp"><img src="https://a.example/a.jpg"></picture>',
    );
    expect(out).not.toContain('</source>');
    expect(elementNames(out)).toEqual(['picture', 'source', 'img']);
  });

  it('strips characters XML cannot carry, including ones hidden in entities', () => {
    const out = clean('<p>a\u0001b&#1;c&#xFFFE;d \uD800 e</p>');
    expect(out).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
    expect(out).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it.each([
    ['news/npr-world-20260217.xml', 'https://feeds.npr.org/1004/rss.xml'],
    ['news/foreignpolicy-20260217.xml', 'https://foreignpolicy.com/feed/'],
    ['news/bbc-urdu-20181024.xml', 'https://feeds.bbci.co.uk/urdu/rss.xml'],
  ])('keeps the text of every real item in %s intact', async (file) => {
    const feed = await new Parser<
      Record<string, unknown>,
      { 'content:encoded'?: string }
    >().parseString(readFixture(file));
    let checked = 0;
    for (const item of feed.items) {
      const html = item['content:encoded'] ?? item.content;
      if (html === undefined) continue;
      const out = clean(html, item.link ?? null);
      expect(findHtmlHazards(out)).toEqual([]);
      expect(visibleText(out)).toBe(visibleText(html));
      checked++;
    }
    expect(checked).toBeGreaterThan(5);
  });

  it('removes the tracking pixel from real NPR items and keeps their photo', async () => {
    const feed = await new Parser<
      Record<string, unknown>,
      { 'content:encoded'?: string }
    >().parseString(readFixture('news/npr-world-20260217.xml'));
    const first = feed.items[0]?.['content:encoded'] ?? '';
    expect(first).toContain('npr-rss-pixel.png');
    const sources = attributeValues(clean(first, feed.items[0]?.link ?? null), 'src');
    expect(sources).toHaveLength(1);
    expect(sources[0]).toContain('npr.brightspotcdn.com');
  });
});
