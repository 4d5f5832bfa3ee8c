/**
 * OPML 2.0 (http://opml.org/spec2.opml) subscription lists. Outlines that name a `category`
 * are grouped under one folder outline per category, in order of first appearance, because
 * that nesting is what feed readers (NetNewsWire, Feedly, Miniflux, newsboat) import as
 * folders; outlines without one stay at the top level. All text is cleaned and escaped, so the
 * document is well-formed whatever the names contain.
 */
import { cleanLine, cleanText, escapeXml } from './clean-text';

export interface OpmlOutline {
  text: string;
  xmlUrl: string;
  htmlUrl?: string | null;
  /** OPML's feed type; "rss" (the default) is what readers expect for Atom and JSON feeds too. */
  type?: string;
  category?: string | null;
}

export function renderOpml(options: {
  title: string;
  createdAt: Date;
  outlines: OpmlOutline[];
}): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<opml version="2.0">', '  <head>'];
  lines.push(`    <title>${escapeXml(cleanLine(options.title))}</title>`);
  if (!Number.isNaN(options.createdAt.getTime())) {
    // OPML 2.0 dates are RFC 822, which toUTCString produces.
    lines.push(`    <dateCreated>${options.createdAt.toUTCString()}</dateCreated>`);
  }
  lines.push('    <docs>http://opml.org/spec2.opml</docs>', '  </head>', '  <body>');

  const folders = new Map<string, OpmlOutline[]>();
  const topLevel: Array<OpmlOutline | { folder: string }> = [];
  for (const outline of options.outlines) {
    const category = cleanLine(outline.category ?? '');
    if (category === '') {
      topLevel.push(outline);
      continue;
    }
    const folder = folders.get(category);
    if (folder === undefined) {
      folders.set(category, [outline]);
      topLevel.push({ folder: category });
    } else {
      folder.push(outline);
    }
  }
  for (const entry of topLevel) {
    if ('folder' in entry) {
      const name = escapeXml(entry.folder);
      lines.push(`    <outline text="${name}" title="${name}">`);
      for (const outline of folders.get(entry.folder) ?? [])
        lines.push(`      ${renderOutline(outline)}`);
      lines.push('    </outline>');
    } else {
      lines.push(`    ${renderOutline(entry)}`);
    }
  }
  lines.push('  </body>', '</opml>', '');
  return lines.join('\n');
}

function renderOutline(outline: OpmlOutline): string {
  const xmlUrl = cleanText(outline.xmlUrl).trim();
  const text = cleanLine(outline.text) || xmlUrl;
  const attributes: Array<[string, string]> = [
    ['type', cleanLine(outline.type ?? '') || 'rss'],
    ['text', text],
    ['title', text],
    ['xmlUrl', xmlUrl],
  ];
  const htmlUrl = cleanText(outline.htmlUrl ?? '').trim();
  if (htmlUrl !== '') attributes.push(['htmlUrl', htmlUrl]);
  return `<outline ${attributes.map(([name, value]) => `${name}="${escapeXml(value)}"`).join(' ')}/>`;
}
