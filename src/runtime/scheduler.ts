/**
 * The Node scheduler: every `intervalSeconds`, poll the due sources and finish any pending
 * re-tagging. Runs never overlap: a slow round delays the next instead of piling up.
 */
import { pollDue } from '../pipeline/poll-due';
import type { PipelineDeps } from '../pipeline/deps';
import { applyRetention } from '../pipeline/retention';
import { renewSubscriptions } from '../pipeline/websub';
import { retagPending } from '../pipeline/topics';

export interface Scheduler {
  /** Resolves when the round under way (if any) has finished. */
  stop(): Promise<void>;
  runOnce(): Promise<void>;
}

export function startScheduler(
  deps: PipelineDeps,
  options: { intervalSeconds: number; concurrency: number; log: (line: string) => void },
): Scheduler {
  let running: Promise<void> | null = null;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function round(): Promise<void> {
    const reports = await pollDue(deps, { concurrency: options.concurrency });
    if (reports.length > 0) {
      const failed = reports.filter((r) => r.status === 'error');
      const fresh = reports.reduce((sum, r) => sum + r.newEntries, 0);
      options.log(`polled ${reports.length} source(s): ${fresh} new entries, ${failed.length} failed`);
      for (const report of failed) options.log(`  ${report.url}: ${report.error}`);
    }
    await retagPending(deps);
    await applyRetention(deps);
    // WebSub leases that end soon are renewed (a source's own poll renews it too).
    await renewSubscriptions(deps);
  }

  function runOnce(): Promise<void> {
    if (!running) {
      running = round()
        .catch((error: unknown) => options.log(`poll round failed: ${error instanceof Error ? error.message : String(error)}`))
        .finally(() => {
          running = null;
        });
    }
    return running;
  }

  function schedule(delayMs: number): void {
    if (stopped || options.intervalSeconds <= 0) return;
    timer = setTimeout(() => {
      void runOnce().finally(() => schedule(options.intervalSeconds * 1000));
    }, delayMs);
    timer.unref?.();
  }

  schedule(1000);
  return {
    runOnce,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
