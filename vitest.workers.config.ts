// The workers project: tests that run inside workerd (the Workers runtime) through
// @cloudflare/vitest-pool-workers, with the bindings of wrangler.toml (D1 `DB`, Queue `POLL_QUEUE`).
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { defineProject } from 'vitest/config';

export default defineProject({
  plugins: [
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
