// /metrics after real polls: counters and the poll-duration histogram beside the gauges, read
// back with a parser of the Prometheus text format; and one `poll` / `request` event each.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app';
import { createNodeRuntime, type NodeRuntime } from '../../src/runtime/node-deps';
import { createLogger } from '../../src/runtime/logger';
import { startOrigin, type Origin } from '../helpers/origin';

const TOKEN = 'metrics-token';
const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };

let origin: Origin;
let runtime: NodeRuntime;
let app: ReturnType<typeof createApp>;
const events: Array<Record<string, unknown>> = [];

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The Prometheus text format 0.0.4, as a scraper reads it: TYPE lines and samples. */
function parsePrometheus(text: string): { types: Map<string, string>; samples: Sample[] } {
  const types = new Map<string, string>();
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const type = /^# TYPE (\S+) (counter|gauge|histogram|summary|untyped)$/.exec(line);
    if (type?.[1] && type[2]) {
      expect(types.has(type[1]), `TYPE ${type[1]} twice`).toBe(false);
      types.set(type[1], type[2]);
      continue;
    }
    if (line.startsWith('#')) continue;
    const sample = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (-?[0-9.e+]+|\+Inf|NaN)$/.exec(line);
    if (!sample?.[1] || !sample[3]) throw new Error(`not a sample line: ${line}`);
    const labels: Record<string, string> = {};
    for (const pair of (sample[2] ?? '').matchAll(/([a-zA-Z_]\w*)="((?:[^"\\]|\\.)*)"/g)) labels[pair[1] ?? ''] = (pair[2] ?? '').replace(/\\(.)/g, '$1');
    samples.push({ name: sample[1], labels, value: Number(sample[3]) });
  }
  return { types, samples };
}

function valueOf(samples: Sample[], name: string, labels: Record<string, string> = {}): number | undefined {
  return samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v) && Object.keys(s.labels).length === Object.keys(labels).length)?.value;
}

async function scrape() {
  const response = await app.request('/metrics');
  expect(response.status).toBe(200);
  return parsePrometheus(await response.text());
}

beforeAll(async () => {
  origin = await startOrigin({
    '/sky.xml': { file: 'skynews-20220405.xml', contentType: 'application/rss+xml' },
    '/wire.xml': { file: 'syndicated-wire.xml', contentType: 'application/rss+xml' },
  });
  const dir = mkdtempSync(join(tmpdir(), 'topicwire-metrics-'));
  runtime = await createNodeRuntime(
    { DATABASE_URL: `file:${join(dir, 'metrics.db')}`, ADMIN_TOKEN: TOKEN, SEED_SOURCES: 'false', ALLOW_PRIVATE_SOURCES: 'true', POLL_INTERVAL_SECONDS: '0', RETENTION_DAYS: '0' },
    { log: createLogger('json', (line) => events.push(JSON.parse(line) as Record<string, unknown>)) },
  );
  app = createApp({ ...runtime.app, logRequests: true });
}, 60_000);

afterAll(async () => {
  runtime?.close();
  await origin?.close();
});

