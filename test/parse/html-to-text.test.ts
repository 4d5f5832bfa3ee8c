import { describe, expect, it } from 'vitest';
import { htmlToText, truncateAtWord } from '../../src/parse/html-to-text';

describe('htmlToText', () => {
  it.each([
    ['<p>One</p><p>Two</p>', 'One Two'],
    ['line<br>break<br/>again', 'line break again'],
    ['<b>bold</b>face', 'boldface'],
    ['AT&amp;T &mdash; &#8220;quoted&#x201D;&nbsp;here', 'AT&T — “quoted” here'],
    ['&amp;lt;b&amp;gt;', '&lt;b&gt;'],
    ['&lt;b&gt;escaped&lt;/b&gt;', '<b>escaped</b>'],
    ['1 < 2 and 3 > 2', '1 < 2 and 3 > 2'],
    ['<a href="x" title="a > b">link</a> text', 'link text'],
    ['<script>var a = "<p>";</script>visible<style>p{}</style>', 'visible'],
    ['before<!-- <p>hidden</p> -->after', 'before after'],
    ['<img src="a.jpg" alt="ignored">caption', 'caption'],
    ['  spaced \n\t out  ', 'spaced out'],
    ['<![CDATA[inside]]>', 'inside'],
    ['unclosed <script>everything after is script', 'unclosed'],
    ['ctrl\u0007char', 'ctrlchar'],
  ])('turns %j into %j', (html, text) => {
    expect(htmlToText(html)).toBe(text);
  });

  it('bounds the input when asked, without leaving half a tag behind', () => {
    expect(htmlToText('<p>abc def</p><a href="https://example.com/long">', 20)).toBe('abc def');
  });

  it('stays linear on pathological markup', () => {
    const hostile = '<a"'.repeat(20_000) + '<script>'.repeat(20_000);
    const started = performance.now();
    htmlToText(hostile, 20_000);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('truncateAtWord', () => {
  it.each([
    ['short text', 20, 'short text'],
    ['one two three four', 11, 'one two…'],
    ['one two three four', 12, 'one two thre…'],
    ['one two, three', 9, 'one two…'],
    ['Казахстан и Россия подписали', 15, 'Казахстан и…'],
    ['没有空格的很长的一段中文文本', 5, '没有空格的…'],
    ['ab\u{1F600}cd', 3, 'ab…'],
  ])('shortens %j to %d characters as %j', (text, maxChars, expected) => {
    expect(truncateAtWord(text, maxChars)).toBe(expected);
  });
});
