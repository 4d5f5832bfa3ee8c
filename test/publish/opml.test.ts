import type { Element } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { renderOpml } from '../../src/publish/opml';
import { findXmlErrors, parseXml } from './xml-checks';

const CREATED = new Date('2026-02-18T10:00:00Z');

function attributesOf(element: Element): Record<string, string> {
  return Object.fromEntries(Array.from(element.attributes).map((attr) => [attr.name, attr.value]));
}

function childElements(element: Element, name: string): Element[] {
  return Array.from(element.childNodes).filter((node): node is Element => node.nodeName === name);
}

function bodyOf(opml: string): Element {
  const body = parseXml(opml).getElementsByTagName('body')[0];
  if (body === undefined) throw new Error('no <body>');
  return body;
}

describe('renderOpml', () => {
  it('writes an OPML 2.0 head with the title and an RFC 822 creation date', () => {
    const document = parseXml(
      renderOpml({ title: 'topicwire topics', createdAt: CREATED, outlines: [] }),
    );
    const root = document.documentElement;
    expect(root?.nodeName).toBe('opml');
    expect(root?.getAttribute('version')).toBe('2.0');
    expect(document.getElementsByTagName('title')[0]?.textContent).toBe('topicwire topics');
    const dateCreated = document.getElementsByTagName('dateCreated')[0]?.textContent ?? '';
    expect(dateCreated).toBe('Wed, 18 Feb 2026 10:00:00 GMT');
    expect(new Date(dateCreated).getTime()).toBe(CREATED.getTime());
  });

  it('lists each feed as an outline with type, text, title, xmlUrl and htmlUrl', () => {
    const opml = renderOpml({
      title: 'sources',
      createdAt: CREATED,
      outlines: [
        {
          text: 'BBC News - World',
          xmlUrl: 'https://feeds.bbci.co.uk/news/world/rss.xml',
          htmlUrl: 'https://www.bbc.co.uk/news/world',
        },
        {
          text: 'Kazakhstan + Russia',
          xmlUrl: 'http://127.0.0.1:8787/feeds/kazakhstan+russia.atom',
          htmlUrl: null,
          type: 'atom',
        },
      ],
    });
    expect(childElements(bodyOf(opml), 'outline').map(attributesOf)).toEqual([
      {
        type: 'rss',
        text: 'BBC News - World',
        title: 'BBC News - World',
        xmlUrl: 'https://feeds.bbci.co.uk/news/world/rss.xml',
        htmlUrl: 'https://www.bbc.co.uk/news/world',
      },
      {
        type: 'atom',
        text: 'Kazakhstan + Russia',
        title: 'Kazakhstan + Russia',
        xmlUrl: 'http://127.0.0.1:8787/feeds/kazakhstan+russia.atom',
      },
    ]);
  });

  it('groups outlines with a category into one folder per category, in order of first appearance', () => {
    const opml = renderOpml({
      title: 'sources',
      createdAt: CREATED,
      outlines: [
        { text: 'A', xmlUrl: 'https://a.example/feed', category: 'World' },
        { text: 'B', xmlUrl: 'https://b.example/feed' },
        { text: 'C', xmlUrl: 'https://c.example/feed', category: 'Asia' },
        { text: 'D', xmlUrl: 'https://d.example/feed', category: 'World' },
      ],
    });
    const top = childElements(bodyOf(opml), 'outline');
    expect(top.map((outline) => outline.getAttribute('text'))).toEqual(['World', 'B', 'Asia']);
    expect(top[0]?.hasAttribute('xmlUrl')).toBe(false);
    expect(
      childElements(top[0] as Element, 'outline').map((outline) => outline.getAttribute('text')),
    ).toEqual(['A', 'D']);
    expect(
      childElements(top[2] as Element, 'outline').map((outline) => outline.getAttribute('xmlUrl')),
    ).toEqual(['https://c.example/feed']);
  });

  it.each([
    [
      'markup characters',
      `Tom & Jerry <b>"quoted"</b> 'single'`,
      `Tom & Jerry <b>"quoted"</b> 'single'`,
    ],
    ['control characters and line breaks', 'a\u0000b\u0001c\nd\te', 'abc d e'],
    ['lone surrogates', 'x \uD800 y', 'x \uFFFD y'],
    ['right-to-left text and emoji', 'بي بي سي 🇰🇿', 'بي بي سي 🇰🇿'],
  ])('stays well-formed and keeps the names readable with %s', (_name, text, expected) => {
    const opml = renderOpml({
      title: text,
      createdAt: CREATED,
      outlines: [
        {
          text,
          xmlUrl: 'https://a.example/feed?a=1&b=<2>&c="3"',
          htmlUrl: "https://a.example/?x='y'",
          category: text,
        },
      ],
    });
    expect(findXmlErrors(opml)).toEqual([]);
    const folder = childElements(bodyOf(opml), 'outline')[0];
    expect(folder?.getAttribute('text')).toBe(expected);
    const outline = childElements(folder as Element, 'outline')[0];
    expect(outline?.getAttribute('text')).toBe(expected);
    expect(outline?.getAttribute('xmlUrl')).toBe('https://a.example/feed?a=1&b=<2>&c="3"');
    expect(outline?.getAttribute('htmlUrl')).toBe("https://a.example/?x='y'");
    expect(parseXml(opml).getElementsByTagName('title')[0]?.textContent).toBe(expected);
  });

  it('names an outline without text after its feed URL', () => {
    const opml = renderOpml({
      title: 't',
      createdAt: CREATED,
      outlines: [{ text: '  ', xmlUrl: 'https://a.example/feed' }],
    });
    expect(childElements(bodyOf(opml), 'outline')[0]?.getAttribute('text')).toBe(
      'https://a.example/feed',
    );
  });

  it('leaves out the creation date rather than writing "Invalid Date"', () => {
    const opml = renderOpml({ title: 't', createdAt: new Date('nope'), outlines: [] });
    expect(findXmlErrors(opml)).toEqual([]);
    expect(opml).not.toContain('dateCreated');
  });
});
