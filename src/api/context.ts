/** The types every route shares: what `createApp` is given, and Hono's typed context. */
import type { PipelineDeps } from '../pipeline/deps';

export interface AppDeps {
  pipeline: PipelineDeps;
  /** Bearer token for writes; undefined = every write answers 401 with a hint. */
  adminToken: string | undefined;
  /** Base for absolute links in feeds, OPML and pages (no trailing slash). */
  publicUrl: string;
  version: string;
  /**
   * Runs work after the response (re-tagging after a topic is saved). Node lets the promise
   * run; the Worker hands it to `waitUntil`, and its cron finishes whatever is left.
   */
  runInBackground: (task: () => Promise<unknown>) => void;
}

export interface AppEnv {
  Variables: {
    deps: AppDeps;
  };
}
