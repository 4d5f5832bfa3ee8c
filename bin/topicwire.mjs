#!/usr/bin/env node
// The `topicwire` command: runs the TypeScript CLI through tsx's loader.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/runtime/cli.ts');
const { describeError } = await import('../src/domain/errors.ts');
try {
  const code = await runCli(process.argv.slice(2), process.env);
  if (code >= 0) process.exit(code);
} catch (error) {
  console.error(`topicwire: ${describeError(error)}`);
  process.exit(1);
}
