// Two processes starting at once on one fresh database file: both migrate and seed it, one
// waits for the other, neither fails, and the schema is applied once.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createClient } from '@libsql/client';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const SCRIPT = join(import.meta.dirname, '..', 'helpers', 'start-runtime.ts');
const JOURNAL = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'drizzle', 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };

describe('start-up on one database file', () => {
  it('lets two processes that start together both migrate and seed it, in WAL mode', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'topicwire-start-')), 'shared.db');
    const env = { ...process.env, DATABASE_URL: `file:${file}`, SEED_SOURCES: 'true', POLL_INTERVAL_SECONDS: '0' };
    const start = () => run(process.execPath, ['--import', 'tsx', SCRIPT], { env, timeout: 60_000 });
    const results = await Promise.all([start(), start()]);
    for (const { stdout } of results) expect(JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}')).toEqual({ ok: true, journalMode: 'wal' });
    const client = createClient({ url: `file:${file}` });
    const applied = await client.execute('select count(*) as n from __drizzle_migrations');
    expect(Number(applied.rows[0]?.['n'])).toBe(JOURNAL.entries.length);
    const sources = await client.execute('select count(*) as n, count(distinct url) as urls from sources');
    expect(Number(sources.rows[0]?.['n'])).toBeGreaterThan(0);
    expect(sources.rows[0]?.['n']).toBe(sources.rows[0]?.['urls']);
    client.close();
  }, 90_000);
});
