/**
 * Full-text search over items: the `items_fts` FTS5 index (title and summary; see
 * drizzle/0001_items_fts.sql), kept in step with `items` by triggers.
 *
 * What a user types is never handed to FTS5 as syntax (an unbalanced quote would be an SQL
 * error, a column filter a way round the index). It is parsed here into terms and rebuilt as a
 * MATCH expression of quoted strings:
 *   `pipeline caspian`  both words (AND)       `"peace talks"`  a phrase
 *   `росси*`            a prefix (2+ chars)    `-ukraine`       without that word or phrase
 *   `a b OR c`          (a AND b) OR c: OR binds loosest, as in topic expressions
 * Matching folds case in every script and accents on Latin letters (unicode61, remove_diacritics
 * 2); Greek tonos and dialytika and Russian ё are folded by the index triggers and by
 * `foldSearchText` alike. It does not stem, so a prefix is how to catch inflections
 * (`казахстан*` finds "Казахстана").
 */
import { sql, type SQL } from 'drizzle-orm';
import { AppError } from '../domain/errors';
import type { Db } from './db';

export const MAX_QUERY_CHARS = 256;
export const MAX_QUERY_TERMS = 16;
const MIN_PREFIX_CHARS = 2;

/**
 * Letters the tokenizer does not fold but people type either way, each followed by what it is
 * folded to: the index triggers of drizzle/0001_items_fts.sql replace the same pairs.
 */
export const FOLDED_LETTERS = 'άαέεήηίιόούυώωΐιΰυϊιϋυΆΑΈΕΉΗΊΙΌΟΎΥΏΩΪΙΫΥёеЁЕ';
const FOLD = new Map<string, string>();
for (let i = 0; i + 1 < FOLDED_LETTERS.length; i += 2) FOLD.set(FOLDED_LETTERS[i] ?? '', FOLDED_LETTERS[i + 1] ?? '');
const FOLDABLE = new RegExp(`[${[...FOLD.keys()].join('')}]`, 'gu');

/** Folds text the way the index triggers fold what they index. */
export function foldSearchText(text: string): string {
  return text.normalize('NFC').replace(FOLDABLE, (letter) => FOLD.get(letter) ?? letter);
}

/** Marks around matched text in snippets: control characters no feed text contains. */
export const MATCH_START = '\u0002';
export const MATCH_END = '\u0003';

interface SearchTerm {
  text: string;
  prefix: boolean;
  negated: boolean;
}

/** A parsed search: the FTS5 MATCH expression to run, and the terms it was built from. */
export interface SearchQuery {
  match: string;
  terms: string[];
}

const TOKEN = /(-?)"([^"]*)"?|(\S+)/gu;
const SEARCHABLE = /[\p{L}\p{N}]/u;

/** Parses what a user typed into a safe MATCH expression; a 400 `invalid_query` when it says nothing. */
export function parseSearchQuery(text: string): SearchQuery {
  if (text.length > MAX_QUERY_CHARS) {
    throw new AppError(400, 'invalid_query', `a search is at most ${MAX_QUERY_CHARS} characters`);
  }
  const groups: SearchTerm[][] = [[]];
  let count = 0;
  for (const match of text.matchAll(TOKEN)) {
    const [, minus, phrase, word] = match;
    if (word === 'OR') {
      if ((groups.at(-1) ?? []).length > 0) groups.push([]);
      continue;
    }
    let raw = phrase ?? word ?? '';
    let negated = minus === '-';
    if (phrase === undefined && raw.startsWith('-') && raw.length > 1) {
      negated = true;
      raw = raw.slice(1);
    }
    const prefix = raw.endsWith('*');
    const body = raw.replace(/\*+$/u, '').trim();
    if (!SEARCHABLE.test(body)) continue;
    if (prefix && [...body].length < MIN_PREFIX_CHARS) {
      throw new AppError(400, 'invalid_query', `"${raw}": a prefix search needs at least ${MIN_PREFIX_CHARS} characters before the *`);
    }
    if (++count > MAX_QUERY_TERMS) {
      throw new AppError(400, 'invalid_query', `a search has at most ${MAX_QUERY_TERMS} terms`);
    }
    groups.at(-1)?.push({ text: body, prefix, negated });
  }
  const nonEmpty = groups.filter((group) => group.length > 0);
  if (nonEmpty.length === 0) {
    throw new AppError(400, 'invalid_query', 'the search has no words to look for');
  }
  const parts = nonEmpty.map((group) => {
    const positives = group.filter((term) => !term.negated);
    const negatives = group.filter((term) => term.negated);
    if (positives.length === 0) {
      throw new AppError(400, 'invalid_query', 'a search cannot only exclude words: say what to look for too');
    }
    const all = positives.map(quoteTerm).join(' AND ');
    return negatives.length === 0 ? `(${all})` : `((${all}) NOT (${negatives.map(quoteTerm).join(' OR ')}))`;
  });
  return {
    match: parts.join(' OR '),
    terms: nonEmpty.flat().filter((term) => !term.negated).map((term) => term.text + (term.prefix ? '*' : '')),
  };
}

function quoteTerm(term: SearchTerm): string {
  return `"${foldSearchText(term.text).replace(/"/g, '""')}"${term.prefix ? '*' : ''}`;
}

/** The condition "item `i` matches": for the item listing queries, whose items alias is `i`. */
export function matchCondition(match: string): SQL {
  return sql`i.id in (select rowid from items_fts where items_fts match ${match})`;
}

/** Highlighted text of one search hit, with matched terms between MATCH_START and MATCH_END. */
export interface SearchHighlight {
  /** The best-matching passage of the title or the summary, about `tokens` words long. */
  snippet: string;
  /** The whole title. */
  title: string;
}

/** Snippets and highlighted titles of `ids` for `match`; ids that do not match are absent. */
export async function loadSearchHighlights(
  db: Db,
  ids: number[],
  match: string,
  tokens = 24,
): Promise<Map<number, SearchHighlight>> {
  const highlights = new Map<number, SearchHighlight>();
  // D1 allows at most 100 bound parameters per statement.
  for (let i = 0; i < ids.length; i += 90) {
    const part = ids.slice(i, i + 90);
    const rows = await db.all<{ id: number; snippet: string | null; title: string | null }>(sql`
      select rowid as id,
        snippet(items_fts, -1, ${MATCH_START}, ${MATCH_END}, '…', ${tokens}) as snippet,
        highlight(items_fts, 0, ${MATCH_START}, ${MATCH_END}) as title
      from items_fts
      where items_fts match ${match} and rowid in (${sql.join(part.map((id) => sql`${id}`), sql`, `)})`);
    for (const row of rows) highlights.set(Number(row.id), { snippet: row.snippet ?? '', title: row.title ?? '' });
  }
  return highlights;
}

/**
 * Ids of the items that match, best first by BM25 (a title hit weighs ten summary hits),
 * `offset` rows in; only among `candidates` (an SQL select of `id`) when given.
 */
export async function rankSearchHits(
  db: Db,
  options: { match: string; candidates: SQL | null; limit: number; offset: number },
): Promise<number[]> {
  const among = options.candidates === null ? sql`` : sql`and rowid in (select id from (${options.candidates}))`;
  const rows = await db.all<{ id: number }>(sql`
    select rowid as id from items_fts
    where items_fts match ${options.match} ${among}
    order by bm25(items_fts, 10.0, 1.0), rowid desc
    limit ${options.limit} offset ${options.offset}`);
  return rows.map((row) => Number(row.id));
}
