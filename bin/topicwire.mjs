#!/usr/bin/env node
// The `topicwire` command, and what `npm start` (`topicwire serve`) and `npm run poll` run: the
// CLI from the esbuild bundle in dist/, rebuilt first when src/ is newer, so an edited checkout
// never runs stale code. One process: the check, the build if any, and the server.
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
