/**
 * Fixes the few well-known ways real feeds break XML, for a second attempt after a strict parse
 * failed (a well-formed feed is never rewritten):
 * - a bare "&" ("AT&T", "?a=1&b=2") → "&amp;";
 * - HTML named entities the XML parser does not know ("&hellip;", "&NewLine;") → numeric
 *   references, unknown ones escaped as text;
 * - entities declared in an internal DOCTYPE subset → expanded, subset removed;
 * - characters XML forbids (C0 controls) → removed;
 * - anything after the root element's end tag (debug output, a second document) → cut.
 * CDATA sections are left untouched.
 */
import { decodeHTMLStrict } from 'entities';

const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);
const CDATA_SECTION = /(<!\[CDATA\[[\s\S]*?\]\]>)/;
const ENTITY_DECLARATION = /<!ENTITY\s+([A-Za-z_][\w.-]*)\s+(?:"([^"]*)"|'([^']*)')\s*>/g;
const REFERENCE = /&(#\d+;|#x[0-9A-Fa-f]+;|([A-Za-z][A-Za-z0-9]*);)?/g;
// Exactly the characters XML 1.0 forbids (tab, LF and CR are allowed).
const FORBIDDEN_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function repairXml(text: string, rootName: string): string {
  const declared = new Map<string, string>();
  let body = text.replace(/<!DOCTYPE[^[>]*\[([\s\S]*?)\]\s*>/i, (_doctype, subset: string) => {
    for (const m of subset.matchAll(ENTITY_DECLARATION)) declared.set(m[1] ?? '', m[2] ?? m[3] ?? '');
    return '';
  });
  const endTag = `</${rootName}>`;
  const rootEnd = body.lastIndexOf(endTag);
  if (rootEnd !== -1) body = body.slice(0, rootEnd + endTag.length);

  return body
    .split(CDATA_SECTION)
    .map((part) => (part.startsWith('<![CDATA[') ? part : repairReferences(part, declared)))
    .join('')
    .replace(FORBIDDEN_CHARACTERS, '');
}

function repairReferences(text: string, declared: Map<string, string>): string {
  return text.replace(REFERENCE, (reference: string, tail: string | undefined, name: string | undefined) => {
    if (tail === undefined) return '&amp;';
    if (name === undefined || XML_ENTITIES.has(name)) return reference;
    const expansion = declared.get(name);
    // Declared replacement text is taken as plain text, which is what feeds use it for.
    if (expansion !== undefined) return expansion.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    const decoded = decodeHTMLStrict(reference);
    if (decoded === reference) return `&amp;${name};`;
    return [...decoded].map((char) => `&#x${(char.codePointAt(0) ?? 0).toString(16)};`).join('');
  });
}
