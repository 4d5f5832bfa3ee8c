#!/usr/bin/env node
// Builds what `npm start`, `npm run poll` and `npx topicwire` run: src/runtime/node.ts and
// src/runtime/cli.ts, bundled by esbuild into ES modules under dist/runtime/ (entries and the
// chunk they share all one level below dist/, as src/runtime/ is below src/, so paths such as
// the drizzle/ migrations folder resolve the same from either). npm packages are bundled too:
// loading hundreds of separate modules from node_modules doubled the time to the first
// request (~700 ms against ~400 ms here). Only libsql stays external: it loads a
// platform-specific native binary at run time. Source maps on: run with
// `node --enable-source-maps` and stack traces name src/ files.
//
// `node scripts/build.mjs` builds (~0.5 s); `node scripts/build.mjs --if-stale` builds only when a
// file under src/ (or package.json) is newer than the last build, which is what
// bin/topicwire.mjs and the pre-scripts use, so an edited checkout never runs yesterday's code.
import { readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const OUTPUTS = ['node', 'cli'].map((name) => join(ROOT, 'dist', 'runtime', `${name}.js`));

function newestInput(dir = join(ROOT, 'src')) {
  let newest = statSync(join(ROOT, 'package.json')).mtimeMs;
  const walk = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  walk(dir);
  return newest;
}

/** True when dist/ is missing an output or is older than any source file. */
export function isStale() {
  let oldest = Infinity;
  for (const output of OUTPUTS) {
    try {
      oldest = Math.min(oldest, statSync(output).mtimeMs);
    } catch {
      return true;
    }
  }
  return newestInput() > oldest;
}

/**
 * JSON files (the country data packages: about 1.4 MB of it) become `JSON.parse('…')` of a string
 * instead of esbuild's default object literal. V8 scans a string literal at a fraction of what it
 * costs to parse and compile the same data as code (v8.dev/blog/cost-of-javascript-2019, "JSON"):
 * measured here, it is the largest single cut in the time to the first request.
 * Emitted as CommonJS so both `import data from 'x.json'` and a package's `require('./x.json')` get
 * the parsed value, as they do without the plugin.
 */
const jsonAsParsedString = {
  name: 'json-as-parsed-string',
  setup(build) {
    build.onLoad({ filter: /\.json$/ }, async (args) => {
      const { readFile } = await import('node:fs/promises');
      // Parsed and printed again: the file is checked here, at build time, and loses its whitespace.
      const text = JSON.stringify(JSON.parse(await readFile(args.path, 'utf8')));
      return { contents: `module.exports = JSON.parse(${JSON.stringify(text)});`, loader: 'js' };
    });
  },
};

export async function buildRuntime() {
  // Loaded only when there is something to build: the up-to-date check stays a few milliseconds.
  const { build } = await import('esbuild');
  // The shared chunk's name carries a hash: without this, every build would leave one behind.
  rmSync(join(ROOT, 'dist', 'runtime'), { recursive: true, force: true });
  await build({
    absWorkingDir: ROOT,
    entryPoints: ['src/runtime/node.ts', 'src/runtime/cli.ts'],
    outbase: 'src/runtime',
    outdir: 'dist/runtime',
    // What both entries use goes once into a shared chunk: half the build time.
    splitting: true,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    external: ['@libsql/client', 'libsql'],
    // Bundled CommonJS packages call require() for Node built-ins; ES modules have none.
    banner: { js: "import { createRequire as __topicwireCreateRequire } from 'node:module'; const require = __topicwireCreateRequire(import.meta.url);" },
    sourcemap: true,
    // The maps point at src/ and node_modules/, which are there: no need to copy them in.
    sourcesContent: false,
    minifyWhitespace: true,
    minifySyntax: true,
    plugins: [jsonAsParsedString],
    logLevel: 'warning',
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!process.argv.includes('--if-stale') || isStale()) await buildRuntime();
}
