#!/usr/bin/env node
// `npm run dev:worker [-- wrangler dev options]`: the Worker under `wrangler dev`, on the local D1
// that predev:worker (scripts/d1-local-migrate.mjs) has migrated. WORKER_ENVIRONMENT=development
// makes the Worker's setup errors name `--local`. Wrangler's metrics and its download of a real
// `request.cf` object (from workers.cloudflare.com; a placeholder serves local development as
// well) are off, so a local run talks to nothing but the feeds it polls.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const wrangler = createRequire(import.meta.url).resolve('wrangler/bin/wrangler.js');
const child = spawn(process.execPath, [wrangler, 'dev', '--var', 'WORKER_ENVIRONMENT:development', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false' },
});
// Ctrl-C reaches wrangler through the terminal's process group; SIGTERM from a supervisor does not.
process.on('SIGTERM', () => child.kill('SIGTERM'));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
