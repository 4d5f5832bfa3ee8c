// The workers project: tests that run inside workerd (the Workers runtime) through
// @cloudflare/vitest-pool-workers, with the bindings of wrangler.toml (D1 `DB`, Queue `POLL_QUEUE`).
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { defineProject, type Plugin } from 'vitest/config';

/**
 * Some packages name a source map they do not ship (feed 6.0.0: `feed.js.map`), and Vite
 * prints a warning and a stack for each ("Failed to load source map"). Loaded through here,
 * such a file loses the dangling comment; files whose map exists are left to Vite.
 */
function dropMissingSourceMaps(): Plugin {
  return {
    name: 'topicwire:drop-missing-source-maps',
    enforce: 'pre',
    load(id) {
      const file = id.split('?')[0] ?? id;
      if (!file.includes('/node_modules/') || !/\.[cm]?js$/.test(file) || !existsSync(file)) return null;
      const code = readFileSync(file, 'utf8');
      const match = /\n\/\/# sourceMappingURL=([^\s]+)\s*$/.exec(code);
      if (!match?.[1] || match[1].startsWith('data:') || existsSync(join(dirname(file), match[1]))) return null;
      return code.slice(0, match.index + 1);
    },
  };
}

export default defineProject({
  plugins: [
    dropMissingSourceMaps(),
    cloudflareTest(async ({ inject }) => ({
      main: './src/runtime/worker.ts',
      wrangler: { configPath: './wrangler.toml' },
      miniflare: {
        // DB comes from wrangler.toml; a second, never-migrated database for the error path.
        d1Databases: { DB: 'topicwire', EMPTY_DB: 'topicwire-empty' },
        bindings: {
          ORIGIN_URL: inject('originUrl'),
          LIBSQL_URL: inject('libsqlUrl'),
          TEST_MIGRATIONS: await readD1Migrations('./drizzle'),
          ALLOW_PRIVATE_SOURCES: 'true',
          SEED_SOURCES: 'false',
          // The fixture feeds are years old: retention (180 days by default) would remove them.
          RETENTION_DAYS: '0',
          // One JSON line per poll is for Workers Logs, not for test output.
          LOG_EVENTS: 'false',
        },
      },
    })),
  ],
  test: {
    name: 'workers',
    // The measurement in poll-cost.bench.ts is not a test; it runs on request only.
    include: process.env.TOPICWIRE_WORKER_BENCH ? ['test/worker/**/*.bench.ts'] : ['test/worker/**/*.test.ts'],
    globalSetup: ['test/worker/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    deps: {
      // sanitize-html is CommonJS that requires postcss, which requires nanoid/non-secure; left to
      // workerd's require(), that finds nanoid's ES module and comes back undefined. Pre-bundled
      // by Vite, as wrangler bundles the deployed Worker, it resolves to the CommonJS build.
      optimizer: { ssr: { enabled: true, include: ['sanitize-html'] } },
    },
  },
});
