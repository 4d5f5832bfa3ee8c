// The part of xml2js 0.5 (a dependency of rss-parser, which has no types of its own) that
// read-xml-feed.ts uses.
declare module 'xml2js' {
  import type { EventEmitter } from 'node:events';

  interface ParserOptions {
    validator?: (xpath: string, previousValue: unknown, newValue: unknown) => unknown;
    tagNameProcessors?: Array<(name: string) => string>;
  }

  interface SaxParser {
    write(chunk: string): SaxParser;
    close(): SaxParser;
  }

  class Parser extends EventEmitter {
    constructor(options?: ParserOptions);
    saxParser: SaxParser;
  }

  interface BuilderOptions {
    headless?: boolean;
    explicitRoot?: boolean;
    rootName?: string;
    renderOpts?: { pretty?: boolean };
  }

  class Builder {
    constructor(options?: BuilderOptions);
    buildObject(root: unknown): string;
  }

  const xml2js: { Parser: typeof Parser; Builder: typeof Builder };
  export default xml2js;
  export type { BuilderOptions, ParserOptions, SaxParser };
  export { Builder, Parser };
}
