#!/usr/bin/env node
// `predev:worker`: applies drizzle/'s migrations to the local D1 database that `wrangler dev`
// uses (under .wrangler/), so `npm run dev:worker` serves right after `npm ci`. Already-applied
// migrations are skipped, so it is cheap after the first run. Run without a terminal on stdin
// (and with CI set) so wrangler applies them without asking "continue?".
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const wrangler = createRequire(import.meta.url).resolve('wrangler/bin/wrangler.js');
const result = spawnSync(process.execPath, [wrangler, 'd1', 'migrations', 'apply', 'DB', '--local'], {
  stdio: ['ignore', 'inherit', 'inherit'],
  env: { ...process.env, CI: 'true', WRANGLER_SEND_METRICS: 'false' },
});
process.exit(result.status ?? 1);
