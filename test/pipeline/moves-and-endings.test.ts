// Moves and endings against a real origin on 127.0.0.1 and a real libSQL file: a 301/308 moves
// the stored URL, a 302/307 does not, a 410 disables the source, repeated 404s back off to a day.
import { mkdtempSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollSource } from '../../src/pipeline/poll-source';
import { createNodeRuntime, type NodeRuntime } from '../../src/runtime/node-deps';
import { readDataVersion } from '../../src/store/meta';
import { getSource, insertSource, type SourceRow } from '../../src/store/sources';
import { startOrigin, type Origin } from '../helpers/origin';

const T0 = Date.UTC(2026, 10, 1);
const DAY_MS = 86_400_000;
const FEED = { file: 'syndicated-wire.xml', contentType: 'application/rss+xml' } as const;

let origin: Origin;
let runtime: NodeRuntime;
let now = T0;

const redirect = (status: number, location: string) => ({
  handler: (res: ServerResponse) => {
    res.writeHead(status, { location: location.startsWith('/') ? `${origin.url}${location}` : location }).end();
  },
});

beforeAll(async () => {
  origin = await startOrigin({
    '/new.xml': FEED,
    '/other.xml': FEED,
    '/moved-301.xml': redirect(301, '/new.xml'),
    '/moved-308.xml': redirect(308, '/new-308.xml'),
    '/new-308.xml': FEED,
    '/temporary-302.xml': redirect(302, '/new.xml'),
    '/temporary-307.xml': redirect(307, '/new.xml'),
    // A permanent move to a place that then redirects temporarily: the permanent place is kept.
    '/chain.xml': redirect(301, '/chain-b.xml'),
    '/chain-b.xml': redirect(302, '/new.xml'),
    '/onto-taken.xml': redirect(301, '/other.xml'),
    '/gone.xml': { body: 'gone for good', contentType: 'text/plain', status: 410 },
    '/flaky.xml': { body: 'oops', contentType: 'text/plain', status: 500 },
  });
  const dir = mkdtempSync(join(tmpdir(), 'topicwire-moves-'));
  runtime = await createNodeRuntime(
    { DATABASE_URL: `file:${join(dir, 'moves.db')}`, SEED_SOURCES: 'false', ALLOW_PRIVATE_SOURCES: 'true', POLL_INTERVAL_SECONDS: '0', RETENTION_DAYS: '0' },
    { now: () => now },
  );
});

afterAll(async () => {
  runtime?.close();
  await origin?.close();
});

async function addSource(path: string, extra: { maxIntervalSeconds?: number } = {}): Promise<SourceRow> {
  return (await insertSource(runtime.db, { url: `${origin.url}${path}`, ...extra }, now)).source;
}

async function reload(id: number): Promise<SourceRow> {
  const row = await getSource(runtime.db, id);
  if (!row) throw new Error(`source ${id} vanished`);
  return row;
}

describe('pollSource: moves', () => {
  it.each([
    ['/moved-301.xml', '/new.xml'],
    ['/moved-308.xml', '/new-308.xml'],
    ['/chain.xml', '/chain-b.xml'],
  ])('a permanent redirect from %s moves the stored URL to %s', async (path, target) => {
    const source = await addSource(path);
    const report = await pollSource(runtime.pipeline, source);
    expect(report.status).toBe('ok');
    expect(report.newEntries).toBeGreaterThan(0);
    expect(report.movedTo).toBe(`${origin.url}${target}`);
    expect((await reload(source.id)).url).toBe(`${origin.url}${target}`);

    // The next poll asks the new place directly.
    origin.requests.length = 0;
    await pollSource(runtime.pipeline, await reload(source.id));
    expect(origin.requests[0]?.path).toBe(target);
  });

  it('moves the data version when a move is all that changed, so cached feeds naming the old URL are not served', async () => {
    origin.routes.set('/before-move.xml', FEED);
    const source = await addSource('/before-move.xml');
    expect((await pollSource(runtime.pipeline, source)).newEntries).toBeGreaterThan(0);
    const before = await readDataVersion(runtime.db);
    origin.routes.set('/before-move.xml', redirect(301, '/after-move.xml'));
    origin.routes.set('/after-move.xml', FEED);
    const report = await pollSource(runtime.pipeline, await reload(source.id));
    expect(report.movedTo).toBe(`${origin.url}/after-move.xml`);
    expect(report.newEntries).toBe(0);
    expect(await readDataVersion(runtime.db)).not.toEqual(before);
  });

  it.each(['/temporary-302.xml', '/temporary-307.xml'])('a temporary redirect from %s keeps the stored URL', async (path) => {
    const source = await addSource(path);
    const report = await pollSource(runtime.pipeline, source);
    expect(report.status).toBe('ok');
    expect(report.movedTo).toBeNull();
    expect((await reload(source.id)).url).toBe(`${origin.url}${path}`);
  });

  it('does not move a source onto the URL another source already has, and still polls it', async () => {
    const other = await addSource('/other.xml');
    const source = await addSource('/onto-taken.xml');
    const report = await pollSource(runtime.pipeline, source);
    expect(report.status).toBe('ok');
    expect(report.movedTo).toBeNull();
    expect((await reload(source.id)).url).toBe(`${origin.url}/onto-taken.xml`);
    expect((await reload(other.id)).url).toBe(`${origin.url}/other.xml`);
  });
});

describe('pollSource: endings', () => {
  it('disables a source that answers 410, with lastStatus "gone"', async () => {
    const source = await addSource('/gone.xml');
    const report = await pollSource(runtime.pipeline, source);
    expect(report).toMatchObject({ status: 'error', httpStatus: 410, errorCode: 'gone' });
    const row = await reload(source.id);
    expect(row.enabled).toBe(false);
    expect(row.lastStatus).toBe('gone');
    expect(row.lastHttpStatus).toBe(410);
    expect(row.lastError).toContain('410');
  });

  it('backs off repeated 404s up to a day, past a shorter maximum interval of the source', async () => {
    const source = await addSource('/missing.xml', { maxIntervalSeconds: 3_600 });
    const waits: number[] = [];
    for (let poll = 0; poll < 12; poll++) {
      const report = await pollSource(runtime.pipeline, await reload(source.id));
      expect(report.httpStatus).toBe(404);
      waits.push(report.nextPollAt - now);
      now = report.nextPollAt;
    }
    // min 600 s doubling: 600, 1200, … each within ±10 % jitter, then held at a day.
    for (let i = 1; i < waits.length; i++) expect(waits[i]).toBeGreaterThanOrEqual((waits[i - 1] ?? 0) * 0.8);
    expect(Math.max(...waits)).toBeGreaterThan(0.85 * DAY_MS);
    expect(Math.max(...waits)).toBeLessThanOrEqual(1.1 * DAY_MS);
    expect((await reload(source.id)).enabled).toBe(true);
  });

  it('keeps other errors within the source maximum interval', async () => {
    const source = await addSource('/flaky.xml', { maxIntervalSeconds: 3_600 });
    let longest = 0;
    for (let poll = 0; poll < 10; poll++) {
      const report = await pollSource(runtime.pipeline, await reload(source.id));
      expect(report.httpStatus).toBe(500);
      longest = Math.max(longest, report.nextPollAt - now);
      now = report.nextPollAt;
    }
    expect(longest).toBeLessThanOrEqual(1.1 * 3_600_000);
  });
});
