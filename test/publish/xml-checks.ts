/**
 * Well-formedness as strict readers see it: a namespace-aware XML parser that reports every
 * error (@xmldom/xmldom), a scan for characters XML 1.0 forbids (which that parser lets
 * through), and, where Debian's xmllint happens to be installed, libxml2's verdict as well.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { DOMParser } from '@xmldom/xmldom';
import type { Document } from '@xmldom/xmldom';

const XMLLINT =
  ['/usr/bin/xmllint', '/usr/local/bin/xmllint'].find((path) => existsSync(path)) ?? null;

/** Problems that make the document not well-formed XML; empty when it is. */
export function findXmlErrors(xml: string): string[] {
  const errors: string[] = [];
  const illegal =
    /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
  const match = illegal.exec(xml.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, 'xx'));
  if (match !== null)
    errors.push(
      `illegal character U+${match[0].charCodeAt(0).toString(16).padStart(4, '0')} at ${match.index}`,
    );
  const parserErrors: string[] = [];
  try {
    parseXml(xml, parserErrors);
  } catch {
    errors.push(...parserErrors);
  }
  if (XMLLINT !== null) {
    try {
      execFileSync(XMLLINT, ['--noout', '-'], { input: xml, stdio: ['pipe', 'pipe', 'pipe'] });
    } catch (error) {
      const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? String(error);
      errors.push(`xmllint: ${stderr.split('\n').slice(0, 3).join(' | ')}`);
    }
  }
  return errors;
}

/**
 * Parses XML strictly: any error or fatal error is a failure. (Warnings are not: xmldom warns
 * about U+FFFD, which is legal XML and what we put in place of unpaired surrogates.)
 */
export function parseXml(xml: string, errors: string[] = []): Document {
  const parser = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') errors.push(`${level}: ${message.split('\n')[0] ?? ''}`);
    },
  });
  let document: Document | undefined;
  try {
    document = parser.parseFromString(xml, 'text/xml');
  } catch (error) {
    if (errors.length === 0) errors.push(String(error));
  }
  if (errors.length > 0 || document === undefined)
    throw new Error(`not well-formed XML: ${errors.join('; ')}`);
  return document;
}
