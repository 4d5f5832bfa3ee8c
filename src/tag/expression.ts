/**
 * Topic expressions, as used in feed URLs and the `topics=` parameter.
 *
 *   expression := group ("," group)*          OR binds loosest
 *   group      := term (("+" | " ") term)*     AND; a space is an AND too, because a `+` in a
 *                                              query string arrives as a space
 *   term       := "!"? slug                    NOT
 *   slug       := [a-z0-9]+ ("-" [a-z0-9]+)*   so `russia-ukraine` is one slug
 *
 * `kazakhstan+russia` = both; `kazakhstan,uzbekistan` = either; `russia+!ukraine` = Russia
 * without Ukraine; `a+b,c` = (a AND b) OR c. Parsing is separate from resolving slugs against the
 * known topics, so that the parser stays pure and the caller decides what "known" means.
 */
import { closest, distance } from 'fastest-levenshtein';
import { ExpressionError } from '../domain/errors';
import type { TopicExpression, TopicTerm } from '../domain/types';

export const MAX_EXPRESSION_LENGTH = 512;
export const MAX_EXPRESSION_TERMS = 16;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Parses an expression (case-insensitive); throws a 400 ExpressionError when it is malformed.
 * A group of negations only (`!ukraine`) is allowed and means "every item except those".
 */
export function parseExpression(input: string): TopicExpression {
  const text = input.trim().toLowerCase();
  if (text === '') throw malformed('the topic expression is empty', input);
  if (text.length > MAX_EXPRESSION_LENGTH) {
    throw malformed(`the topic expression is longer than ${MAX_EXPRESSION_LENGTH} characters`, input);
  }
  const groups: TopicExpression = [];
  let termCount = 0;
  for (const rawGroup of text.split(',')) {
    const group: TopicTerm[] = [];
    const rawTerms = rawGroup.trim().split(/[+\s]+/);
    for (const rawTerm of rawTerms) {
      const negated = rawTerm.startsWith('!');
      const slug = negated ? rawTerm.slice(1) : rawTerm;
      if (slug === '') {
        throw malformed(
          rawTerms.length === 1 && !negated
            ? 'an OR-group is empty (two commas in a row, or a comma at an end)'
            : 'a term is empty (two operators in a row, or one at an end)',
          input,
        );
      }
      if (!SLUG.test(slug)) {
        throw malformed(`"${slug}" is not a topic slug (lower-case letters, digits and single hyphens)`, input);
      }
      group.push({ slug, negated });
      termCount++;
    }
    groups.push(group);
  }
  if (termCount > MAX_EXPRESSION_TERMS) {
    throw malformed(`the topic expression has more than ${MAX_EXPRESSION_TERMS} terms`, input);
  }
  return groups;
}

/**
 * Maps every slug of a parsed expression to its canonical slug (aliases such as `turkey` →
 * `turkiye`). Throws a 404 ExpressionError naming the unknown slugs and the closest known ones.
 */
export function resolveExpression(
  expression: TopicExpression,
  lookup: (slug: string) => string | undefined,
  knownSlugs: readonly string[],
): TopicExpression {
  const unknown: string[] = [];
  const resolved = expression.map((group) =>
    group.map((term) => {
      const canonical = lookup(term.slug);
      if (canonical === undefined) unknown.push(term.slug);
      return { slug: canonical ?? term.slug, negated: term.negated };
    }),
  );
  if (unknown.length > 0) {
    const suggestions = Object.fromEntries(unknown.map((slug) => [slug, suggestSlugs(slug, knownSlugs)]));
    const first = unknown[0] ?? '';
    const hint = suggestions[first]?.length ? `; did you mean ${suggestions[first].join(', ')}?` : '';
    throw new ExpressionError(404, 'unknown_topic', `unknown topic "${first}"${hint}`, {
      unknown,
      suggestions,
    });
  }
  return resolved;
}

/** Renders an expression back to its canonical text form (`a+b,c+!d`). */
export function formatExpression(expression: TopicExpression): string {
  return expression
    .map((group) => group.map((term) => (term.negated ? `!${term.slug}` : term.slug)).join('+'))
    .join(',');
}

/** An expression for people: `Kazakhstan + Russia`, `Russia + not Ukraine`, `A, or B`. */
export function describeExpression(expression: TopicExpression, names: ReadonlyMap<string, string>): string {
  return expression
    .map((group) => group.map((term) => `${term.negated ? 'not ' : ''}${names.get(term.slug) ?? term.slug}`).join(' + '))
    .join(', or ');
}

/** Up to five known slugs close to `slug`: same prefix first, then by edit distance. */
export function suggestSlugs(slug: string, knownSlugs: readonly string[], limit = 5): string[] {
  if (knownSlugs.length === 0) return [];
  const maxDistance = Math.max(2, Math.floor(slug.length / 3));
  const scored = knownSlugs
    .map((known) => {
      const prefix = known.startsWith(slug) || slug.startsWith(known) ? 0 : 1;
      return { known, prefix, distance: distance(slug, known) };
    })
    .filter((s) => s.prefix === 0 || s.distance <= maxDistance)
    .sort((a, b) => a.prefix - b.prefix || a.distance - b.distance || a.known.localeCompare(b.known));
  const result = scored.slice(0, limit).map((s) => s.known);
  if (result.length === 0) {
    const nearest = closest(slug, [...knownSlugs]);
    if (distance(slug, nearest) <= slug.length) result.push(nearest);
  }
  return result;
}

function malformed(message: string, input: string): ExpressionError {
  return new ExpressionError(400, 'invalid_expression', `invalid topic expression: ${message}`, {
    expression: input,
  });
}