describe('GET /metrics', () => {
  it('counts polls by outcome, ingested items, fetched bytes and poll durations, beside the gauges', async () => {
    const before = await scrape();
    expect(before.types.get('topicwire_polls_total')).toBe('counter');
    expect(before.types.get('topicwire_poll_duration_seconds')).toBe('histogram');
    expect(valueOf(before.samples, 'topicwire_items_ingested_total')).toBe(0);
    expect(valueOf(before.samples, 'topicwire_poll_duration_seconds_count')).toBe(0);

    const added: Array<{ id: number; poll: { newEntries: number; fetchedBytes: number } }> = [];
    for (const path of ['/sky.xml', '/wire.xml']) {
      const response = await app.request('/api/sources', { method: 'POST', headers: auth, body: JSON.stringify({ url: `${origin.url}${path}` }) });
      expect(response.status).toBe(201);
      added.push(await response.json());
    }
    // Polled again: the origin answers 304. And one that fails (forced in).
    for (const { id } of added) await app.request(`/api/sources/${id}/poll`, { method: 'POST', headers: auth });
    await app.request('/api/sources', { method: 'POST', headers: auth, body: JSON.stringify({ url: `${origin.url}/missing.xml`, force: true }) });

    const { types, samples } = await scrape();
    expect(valueOf(samples, 'topicwire_polls_total', { outcome: 'ok' })).toBe(2);
    expect(valueOf(samples, 'topicwire_polls_total', { outcome: 'not_modified' })).toBe(2);
    expect(valueOf(samples, 'topicwire_polls_total', { outcome: 'error' })).toBe(1);
    const newEntries = added.reduce((sum, source) => sum + source.poll.newEntries, 0);
    expect(newEntries).toBeGreaterThan(0);
    expect(valueOf(samples, 'topicwire_items_ingested_total')).toBe(newEntries);
    expect(valueOf(samples, 'topicwire_fetch_bytes_total')).toBe(added.reduce((sum, source) => sum + source.poll.fetchedBytes, 0));
    expect(valueOf(samples, 'topicwire_fetch_bytes_total')).toBeGreaterThan(10_000);

    // The histogram: cumulative buckets ending in +Inf = count = every poll.
    const buckets = samples.filter((s) => s.name === 'topicwire_poll_duration_seconds_bucket');
    expect(buckets.at(-1)?.labels.le).toBe('+Inf');
    for (let i = 1; i < buckets.length; i++) expect(buckets[i]?.value).toBeGreaterThanOrEqual(buckets[i - 1]?.value ?? 0);
    expect(buckets.at(-1)?.value).toBe(5);
    expect(valueOf(samples, 'topicwire_poll_duration_seconds_count')).toBe(5);
    expect(valueOf(samples, 'topicwire_poll_duration_seconds_sum')).toBeGreaterThanOrEqual(0);

    // The gauges are still there.
    expect(types.get('topicwire_items')).toBe('gauge');
    expect(valueOf(samples, 'topicwire_items')).toBeGreaterThan(0);
  });

  it('counts requests by matched route pattern and status, never by raw path', async () => {
    await app.request('/api/items/999999');
    await app.request('/api/items/888888');
    await app.request('/feeds/kazakhstan+russia.rss');
    await app.request('/no/such/page/12345');
    const { samples } = await scrape();
    expect(valueOf(samples, 'topicwire_http_requests_total', { route: '/api/items/:id', status: '404' })).toBe(2);
    expect(valueOf(samples, 'topicwire_http_requests_total', { route: '/api/sources', status: '201' })).toBe(3);
    expect(valueOf(samples, 'topicwire_http_requests_total', { route: '/api/sources/:id/poll', status: '200' })).toBe(2);
    expect(valueOf(samples, 'topicwire_http_requests_total', { route: 'unmatched', status: '404' })).toBe(1);
    const routes = samples.filter((s) => s.name === 'topicwire_http_requests_total').map((s) => s.labels.route ?? '');
    expect(routes.some((route) => /\d{4,}/.test(route))).toBe(false);
    expect(routes.some((route) => route.startsWith('/feeds/'))).toBe(true);
  });

  it('logs one structured poll event per poll and one request event per request', async () => {
    const polls = events.filter((e) => e.event === 'poll');
    expect(polls).toHaveLength(5);
    expect(polls.map((e) => e.status).sort()).toEqual(['error', 'not_modified', 'not_modified', 'ok', 'ok']);
    for (const poll of polls) {
      expect(typeof poll.time).toBe('string');
      expect(typeof poll.durationMs).toBe('number');
      expect(poll.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    }
    expect(polls.find((e) => e.status === 'error')).toMatchObject({ httpStatus: 404, errorCode: 'http_error' });
    const requests = events.filter((e) => e.event === 'request');
    expect(requests.find((e) => e.path === '/no/such/page/12345')).toMatchObject({ method: 'GET', route: 'unmatched', status: 404 });
    expect(requests.filter((e) => e.route === '/api/sources' && e.status === 201)).toHaveLength(3);
  });
});

describe('createLogger', () => {
  it('writes text lines that quote only what needs quoting', () => {
    const lines: string[] = [];
    createLogger('text', (line) => lines.push(line), () => new Date(Date.UTC(2026, 0, 2)))('poll', { url: 'http://a.test/f', new: 3, error: 'HTTP 404 Not Found' });
    expect(lines).toEqual(['[2026-01-02T00:00:00.000Z] poll url=http://a.test/f new=3 error="HTTP 404 Not Found"']);
  });
});
