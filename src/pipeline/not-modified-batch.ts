/**
 * Batches the state updates of polls that found nothing new (304s), for a round of many
 * sources: each such poll costs one row in a shared `UPDATE … FROM json_each(?)`
 * (recordNotModified) instead of a transaction of its own. A poll hands its row over and
 * returns at once; rows are written when MAX_ROWS have gathered or FLUSH_DELAY_MS after the
 * first, and `close()` writes the rest, so a round ends with every state on disk.
 *
 * Until its row is written a source keeps its lease, so no other poller takes it meanwhile. If
 * the write fails, the polls' reports (already handed out, but owned by the round until it
 * returns) are turned into store errors, and the sources stay due: their leases expire.
 */
import { describeError } from '../domain/errors';
import { recordNotModified, type NotModifiedState } from '../store/sources';
import type { PipelineDeps } from './deps';
import type { PollReport } from './poll-source';

const MAX_ROWS = 500;
const FLUSH_DELAY_MS = 1000;

export interface NotModifiedBatch {
  add(state: NotModifiedState, report: PollReport): void;
  /** Writes what is pending and waits for every write started so far. */
  close(): Promise<void>;
}

export function createNotModifiedBatch(deps: Pick<PipelineDeps, 'db' | 'log'>): NotModifiedBatch {
  let pending: Array<{ state: NotModifiedState; report: PollReport }> = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Writes run one after the other, in the order their rows arrived.
  let writing: Promise<void> = Promise.resolve();

  function flush(): void {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (pending.length === 0) return;
    const rows = pending;
    pending = [];
    writing = writing.then(async () => {
      try {
        await recordNotModified(deps.db, rows.map((row) => row.state));
      } catch (error) {
        const message = `store: ${describeError(error)}`;
        deps.log?.('poll_failed', { sources: rows.length, error: message });
        for (const { report } of rows) Object.assign(report, { status: 'error', error: message, errorCode: 'store_failed' });
      }
    });
  }

  return {
    add(state, report) {
      pending.push({ state, report });
      if (pending.length >= MAX_ROWS) flush();
      else if (timer === undefined) timer = setTimeout(flush, FLUSH_DELAY_MS);
    },
    async close() {
      flush();
      await writing;
    },
  };
}
