#!/usr/bin/env node
// The `topicwire` command: runs the CLI from the esbuild bundle in dist/ (what `npm start` runs
// too), rebuilding it first when src/ is newer, so an edited checkout never runs stale code.
import { buildRuntime, isStale } from '../scripts/build.mjs';

// Stack traces name src/ files through the bundle's source map.
process.setSourceMapsEnabled(true);
if (isStale()) await buildRuntime();
const { runCli, describeError } = await import('../dist/runtime/cli.js');
try {
  const code = await runCli(process.argv.slice(2), process.env);
  if (code >= 0) process.exit(code);
} catch (error) {
  console.error(`topicwire: ${describeError(error)}`);
  process.exit(1);
}
