// Types for the tests that run inside workerd: the pool's `cloudflare:test` module, and the
// bindings this project's Worker gets (wrangler.toml plus the test-only ones of
// vitest.workers.config.ts). Workers' own global types are deliberately not loaded: they would
// clash with the Node and DOM types the rest of the project is checked against.
/// <reference types="@cloudflare/vitest-pool-workers/types" />
import type { D1DatabaseBinding, WorkerEnv } from '../../src/runtime/worker-env';

declare global {
  namespace Cloudflare {
    interface Env extends WorkerEnv {
      DB: D1DatabaseBinding;
      /** A D1 database without the migrations applied. */
      EMPTY_DB: D1DatabaseBinding;
      /** The loopback origin serving test/fixtures/feeds (started by global-setup.ts). */
      ORIGIN_URL: string;
      /** A migrated libSQL server (sqld) on loopback, standing in for Turso. */
      LIBSQL_URL: string;
      TEST_MIGRATIONS: Array<{ name: string; queries: string[] }>;
    }
  }
}
