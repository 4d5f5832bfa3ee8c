/**
 * Topics as the API and CLI see them: the seeded catalogue, expressions resolved against the
 * known slugs, operators' definitions (saved, previewed, re-tagged into stored items).
 */
import { AppError } from '../domain/errors';
import type { TopicExpression } from '../domain/types';
import type { Db } from '../store/db';
import { findItemIds, loadItemTexts } from '../store/items';
import { readMeta, writeMeta } from '../store/meta';
import {
  deleteTopicRule,
  getTopic,
  getTopicRule,
  itemsAfter,
  listPendingRetags,
  listTopicRules,
  listTopicSlugs,
  saveTopicRule,
  upsertTopics,
  writeRetagStep,
  type TopicRow,
} from '../store/topics';
import { loadCountryCatalogue, type CountryTopic } from '../tag/country-catalogue';
import { parseExpression, resolveExpression } from '../tag/expression';
import type { TopicRules } from '../tag/matcher';
import type { PipelineDeps } from './deps';
import { toTopicRules } from './matcher-cache';

export const MAX_TERMS_PER_TOPIC = 200;
export const MAX_TERM_LENGTH = 100;
const RETAG_BATCH = 500;

/** Display aliases stored with a country topic: its names in a few major languages. */
const ALIAS_LANGUAGES = ['en', 'ru', 'uk', 'kk', 'de', 'fr', 'es', 'zh', 'ar', 'tr'];

function countryToRow(country: CountryTopic): TopicRow {
  const aliases = new Set<string>();
  for (const lang of ALIAS_LANGUAGES) for (const name of country.names[lang] ?? []) aliases.add(name);
  aliases.delete(country.name);
  return { slug: country.slug, name: country.name, kind: 'country', iso2: country.iso2, aliases: [...aliases] };
}

/**
 * Writes the country catalogue into the topics table when the data package changed since the
 * last time (compared by a digest of what would be written), so a start costs one read.
 */
export async function seedTopics(db: Db): Promise<boolean> {
  const rows = loadCountryCatalogue().map(countryToRow);
  const digest = `${rows.length}:${fnv1a(JSON.stringify(rows))}`;
  if ((await readMeta(db, 'catalogue_digest')) === digest) return false;
  await upsertTopics(db, rows);
  await writeMeta(db, 'catalogue_digest', digest);
  return true;
}

function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16);
}

let aliasMap: Map<string, string> | null = null;
function countryAliases(): Map<string, string> {
  if (!aliasMap) {
    aliasMap = new Map();
    for (const country of loadCountryCatalogue()) {
      for (const alias of country.slugAliases) aliasMap.set(alias, country.slug);
    }
  }
  return aliasMap;
}

/** Parses and resolves an expression; 400 when malformed, 404 (with suggestions) when unknown. */
export async function resolveTopicExpression(db: Db, text: string): Promise<TopicExpression> {
  const parsed = parseExpression(text);
  const known = await listTopicSlugs(db);
  const knownSet = new Set(known);
  const aliases = countryAliases();
  return resolveExpression(
    parsed,
    (slug) => (knownSet.has(slug) ? slug : aliases.get(slug)),
    known,
  );
}

export interface TopicDefinitionInput {
  name?: string;
  include: string[];
  exclude?: string[];
  fields?: Array<'title' | 'summary'>;
}

function cleanTerms(terms: string[], label: string): string[] {
  const cleaned = [...new Set(terms.map((term) => term.trim().replace(/\s+/g, ' ')).filter((term) => term !== ''))];
  if (cleaned.length > MAX_TERMS_PER_TOPIC) {
    throw new AppError(400, 'validation_failed', `${label}: at most ${MAX_TERMS_PER_TOPIC} terms`);
  }
  for (const term of cleaned) {
    if (term.length > MAX_TERM_LENGTH) {
      throw new AppError(400, 'validation_failed', `${label}: the term "${term.slice(0, 40)}…" is longer than ${MAX_TERM_LENGTH} characters`);
    }
    if (term === '*' || /\*./.test(term)) {
      throw new AppError(400, 'validation_failed', `${label}: "${term}": "*" is allowed only at the end of a term, after at least one letter`);
    }
  }
  return cleaned;
}

/** Validates a definition into matcher rules. */
export function toRules(slug: string, input: TopicDefinitionInput): TopicRules {
  const include = cleanTerms(input.include, 'include');
  const exclude = cleanTerms(input.exclude ?? [], 'exclude');
  return { slug, include, exclude, ...(input.fields && input.fields.length > 0 ? { fields: input.fields } : {}) };
}

/**
 * Saves a custom topic, or an extension of a built-in one, then re-tags stored items in the
 * background. Returns whether the slug is a built-in (country) topic.
 */
