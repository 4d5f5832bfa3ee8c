/**
 * The compiled topic matcher, rebuilt only when an operator's rules change. Several instances
 * may share one database, so the cache is keyed on the stored rules themselves rather than on
 * an in-process event; reading the (small) rules table is cheap next to compiling.
 */
import type { Db } from '../store/db';
import { listTopicRules, type TopicRuleRow } from '../store/topics';
import { loadCountryCatalogue } from '../tag/country-catalogue';
import { compileMatcher, type Matcher, type TopicRules } from '../tag/matcher';

export interface MatcherCache {
  get(db: Db): Promise<Matcher>;
  /** Compiles a matcher for a hypothetical set of rules (previews) without caching it. */
  compile(rules: TopicRules[]): Matcher;
}

export function toTopicRules(row: TopicRuleRow): TopicRules {
  return { slug: row.slug, include: row.include, exclude: row.exclude, ...(row.fields ? { fields: row.fields } : {}) };
}

export function createMatcherCache(): MatcherCache {
  let cachedKey: string | null = null;
  let cached: Matcher | null = null;
  const compile = (rules: TopicRules[]) => compileMatcher({ countries: loadCountryCatalogue(), rules });
  return {
    compile,
    async get(db) {
      const rows = await listTopicRules(db);
      // The rules themselves are the key: two saves within one millisecond still differ.
      const key = JSON.stringify(rows.map((row) => [row.slug, row.include, row.exclude, row.fields]));
      if (cached && key === cachedKey) return cached;
      cached = compile(rows.map(toTopicRules));
      cachedKey = key;
      return cached;
    },
  };
}
