// WebSub discovery from the HTTP Link header (RFC 8288): relative links resolved against the
// feed's URL, several links in one header, anything that is not an http(s) URL left out.
import { describe, expect, it } from 'vitest';
import { readHeaderLinks } from '../../src/fetch/fetch-feed';

const BASE = new URL('https://news.example/feeds/world.rss');

describe('readHeaderLinks', () => {
  it.each([
    ['<https://hub.example/>; rel="hub", <https://news.example/world.rss>; rel="self"', 'https://hub.example/', 'https://news.example/world.rss'],
    ['<https://hub.example/>; rel=hub, </feeds/world.rss>; rel=self', 'https://hub.example/', 'https://news.example/feeds/world.rss'],
    ['<https://a.example/>; rel="hub", <https://b.example/>; rel="hub"', 'https://a.example/', null],
    ['<https://hub.example/>; rel="hub self"', 'https://hub.example/', 'https://hub.example/'],
    ['<javascript:alert(1)>; rel="hub", <https://hub.example/>; rel="hub"', 'https://hub.example/', null],
    ['<https://news.example/page/2>; rel="next"', null, null],
    ['not a link header', null, null],
    ['', null, null],
  ])('%j → hub %s, self %s', (header, hubUrl, selfUrl) => {
    expect(readHeaderLinks(header, BASE)).toEqual({ hubUrl, selfUrl });
  });
});
