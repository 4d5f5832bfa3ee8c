import { describe, expect, it } from 'vitest';
import {
  normalizeTerm,
  tokenize,
  tokenizeTerm,
  TOKEN_ALL_CAPS,
  TOKEN_CAPITAL,
  TOKEN_JOINED,
  TOKEN_SENTENCE_START,
} from '../../src/tag/normalize-text';

describe('normalizeTerm', () => {
  it.each([
    ['  Kazakhstan ', 'kazakhstan'],
    ['Türkiye', 'turkiye'],
    ['Côte d’Ivoire', 'cote d ivoire'],
    ["Cote d'Ivoire", 'cote d ivoire'],
    ['Curaçao', 'curacao'],
    ['ＲＵＳＳＩＡ', 'russia'],
    ['ﬁnland', 'finland'],
    ['İstanbul', 'istanbul'],
    ['Ёлка', 'елка'],
    ['Йемен', 'йемен'],
    ['Україна', 'україна'],
    ['Қазақстан', 'қазақстан'],
    ['Ρωσίας', 'ρωσιασ'],
    ['Guinea-Bissau', 'guinea bissau'],
    ['U.S.', 'us'],
    ['climat*', 'climat*'],
    ['oil  price*', 'oil price*'],
    ['!!!', ''],
  ])('normalises %j to %j', (term, expected) => {
    expect(normalizeTerm(term)).toBe(expected);
  });

  it('gives a text and a term the same tokens whatever the apostrophe or dash style', () => {
    expect(tokenizeTerm('Côte d’Ivoire—Guinea‑Bissau')).toEqual(tokenizeTerm("cote d'ivoire - guinea-bissau"));
  });
});

describe('tokenize', () => {
  it('splits Turkish case endings off after the apostrophe', () => {
    expect(tokenizeTerm("Türkiye'nin dış politikası")).toEqual(['turkiye', 'nin', 'dis', 'politikasi']);
  });

  it('keeps dotted abbreviations as one token in capitals', () => {
    const stream = tokenize('The U.S. and the U.K. met');
    expect(stream.norms.slice(0, stream.count).map((n, i) => n ?? stream.lower.slice(stream.starts[i], stream.ends[i]))).toEqual([
      'the', 'us', 'and', 'the', 'uk', 'met',
    ]);
    expect((stream.flags[1] ?? 0) & TOKEN_ALL_CAPS).toBeTruthy();
  });

  it('cuts scripts written without spaces with Intl.Segmenter', () => {
    const chinese = tokenizeTerm('俄罗斯总统访问哈萨克斯坦');
    expect(chinese.length).toBeGreaterThan(3);
    expect(chinese.join('')).toBe('俄罗斯总统访问哈萨克斯坦');
    expect(tokenizeTerm('ロシア軍がウクライナを攻撃')).toContain('ロシア');
  });

  it('marks capitals, sentence starts and what joins a token to the previous one', () => {
    const stream = tokenize('Talks in Astana. Moscow, Kremlin-backed');
    const flags = Array.from(stream.flags.slice(0, stream.count));
    expect(flags[0]! & TOKEN_SENTENCE_START).toBeTruthy();
    expect(flags[2]! & TOKEN_CAPITAL).toBeTruthy();
    expect(flags[3]! & TOKEN_SENTENCE_START).toBeTruthy(); // Moscow, after the full stop
    expect(flags[3]! & TOKEN_JOINED).toBeFalsy();
    expect(flags[4]! & TOKEN_JOINED).toBeFalsy(); // after a comma
    expect(flags[5]! & TOKEN_JOINED).toBeTruthy(); // after a hyphen
  });

  it('reuses a stream between texts', () => {
    const stream = tokenize('one two three four');
    tokenize('five', stream);
    expect(stream.count).toBe(1);
  });
});
