/**
 * First-start seeding of the default sources (data/default-sources.json, which an operator can
 * edit). It happens once per database: sources an operator removed later are not re-added.
 */
import defaultSources from '../../data/default-sources.json';
import { readMeta, writeMeta } from '../store/meta';
import { insertSources } from '../store/sources';
import type { PipelineDeps } from './deps';

export interface DefaultSource {
  url: string;
  title: string;
  siteUrl?: string;
  language?: string;
  region?: string;
}

export const DEFAULT_SOURCES: DefaultSource[] = defaultSources;

/** Seeds the default sources unless this database was seeded before. Returns how many were added. */
export async function seedDefaultSources(deps: Pick<PipelineDeps, 'db' | 'now'>, list: DefaultSource[] = DEFAULT_SOURCES): Promise<number> {
  if ((await readMeta(deps.db, 'sources_seeded_at')) !== undefined) return 0;
  const added = await insertSources(
    deps.db,
    list.map((source) => ({ url: source.url, title: source.title, siteUrl: source.siteUrl ?? null })),
    deps.now(),
  );
  await writeMeta(deps.db, 'sources_seeded_at', new Date(deps.now()).toISOString());
  return added;
}
