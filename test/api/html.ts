// Reading our pages back as a browser would: parse5 (the WHATWG HTML parser) and small queries.
import { parse } from 'parse5';

export interface HtmlNode {
  nodeName: string;
  tagName?: string;
  attrs?: Array<{ name: string; value: string }>;
  childNodes?: HtmlNode[];
  content?: HtmlNode;
  value?: string;
}

export function parseHtml(html: string): HtmlNode {
  return parse(html) as unknown as HtmlNode;
}

export function attr(node: HtmlNode, name: string): string | undefined {
  return node.attrs?.find((a) => a.name === name)?.value;
}

/** Every element below `root` whose tag is `tag` and whose attributes include `where`. */
export function findAll(root: HtmlNode, tag: string, where: Record<string, string | RegExp> = {}): HtmlNode[] {
  const found: HtmlNode[] = [];
  const visit = (node: HtmlNode) => {
    if (node.tagName === tag && Object.entries(where).every(([name, want]) => {
      const value = attr(node, name);
      return value !== undefined && (typeof want === 'string' ? value.split(/\s+/).includes(want) || value === want : want.test(value));
    })) {
      found.push(node);
    }
    for (const child of node.childNodes ?? []) visit(child);
    if (node.content) visit(node.content);
  };
  visit(root);
  return found;
}

export function find(root: HtmlNode, tag: string, where: Record<string, string | RegExp> = {}): HtmlNode {
  const node = findAll(root, tag, where)[0];
  if (!node) throw new Error(`no <${tag}> with ${JSON.stringify(where, (_k, v) => (v instanceof RegExp ? String(v) : v))}`);
  return node;
}

/** The text content, whitespace collapsed. */
export function text(node: HtmlNode): string {
  const parts: string[] = [];
  const visit = (n: HtmlNode) => {
    if (n.nodeName === '#text') parts.push(n.value ?? '');
    for (const child of n.childNodes ?? []) visit(child);
  };
  visit(node);
  return parts.join('').replace(/\s+/g, ' ').trim();
}
