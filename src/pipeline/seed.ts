/**
 * Seeding of the default sources (data/default-sources.json, which an operator can edit). Whether
 * a database gets them is decided once, by the first process that opens it, from that process's
 * SEED_SOURCES, and recorded in `meta` (`sources_seeding`: `seed` or `none`). Every later process
 * (the CLI, another server, a Worker) follows the record, whatever its own setting: a database a
 * server created with SEED_SOURCES=false never receives the defaults from a `topicwire poll` run
 * with the default setting. Seeding itself also happens once: sources an operator removed later
 * are not re-added.
 */
import defaultSources from '../../data/default-sources.json';
import { claimMeta, readMeta, writeMeta } from '../store/meta';
import { countSources, insertSources } from '../store/sources';
import type { PipelineDeps } from './deps';

export interface DefaultSource {
  url: string;
  title: string;
  siteUrl?: string;
  language?: string;
  region?: string;
}

export const DEFAULT_SOURCES: DefaultSource[] = defaultSources;

export const SEEDING_KEY = 'sources_seeding';
const SEEDED_AT_KEY = 'sources_seeded_at';

export type SeedingDecision = 'seed' | 'none';

/**
 * Records this database's seeding decision if it has none yet, and returns the one that holds.
 * A database from before the decision was recorded that already has sources counts as decided
 * against: whoever created it chose its sources.
 */
export async function decideSeeding(db: PipelineDeps['db'], wanted: boolean): Promise<SeedingDecision> {
  const recorded = await readMeta(db, SEEDING_KEY);
  if (recorded !== undefined) return recorded === 'seed' ? 'seed' : 'none';
  const proposal: SeedingDecision = wanted && (await countSources(db)) === 0 ? 'seed' : 'none';
  return (await claimMeta(db, SEEDING_KEY, proposal)) === 'seed' ? 'seed' : 'none';
}

/**
 * Seeds the default sources if this database's decision (made now, from `wanted`, when it is
 * new) says so and they are not in yet. Returns how many were added.
 */
export async function seedDefaultSources(deps: Pick<PipelineDeps, 'db' | 'now'>, wanted: boolean, list: DefaultSource[] = DEFAULT_SOURCES): Promise<number> {
  if ((await readMeta(deps.db, SEEDED_AT_KEY)) !== undefined) return 0;
  if ((await decideSeeding(deps.db, wanted)) === 'none') return 0;
  const added = await insertSources(
    deps.db,
    list.map((source) => ({ url: source.url, title: source.title, siteUrl: source.siteUrl ?? null })),
    deps.now(),
  );
  await writeMeta(deps.db, SEEDED_AT_KEY, new Date(deps.now()).toISOString());
  return added;
}
