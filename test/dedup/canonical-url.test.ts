import { describe, expect, it } from 'vitest';
import { canonicalizeUrl, isTrackingParameter } from '../../src/dedup/canonical-url';

describe('canonicalizeUrl', () => {
  it.each([
    // scheme: http and https are one story
    ['http://example.com/a', 'https://example.com/a'],
    ['HTTPS://example.com/a', 'https://example.com/a'],
    // host
    ['https://WWW.Example.COM/Path', 'https://example.com/Path'],
    // mobile and AMP renditions of one article
    ['https://m.example.com/news/story-1', 'https://example.com/news/story-1'],
    ['https://amp.theguardian.com/world/2026/jan/05/story', 'https://theguardian.com/world/2026/jan/05/story'],
    ['https://www.m.example.com/a', 'https://example.com/a'],
    ['https://www.example.com/amp/world/story', 'https://example.com/world/story'],
    ['https://example.com/world/story/amp/', 'https://example.com/world/story'],
    ['https://www.washingtonpost.com/world/2026/01/05/story/?outputType=amp', 'https://washingtonpost.com/world/2026/01/05/story'],
    ['https://example.com/a?amp=1&id=7', 'https://example.com/a?id=7'],
    ['https://example.com/a?amp', 'https://example.com/a'],
    // a label that is not a rendition prefix, an "amp" inside a word, and a two-label host stay
    ['https://mail.example.com/a', 'https://mail.example.com/a'],
    ['https://example.com/camp/ampere', 'https://example.com/camp/ampere'],
    ['https://m.example/a', 'https://m.example/a'],
    ['https://example.com/a?outputType=print', 'https://example.com/a?outputType=print'],
    ['https://example.com./a', 'https://example.com/a'],
    ['https://bücher.example/a', 'https://xn--bcher-kva.example/a'],
    ['https://пример.рф/новости', 'https://xn--e1afmkfd.xn--p1ai/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8'],
    ['https://user:secret@example.com/a', 'https://example.com/a'],
    // ports
    ['http://example.com:80/a', 'https://example.com/a'],
    ['https://example.com:443/a', 'https://example.com/a'],
    ['http://example.com:443/a', 'https://example.com/a'],
    ['https://example.com:8443/a', 'https://example.com:8443/a'],
    // fragment
    ['https://example.com/a#comments', 'https://example.com/a'],
    ['https://example.com/a?b=1#x', 'https://example.com/a?b=1'],
    // trailing slash, root, dot segments
    ['https://example.com/news/', 'https://example.com/news'],
    ['https://example.com/news///', 'https://example.com/news'],
    ['https://example.com/', 'https://example.com/'],
    ['https://example.com', 'https://example.com/'],
    ['https://example.com/a/./b/../c/', 'https://example.com/a/c'],
    // percent-encoding
    ['https://example.com/%7Ebob', 'https://example.com/~bob'],
    ['https://example.com/%7ebob/%61%62%2D%2E%5F', 'https://example.com/~bob/ab-._'],
    ['https://example.com/a%2fb', 'https://example.com/a%2Fb'],
    ['https://example.com/caf%c3%a9', 'https://example.com/caf%C3%A9'],
    ['https://example.com/café', 'https://example.com/caf%C3%A9'],
    ['https://example.com/?q=%7e%20x', 'https://example.com/?q=~%20x'],
    // query: sorted by name, stable for repeated names, empty pairs dropped
    ['https://example.com/a?z=1&a=2&m=3', 'https://example.com/a?a=2&m=3&z=1'],
    ['https://example.com/a?id=2&b=1&id=1', 'https://example.com/a?b=1&id=2&id=1'],
    ['https://example.com/a?&&a=1&', 'https://example.com/a?a=1'],
    ['https://example.com/a?', 'https://example.com/a'],
    ['https://example.com/a?flag', 'https://example.com/a?flag'],
    ['https://example.com/search?q=kazakhstan+russia', 'https://example.com/search?q=kazakhstan+russia'],
    // tracking parameters, as seen on real feed links
    ['https://www.bbc.co.uk/news/world-60993659?at_medium=RSS&at_campaign=KARANGA', 'https://bbc.co.uk/news/world-60993659'],
    [
      'https://www.dw.com/en/france-arrests-nine/a-75995188?maca=en-rss-en-all-1573-rdf',
      'https://dw.com/en/france-arrests-nine/a-75995188',
    ],
    ['https://www.aljazeera.com/news/2026/2/18/story?traffic_source=rss', 'https://aljazeera.com/news/2026/2/18/story'],
    ['https://www.csmonitor.com/World/2026/0217/gaza?icid=rss', 'https://csmonitor.com/World/2026/0217/gaza'],
    ['https://www.wsj.com/world/cuba-1d0f178a?gaa_at=eafs&gaa_n=AWE&gaa_ts=6995&gaa_sig=x', 'https://wsj.com/world/cuba-1d0f178a'],
    ['https://www.theguardian.com/world/2026/feb/17/story?CMP=share_btn_tw', 'https://theguardian.com/world/2026/feb/17/story'],
    ['https://www.nytimes.com/2026/02/17/world/x.html?smid=tw-share&partner=rss&emc=rss', 'https://nytimes.com/2026/02/17/world/x.html'],
    ['https://medium.com/p/x-125af37d838f?source=rss----d12c403d4976---4', 'https://medium.com/p/x-125af37d838f'],
    ['https://x.com/ForeignOfficePk/status/2023418974986449047?ref_src=twsrc%5Egoogle', 'https://x.com/ForeignOfficePk/status/2023418974986449047'],
    [
      'https://example.com/a?utm_source=rss&UTM_Medium=feed&utm_campaign=x&fbclid=IwAR0&gclid=1&id=42',
      'https://example.com/a?id=42',
    ],
    ['https://example.com/a?mc_cid=1&mc_eid=2&_ga=3&igshid=4&yclid=5&msclkid=6&dclid=7', 'https://example.com/a'],
    ['https://example.com/a?ns_mchannel=rss&ns_source=x&ns_campaign=y&ns_linkname=z&ns_fee=0&ocid=msn', 'https://example.com/a'],
    ['https://example.com/a?cmpid=1&at_medium=2&at_campaign=3&pk_campaign=4&WT.mc_id=5', 'https://example.com/a'],
    // generic names are kept unless their value says "from the feed"
    ['https://example.com/a?source=homepage&ref=main', 'https://example.com/a?ref=main&source=homepage'],
    ['https://example.com/a?ref=rss', 'https://example.com/a'],
    ['https://example.com/watch?v=abc&t=42', 'https://example.com/watch?t=42&v=abc'],
    ['https://example.com/story.php?page=2&p=123', 'https://example.com/story.php?p=123&page=2'],
    // surrounding whitespace
    ['  https://example.com/a \n', 'https://example.com/a'],
  ])('canonicalises %s', (input, expected) => {
    expect(canonicalizeUrl(input)).toBe(expected);
  });

  it.each([
    ['a relative path', '/news/1'],
    ['a scheme-relative URL', '//example.com/a'],
    ['an ftp URL', 'ftp://example.com/file'],
    ['a mailto link', 'mailto:desk@example.com'],
    ['a javascript: link', 'javascript:alert(1)'],
    ['a tag: URI', 'tag:example.com,2026:1'],
    ['an empty string', ''],
    ['garbage', 'not a url'],
    ['an http URL without a host', 'http://'],
  ])('gives null for %s', (_label, input) => {
    expect(canonicalizeUrl(input)).toBeNull();
  });

  it('makes the http and https, tracked and untracked, slashed and fragment spellings of one story equal', () => {
    const spellings = [
      'http://www.bbc.co.uk/news/world-60993659?at_medium=RSS&at_campaign=KARANGA',
      'https://bbc.co.uk/news/world-60993659/',
      'https://WWW.BBC.CO.UK:443/news/world-60993659#comments',
      'https://bbc.co.uk/news/%77orld-60993659?utm_source=twitter',
    ];
    expect(new Set(spellings.map(canonicalizeUrl)).size).toBe(1);
  });

  it('is idempotent', () => {
    for (const url of ['http://Example.com/a/?b=2&a=1#x', 'https://example.com/%7e?q=%2f', 'https://bücher.example/']) {
      const once = canonicalizeUrl(url);
      expect(once).not.toBeNull();
      expect(canonicalizeUrl(once ?? '')).toBe(once);
    }
  });
});

describe('isTrackingParameter', () => {
  it.each([
    ['utm_source', 'rss', true],
    ['Utm_Content', 'x', true],
    ['fbclid', 'abc', true],
    ['CMP', 'share', true],
    ['source', 'rss----abc', true],
    ['source', 'homepage', false],
    ['id', '42', false],
    ['page', '2', false],
    ['q', 'utm_source', false],
  ])('says %s=%s is tracking: %s', (name, value, expected) => {
    expect(isTrackingParameter(name, value)).toBe(expected);
  });
});
