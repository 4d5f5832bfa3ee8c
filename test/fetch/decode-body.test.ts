import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeBody } from '../../src/fetch/decode-body';

const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../fixtures/fetch/${name}`, import.meta.url)));
const ascii = (text: string): Uint8Array => new TextEncoder().encode(text);
const concat = (...parts: Uint8Array[]): Uint8Array => new Uint8Array(Buffer.concat(parts));

describe('decodeBody', () => {
  it.each([
    // [fixture, Content-Type, charset used, words that must come out]
    ['ibash-org-ru-20180321.xml', null, 'windows-1251', ['Новый цитатник Рунета', 'Цитата #17703']],
    ['ibash-org-ru-20180321.xml', 'text/xml; charset=windows-1251', 'windows-1251', ['Цитата #17703']],
    ['golem-de-20181028.xml', null, 'windows-1252', ['Sicherheitslücke', 'künftig']],
    ['jn-pt-ultimas-20180103.xml', 'application/rss+xml', 'windows-1252', ['Jornal de Notícias - Últimas Notícias']],
    ['liberal-gr-20200424.xml', 'application/rss+xml', 'iso-8859-7', ['ΕΠΙΚΑΙΡΟΤΗΤΑ', '«Πορτραίτα καραντίνας»']],
    ['uol-noticias-undated.xml', 'text/xml; charset=ISO-8859-1', 'windows-1252', ['Últimas Notícias', 'simulações']],
    ['koi8r-as-utf16le-bom.xml', 'application/xml', 'utf-16le', ['Пример RSS ленты', 'Ёжик, чай, Москва']],
    ['koi8r-as-utf16be-no-bom.xml', 'application/xml', 'utf-16be', ['Пример RSS ленты', 'Ёжик, чай, Москва']],
  ] as const)('decodes %s (Content-Type %s) as %s', (name, contentType, charset, words) => {
    const decoded = decodeBody(fixture(name), contentType);
    expect(decoded.charset).toBe(charset);
    for (const word of words) expect(decoded.text).toContain(word);
    expect(decoded.text).not.toContain('\uFFFD');
    expect(decoded.text.startsWith('<')).toBe(true);
  });

  // The cases miniflux's own tests assert (peers/miniflux-v2/EXPECTATIONS.md).
  it.each([
    ['miniflux-encoding-utf8.xml', null, 'Café'],
    ['miniflux-encoding-iso-8859-1.xml', null, 'Café'],
    ['miniflux-encoding-iso-8859-1.xml', 'text/xml; charset=ISO-8859-1', 'Café'],
    ['miniflux-encoding-windows-1252.xml', null, 'Euro €'],
    ['miniflux-encoding-invalid-prolog.xml', null, 'Café'],
    ['miniflux-encoding-utf8-incorrect-prolog.xml', null, 'Café'],
    ['miniflux-encoding-windows-1252-incorrect-prolog.xml', null, 'Euro €'],
    ['miniflux-encoding-koi8r.xml', null, 'Привет мир! Ёжик, чай, Москва, Санкт-Петербург.'],
    ['miniflux-encoding-koi8r.xml', 'application/rss+xml; charset=koi8-r', 'Пример RSS ленты'],
    ['miniflux-encoding-koi8r.xml', 'application/rss+xml; charset="KOI8-R"', 'Пример RSS ленты'],
    ['miniflux-xml-iso88591.xml', null, '<to>Anaïs</to>'],
    ['miniflux-xml-iso88591.xml', null, '<from>Jürgen</from>'],
  ] as const)('reads %s (Content-Type %s) as miniflux does: %s', (name, contentType, expected) => {
    expect(decodeBody(fixture(name), contentType).text).toContain(expected);
  });

  it('obeys a UTF-8 prolog over Latin-1 bytes, replacing the invalid bytes (miniflux drops them)', () => {
    const decoded = decodeBody(fixture('miniflux-xml-iso88591_utf8_mismatch.xml'), null);
    expect(decoded.charset).toBe('utf-8');
    expect(decoded.text).toContain('<to>Ana\uFFFDs</to>');
  });

  it.each([
    'text/xml; charset=iso-8859-1',
    'application/rss+xml; charset=ISO-8859-1',
    'text/xml; charset="windows-1251"',
    'text/xml; charset=koi8-r',
    'text/xml; charset=windows-1252',
    'text/xml; charset=iso-8859-5',
  ])('reads valid multi-byte UTF-8 as UTF-8 although the header says %s', (contentType) => {
    const decoded = decodeBody(fixture('miniflux-koi8r-as-utf8.xml'), contentType);
    expect(decoded.charset).toBe('utf-8');
    expect(decoded.text).toContain('Пример RSS ленты');
    expect(decoded.text).toContain('Привет мир! Ёжик, чай, Москва, Санкт-Петербург.');
  });

  it('keeps a single-byte header label for text that is ASCII only (nothing to disagree about)', () => {
    expect(decodeBody(ascii('<rss><title>plain</title></rss>'), 'text/xml; charset=iso-8859-1').charset).toBe(
      'windows-1252',
    );
  });

  it('keeps a multi-byte legacy header label even over bytes that are also valid UTF-8', () => {
    // Shift_JIS text is made of byte pairs; a UTF-8 check says little about it.
    expect(decodeBody(fixture('miniflux-koi8r-as-utf8.xml'), 'text/xml; charset=shift_jis').charset).toBe('shift_jis');
  });

  it('lets the HTTP charset win over a contradicting XML declaration', () => {
    const decoded = decodeBody(fixture('miniflux-xml-iso88591_utf8_mismatch.xml'), 'text/xml; charset=ISO-8859-1');
    expect(decoded.text).toContain('<to>Anaïs</to>');
  });

  it('lets the HTTP charset win even over a correct declaration when it names another charset', () => {
    const decoded = decodeBody(fixture('ibash-org-ru-20180321.xml'), 'text/xml; charset=koi8-r');
    expect(decoded.charset).toBe('koi8-r');
    expect(decoded.text).not.toContain('Цитата');
  });

  it('skips an unknown HTTP charset label and uses the XML declaration', () => {
    const decoded = decodeBody(fixture('ibash-org-ru-20180321.xml'), 'text/xml; charset=bogus-8');
    expect(decoded.charset).toBe('windows-1251');
    expect(decoded.text).toContain('Цитата #17703');
  });

  it('reads an undeclared Latin-1 feed served without a charset as windows-1252 rather than U+FFFD', () => {
    const decoded = decodeBody(fixture('uol-noticias-undated.xml'), 'text/xml');
    expect(decoded.charset).toBe('windows-1252');
    expect(decoded.text).toContain('Últimas Notícias');
  });

  it('prefers a UTF-8 BOM over a contradicting HTTP charset, and strips it', () => {
    const bytes = concat(new Uint8Array([0xef, 0xbb, 0xbf]), fixture('miniflux-encoding-utf8.xml'));
    const decoded = decodeBody(bytes, 'text/xml; charset=ISO-8859-1');
    expect(decoded.charset).toBe('utf-8');
    expect(decoded.text.startsWith('<?xml')).toBe(true);
    expect(decoded.text).toContain('Café');
  });

  it('strips a UTF-16 BOM from the text', () => {
    const decoded = decodeBody(fixture('koi8r-as-utf16le-bom.xml'), null);
    expect(decoded.text.startsWith('<?xml version="1.0" encoding="UTF-16"?>')).toBe(true);
  });

  it.each(['<rss><title>plain</title></rss>', '<rss><title>Café</title></rss>'])(
    'reads a UTF-16 declaration on 8-bit bytes as UTF-8: %s',
    (body) => {
      const text = `<?xml version="1.0" encoding="UTF-16"?>${body}`;
      expect(decodeBody(ascii(text), null)).toEqual({ text, charset: 'utf-8' });
    },
  );

  it('reads a single-quoted encoding declaration', () => {
    const koi8 = fixture('miniflux-encoding-koi8r.xml');
    const body = koi8.subarray(koi8.indexOf(0x0a) + 1);
    const decoded = decodeBody(concat(ascii("<?xml version='1.0' encoding='koi8-r'?>\n"), body), null);
    expect(decoded.charset).toBe('koi8-r');
    expect(decoded.text).toContain('Пример RSS ленты');
  });

  it.each([
    ['<!DOCTYPE html><html><head><meta charset="koi8-r">'],
    ['<!doctype html><html><head><meta http-equiv="Content-Type" content="text/html;charset=KOI8-R">'],
  ])('uses the charset of an HTML meta tag: %s', (head) => {
    const koi8 = Buffer.from(fixture('miniflux-encoding-koi8r.xml'));
    const title = koi8.subarray(koi8.indexOf('<title>'), koi8.indexOf('</title>') + '</title>'.length);
    const decoded = decodeBody(concat(ascii(head), title), 'text/html');
    expect(decoded.charset).toBe('koi8-r');
    expect(decoded.text).toContain('Пример RSS ленты');
  });

  it.each(['windows-1252', 'ISO-8859-1', 'us-ascii'])(
    'decodes bytes 0x80-0x9F labelled %s as the WHATWG windows-1252 characters',
    (label) => {
      const bytes = Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i);
      const decoded = decodeBody(bytes, `text/xml; charset=${label}`);
      expect(decoded.charset).toBe('windows-1252');
      expect(decoded.text).toBe('€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ');
    },
  );

  it('defaults to UTF-8 when nothing declares a charset', () => {
    const decoded = decodeBody(ascii('<rss><title>plain</title></rss>'), null);
    expect(decoded).toEqual({ text: '<rss><title>plain</title></rss>', charset: 'utf-8' });
  });
});