export async function defineTopic(
  deps: PipelineDeps,
  slug: string,
  input: TopicDefinitionInput,
): Promise<{ builtIn: boolean }> {
  const existing = await getTopic(deps.db, slug);
  const builtIn = existing?.kind === 'country';
  const rules = toRules(slug, input);
  if (!builtIn && rules.include.length === 0) {
    throw new AppError(400, 'validation_failed', 'a custom topic needs at least one include term');
  }
  await saveTopicRule(
    deps.db,
    { slug, name: builtIn ? null : (input.name?.trim() || existing?.name || slug), include: rules.include, exclude: rules.exclude, fields: rules.fields ?? null },
    !builtIn,
    deps.now(),
  );
  return { builtIn };
}

/** Removes a custom topic (and its tags) or a built-in topic's extension (then re-tags it). */
export async function removeTopic(deps: PipelineDeps, slug: string): Promise<'deleted' | 'extension_removed'> {
  const topic = await getTopic(deps.db, slug);
  if (!topic) throw new AppError(404, 'topic_not_found', `unknown topic "${slug}"`);
  if (topic.kind === 'country') {
    const rule = await getTopicRule(deps.db, slug);
    if (!rule) throw new AppError(409, 'conflict', `"${slug}" is a built-in topic without an extension; there is nothing to delete`);
    await deleteTopicRule(deps.db, slug, false);
    // Re-tag with the catalogue alone: an empty extension that re-tagging removes afterwards.
    await saveTopicRule(deps.db, { slug, name: null, include: [], exclude: [], fields: null }, false, deps.now());
    return 'extension_removed';
  }
  await deleteTopicRule(deps.db, slug, true);
  return 'deleted';
}

/**
 * One re-tagging step for `slug`: the next batch of stored items is matched again, and its
 * tags for this topic rewritten in one batch. Reads go on meanwhile; each step is atomic.
 * Returns false when there is nothing left to do.
 */
export async function retagStep(deps: PipelineDeps, slug: string, batchSize = RETAG_BATCH): Promise<boolean> {
  const rule = await getTopicRule(deps.db, slug);
  if (!rule || rule.retagCursor === null) return false;
  const matcher = await deps.matchers.get(deps.db);
  const batch = await itemsAfter(deps.db, rule.retagCursor, batchSize);
  const matched = batch
    .filter((item) => matcher.tag({ title: item.title, summary: item.summary, language: item.language }).includes(slug))
    .map((item) => ({ id: item.id, publishedAt: item.publishedAt }));
  const last = batch.at(-1);
  const finished = batch.length < batchSize || !last;
  await writeRetagStep(deps.db, slug, {
    itemIds: batch.map((item) => item.id),
    matched,
    cursor: finished ? null : last.id,
    done: Math.min(rule.retagDone + batch.length, Math.max(rule.retagTotal, rule.retagDone + batch.length)),
  });
  if (finished && rule.include.length === 0 && rule.exclude.length === 0) {
    // An emptied extension of a built-in topic has served its purpose.
    await deleteTopicRule(deps.db, slug, false);
  }
  return !finished;
}

/** Runs pending re-tagging until done or `maxSteps` steps were taken. Returns steps taken. */
export async function retagPending(deps: PipelineDeps, maxSteps = Number.POSITIVE_INFINITY): Promise<number> {
  let steps = 0;
  for (;;) {
    const pending = await listPendingRetags(deps.db);
    if (pending.length === 0) return steps;
    for (const rule of pending) {
      if (steps >= maxSteps) return steps;
      await retagStep(deps, rule.slug);
      steps++;
    }
  }
}

export interface PreviewResult {
  scanned: number;
  matches: number[];
  gained: number[];
  lost: number[];
}

/**
 * Which of the newest `scanLimit` stored items a definition would match, and how that differs
 * from what the saved topic carries now.
 */
export async function previewDefinition(
  deps: PipelineDeps,
  slug: string,
  input: TopicDefinitionInput,
  scanLimit: number,
): Promise<PreviewResult> {
  const rules = (await listTopicRules(deps.db)).filter((rule) => rule.slug !== slug).map(toTopicRules);
  const existing = await getTopic(deps.db, slug);
  const candidate = toRules(slug, input);
  const matcher = deps.matchers.compile([...rules, candidate]);
  const recent = await findItemIds(deps.db, { expression: null, limit: scanLimit });
  const current = existing
    ? new Set((await findItemIds(deps.db, { expression: [[{ slug, negated: false }]], limit: scanLimit * 4 })).map((i) => i.id))
    : new Set<number>();
  const texts = await loadItemTexts(deps.db, recent.map((i) => i.id));
  const matches: number[] = [];
  for (const id of recent.map((i) => i.id)) {
    const text = texts.get(id);
    if (text && matcher.tag(text).includes(slug)) matches.push(id);
  }
  const matchSet = new Set(matches);
  const scannedSet = new Set(recent.map((i) => i.id));
  return {
    scanned: recent.length,
    matches,
    gained: matches.filter((id) => !current.has(id)),
    lost: [...current].filter((id) => scannedSet.has(id) && !matchSet.has(id)),
  };
}
