// What a user types into q= becomes a safe FTS5 expression, folded the way the index is.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FOLDED_LETTERS, foldSearchText, parseSearchQuery } from '../../src/store/search';

describe('parseSearchQuery', () => {
  it.each([
    ['caspian pipeline', '("caspian" AND "pipeline")'],
    ['"peace talks" geneva', '("peace talks" AND "geneva")'],
    ['казахстан*', '("казахстан"*)'],
    ['geneva -ukraine -"peace talks"', '(("geneva") NOT ("ukraine" OR "peace talks"))'],
    ['a b OR c', '("a" AND "b") OR ("c")'],
    ['OR geneva OR', '("geneva")'],
    ['say "hi', '("say" AND "hi")'],
    ['quote"inside', '("quote""inside")'],
    ['title:geneva NEAR(x)', '("title:geneva" AND "NEAR(x)")'],
    ['Αθήνα Ёлка', '("Αθηνα" AND "Елка")'],
    ['— geneva …', '("geneva")'],
  ])('reads %j as %s', (input, match) => {
    expect(parseSearchQuery(input).match).toBe(match);
  });

  it.each(['', '   ', '-x', '---', 'r*', 'OR'])('refuses %j as invalid_query', (input) => {
    expect(() => parseSearchQuery(input)).toThrow(expect.objectContaining({ status: 400, code: 'invalid_query' }));
  });
});

describe('foldSearchText', () => {
  it('folds exactly the letters the index triggers fold, the same way', () => {
    const migration = readFileSync(join(import.meta.dirname, '..', '..', 'drizzle', '0001_items_fts.sql'), 'utf8');
    const trigger = /CREATE TRIGGER `items_fts_after_insert`[\s\S]*?END;/.exec(migration)?.[0] ?? '';
    const pairs = [...trigger.matchAll(/'(.)', '(.)'\)/gu)].map((m) => `${m[1]}${m[2]}`);
    // Each pair appears once for the title and once for the summary.
    expect(pairs.length).toBe(FOLDED_LETTERS.length);
    expect([...new Set(pairs)].join('')).toBe(FOLDED_LETTERS);
    for (const pair of new Set(pairs)) expect(foldSearchText(pair[0] ?? '')).toBe(pair[1]);
  });

  it('composes decomposed letters before folding', () => {
    expect(foldSearchText('Αθήνα'.normalize('NFD'))).toBe('Αθηνα');
  });
});
