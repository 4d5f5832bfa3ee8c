/**
 * Listings with each story once (`collapse`, the default of feeds and topic pages): a page of
 * clusters, each shown as its earliest item, with the sources of its other items. Shared by
 * `GET /api/items?collapse=true`, the feeds and the topic pages, so all three agree.
 */
import type { TopicExpression } from '../domain/types';
import type { Db } from '../store/db';
import { loadItems, type ItemCursor, type ItemDetail, type ItemFilters } from '../store/items';
import { findClusterPage, loadClusterMembers, type ClusterMember } from '../store/stories';

export interface ClusterSource {
  id: number;
  title: string | null;
  url: string;
  siteUrl: string | null;
}

/** A cluster shown once: its earliest item, and the sources of its other items. */
export interface CollapsedItem {
  item: ItemDetail;
  size: number;
  /** Sources of the cluster's other items that did not carry the item shown, first seen first. */
  alsoReportedBy: ClusterSource[];
}

export async function listCollapsed(
  db: Db,
  options: { expression: TopicExpression | null; filters?: ItemFilters; cursor?: ItemCursor | null; limit: number },
): Promise<{ items: CollapsedItem[]; nextCursor: ItemCursor | null }> {
  const page = await findClusterPage(db, options);
  const members = await loadClusterMembers(db, page.clusterIds);
  const shown = page.clusterIds.flatMap((id) => {
    const list = members.get(id);
    return list && list.length > 0 ? [{ id, list }] : [];
  });
  const details = await loadItems(db, shown.map(({ list }) => (list[0] as ClusterMember).id));
  const byId = new Map(details.map((item) => [item.id, item]));
  const items = shown.flatMap(({ list }) => {
    const first = list[0] as ClusterMember;
    const item = byId.get(first.id);
    if (!item) return [];
    return [{ item, size: list.length, alsoReportedBy: otherSources(item, list.slice(1)) }];
  });
  return { items, nextCursor: page.nextCursor };
}

function otherSources(item: ItemDetail, others: ClusterMember[]): ClusterSource[] {
  const seen = new Set(item.sources.map((source) => source.id));
  const out: ClusterSource[] = [];
  for (const member of others) {
    for (const source of member.sources) {
      if (seen.has(source.id)) continue;
      seen.add(source.id);
      out.push(source);
    }
  }
  return out;
}
