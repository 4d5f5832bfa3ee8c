/**
 * Typed access to the xml2js nodes rss-parser hands back for custom fields: an element is
 * either a string (text only) or an object with `_` (text), `$` (attributes) and one array per
 * child element name.
 */

export type XmlNode = string | { [key: string]: unknown };

/** The value as a list of nodes (rss-parser's `keepArray` fields are arrays; others are not). */
export function nodeList(value: unknown): XmlNode[] {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return list.filter((item): item is XmlNode => typeof item === 'string' || (typeof item === 'object' && item !== null));
}

/** Attributes of a node, names lower-cased (feeds disagree on `isPermaLink` vs `ispermalink`). */
export function nodeAttributes(node: XmlNode | undefined): Record<string, string> {
  if (node === undefined || typeof node === 'string') return {};
  const raw = node.$;
  if (typeof raw !== 'object' || raw === null) return {};
  const attributes: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (typeof value === 'string') attributes[name.toLowerCase()] = value;
  }
  return attributes;
}

/**
 * All text inside a node: its own text, then its children's (xml2js does not keep the order
 * of mixed content, so inline markup may come out of order; fine for titles and summaries).
 */
export function nodeText(node: XmlNode | undefined): string {
  if (node === undefined) return '';
  if (typeof node === 'string') return node;
  let text = typeof node._ === 'string' ? node._ : '';
  for (const [key, value] of Object.entries(node)) {
    if (key === '$' || key === '_' || !Array.isArray(value)) continue;
    for (const child of nodeList(value)) text += ` ${nodeText(child)}`;
  }
  return text;
}

/** Child elements of a node by name (`name` as written, with its prefix). */
export function childNodes(node: XmlNode | undefined, name: string): XmlNode[] {
  if (node === undefined || typeof node === 'string') return [];
  return nodeList(node[name]);
}

/** Trimmed text of the first node that has some, else null. */
export function firstText(...lists: unknown[]): string | null {
  for (const list of lists) {
    for (const node of nodeList(list)) {
      const text = nodeText(node).trim();
      if (text !== '') return text;
    }
  }
  return null;
}
