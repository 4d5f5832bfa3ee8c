// Issue 11, WebSub as a subscriber, against a real hub on 127.0.0.1 (test/helpers/websub-hub.ts)
// and topicwire served over real HTTP (the hub calls its callback): discovery and subscription
// on poll, verification of intent, signed content distribution stored at once through the
// pipeline, bad or missing signatures ignored, refusals, lease renewal, the daily safety poll.
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getRequestListener } from '@hono/node-server';
import { DOMParser } from '@xmldom/xmldom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app';
import { renewSubscriptions } from '../../src/pipeline/websub';
import { createNodeRuntime, type NodeRuntime } from '../../src/runtime/node-deps';
import { getSubscription } from '../../src/store/websub';
import { startOrigin, type Origin } from '../helpers/origin';
import { startHub, type Hub } from '../helpers/websub-hub';

const TOKEN = 'websub-test-token';
const AUTH = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
const START = Date.parse('2026-02-18T12:00:00Z');
const LEASE_SECONDS = 3600;

let clock = START;
let hub: Hub;
let origin: Origin;
let server: Server;
let publicUrl: string;
let runtime: NodeRuntime;
let app: ReturnType<typeof createApp>;
let sourceId: number;
let topic: string;

function feed(items: Array<{ title: string; guid: string }>): string {
  const body = items
    .map((item) => `<item><title>${item.title}</title><link>https://steppe.example/${item.guid}</link><guid>${item.guid}</guid><pubDate>Tue, 17 Feb 2026 08:00:00 GMT</pubDate></item>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>
<title>Steppe Push</title><link>https://steppe.example/</link><description>d</description>
<atom:link rel="hub" href="${hub.url}"/><atom:link rel="self" type="application/rss+xml" href="${topic}"/>${body}</channel></rss>`;
}

async function titles(): Promise<string[]> {
  const response = await app.request(`/api/items?source=${sourceId}&limit=100`);
  const body = (await response.json()) as { items: Array<{ title: string }> };
  return body.items.map((item) => item.title).sort();
}

beforeAll(async () => {
  hub = await startHub();
  hub.grantLeaseSeconds = LEASE_SECONDS;
  origin = await startOrigin({});
  topic = `${origin.url}/push.rss`;
  origin.routes.set('/push.rss', { body: feed([{ title: 'Kazakhstan opens a new rail line', guid: 'rail' }]), contentType: 'application/rss+xml' });
  // topicwire over real HTTP: the hub reaches the callback at PUBLIC_URL, as in production.
  let listener: ReturnType<typeof getRequestListener> | null = null;
  server = createServer((req, res) => (listener ? listener(req, res) : res.writeHead(503).end()));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  publicUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const dir = mkdtempSync(join(tmpdir(), 'topicwire-websub-'));
  runtime = await createNodeRuntime(
    {
      DATABASE_URL: `file:${join(dir, 'websub.db')}`,
      ADMIN_TOKEN: TOKEN,
      SEED_SOURCES: 'false',
      ALLOW_PRIVATE_SOURCES: 'true',
      POLL_INTERVAL_SECONDS: '0',
      RETENTION_DAYS: '0',
      PUBLIC_URL: publicUrl,
      // The same loopback hub is also the one our topic feeds advertise and ping.
      WEBSUB_HUB_URL: hub.url,
    },
    { now: () => clock },
  );
  app = createApp(runtime.app);
  listener = getRequestListener(app.fetch);
  const created = await app.request('/api/sources', { method: 'POST', headers: AUTH, body: JSON.stringify({ url: topic }) });
  sourceId = ((await created.json()) as { id: number }).id;
  await app.request(`/api/sources/${sourceId}/poll`, { method: 'POST', headers: AUTH });
  await hub.waitForVerifications(1);
}, 60_000);

afterAll(async () => {
  runtime?.close();
  await Promise.all([hub?.close(), origin?.close(), new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))]);
});

describe('subscribing', () => {
  it('a polled feed that advertises hub and self is subscribed to with topic, callback, secret and lease', () => {
    const request = hub.requests.find((r) => r.mode === 'subscribe');
    expect(request).toMatchObject({
      mode: 'subscribe',
      topic,
      callback: `${publicUrl}/websub/${sourceId}`,
      leaseSeconds: 864_000,
    });
    expect(request?.secret).toMatch(/^[0-9a-f]{64}$/);
  });

  it('the callback echoes the challenge, and the subscription is active for the lease the hub granted', async () => {
    expect(hub.verifications[0]).toMatchObject({ callback: `${publicUrl}/websub/${sourceId}`, topic, status: 200, echoed: true });
    const subscription = await getSubscription(runtime.db, sourceId);
    expect(subscription).toMatchObject({ state: 'active', hubUrl: hub.url, topicUrl: topic, leaseSeconds: LEASE_SECONDS });
    expect(subscription?.expiresAt).toBe((subscription?.verifiedAt ?? 0) + LEASE_SECONDS * 1000);
  });

  it('a pushed source is polled once a day (a safety poll)', async () => {
    const report = (await (await app.request(`/api/sources/${sourceId}/poll`, { method: 'POST', headers: AUTH })).json()) as { nextPollAt: number | string };
    expect(new Date(report.nextPollAt).getTime()).toBe(clock + 86_400_000);
    // Already subscribed: the poll asked the hub for nothing.
    expect(hub.requests.length).toBe(1);
  });
});

describe('verification of intent', () => {
  it('refuses a topic we did not ask for (404, no challenge echoed)', async () => {
    const result = await hub.verify(`${publicUrl}/websub/${sourceId}`, `${origin.url}/someone-else.rss`);
    expect(result).toMatchObject({ status: 404, echoed: false });
  });

  it('refuses a callback with no subscription (404)', async () => {
    const result = await hub.verify(`${publicUrl}/websub/99999`, topic);
    expect(result).toMatchObject({ status: 404, echoed: false });
  });

  it('refuses an unsubscribe we did not request (404)', async () => {
    const response = await fetch(`${publicUrl}/websub/${sourceId}?hub.mode=unsubscribe&hub.topic=${encodeURIComponent(topic)}&hub.challenge=abc`);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toBe('abc');
  });
});

describe('content distribution', () => {
  it('a push with a right sha256 signature is stored at once', async () => {
    const statuses = await hub.distribute(topic, feed([{ title: 'Kazakhstan pushes a story about Astana', guid: 'push-1' }]));
    expect(statuses).toEqual([202]);
    expect(await titles()).toContain('Kazakhstan pushes a story about Astana');
    const subscription = await getSubscription(runtime.db, sourceId);
    expect(subscription?.lastPushAt).toBe(clock);
  });

  it.each(['sha1', 'sha384', 'sha512'] as const)('a push signed with %s is stored too', async (algorithm) => {
    const title = `Kazakhstan story signed with ${algorithm}`;
    expect(await hub.distribute(topic, feed([{ title, guid: `push-${algorithm}` }]), { algorithm })).toEqual([202]);
    expect(await titles()).toContain(title);
  });

  it.each([
    ['a wrong', 'bad'],
    ['no', 'none'],
  ] as const)('a push with %s signature is acknowledged (2xx) and nothing is stored', async (_name, signature) => {
    const before = await titles();
    const title = `Kazakhstan forged story (${signature})`;
    const statuses = await hub.distribute(topic, feed([{ title, guid: `forged-${signature}` }]), { signature });
    expect(statuses).toEqual([202]);
    expect(await titles()).toEqual(before);
  });

  it('a push to a callback with no subscription is answered 410 (the hub should stop)', async () => {
    const response = await fetch(`${publicUrl}/websub/99999`, { method: 'POST', headers: { 'content-type': 'application/rss+xml' }, body: feed([]) });
    expect(response.status).toBe(410);
  });
});

describe('lease renewal', () => {
  it('renews before the lease ends, with the same secret, and not earlier than it needs to', async () => {
    const before = await getSubscription(runtime.db, sourceId);
    const requests = hub.requests.length;
    const verifications = hub.verifications.length;
    clock = START + 10 * 60_000; // 10 of 60 minutes: too early
    expect(await renewSubscriptions(runtime.pipeline)).toBe(0);
    clock = START + 31 * 60_000; // less than half the lease left
    expect(await renewSubscriptions(runtime.pipeline)).toBe(1);
    await hub.waitForVerifications(verifications + 1);
    expect(hub.verifications.at(-1)?.echoed).toBe(true);
    expect(hub.requests.length).toBe(requests + 1);
    expect(hub.requests.at(-1)).toMatchObject({ mode: 'subscribe', topic, secret: before?.secret });
    const after = await getSubscription(runtime.db, sourceId);
    expect(after?.state).toBe('active');
    expect(after?.expiresAt).toBe(clock + LEASE_SECONDS * 1000);
    // A push signed with the (unchanged) secret is still accepted after the renewal.
    expect(await hub.distribute(topic, feed([{ title: 'Kazakhstan story after renewal', guid: 'renewed' }]))).toEqual([202]);
    expect(await titles()).toContain('Kazakhstan story after renewal');
  });
});

describe('as a publisher', () => {
  const kazakhstanFeeds = () => ['rss', 'atom', 'json'].map((format) => `${publicUrl}/feeds/kazakhstan.${format}`);

  it('topic feeds advertise the hub: atom:link in RSS, link in Atom, hubs in JSON Feed, and Link headers', async () => {
    const rss = await app.request('/feeds/kazakhstan.rss?limit=5');
    expect(rss.headers.get('link')).toBe(`<${hub.url}>; rel="hub", <${publicUrl}/feeds/kazakhstan.rss?limit=5>; rel="self"`);
    const rssDoc = new DOMParser().parseFromString(await rss.text(), 'text/xml');
    const rssLinks = Array.from(rssDoc.getElementsByTagName('atom:link')).map((link) => [link.getAttribute('rel'), link.getAttribute('href')]);
    expect(rssLinks).toContainEqual(['hub', hub.url]);
    expect(rssLinks).toContainEqual(['self', `${publicUrl}/feeds/kazakhstan.rss?limit=5`]);
    const atomDoc = new DOMParser().parseFromString(await (await app.request('/feeds/kazakhstan.atom')).text(), 'text/xml');
    const atomLinks = Array.from(atomDoc.getElementsByTagName('link'))
      .filter((link) => link.parentNode?.nodeName === 'feed')
      .map((link) => [link.getAttribute('rel'), link.getAttribute('href')]);
    expect(atomLinks).toContainEqual(['hub', hub.url]);
    const json = (await (await app.request('/feeds/kazakhstan.json')).json()) as { hubs?: Array<{ type: string; url: string }> };
    expect(json.hubs).toEqual([{ type: 'WebSub', url: hub.url }]);
  });

  it('pings the hub for the topic feeds of new items, after polls and pushes alike', async () => {
    // The first poll stored a Kazakhstan story, and so did every accepted push.
    expect(hub.pings.length).toBeGreaterThanOrEqual(2);
    for (const ping of hub.pings) expect(ping).toEqual(expect.arrayContaining(kazakhstanFeeds()));
    const before = hub.pings.length;
    // A push with nothing new changes no feed: no ping.
    await hub.distribute(topic, feed([{ title: 'Kazakhstan story after renewal', guid: 'renewed' }]));
    expect(hub.pings.length).toBe(before);
    await hub.distribute(topic, feed([{ title: 'Kazakhstan and Russia sign a grain deal', guid: 'grain' }]));
    expect(hub.pings.length).toBe(before + 1);
    expect(hub.pings.at(-1)?.sort()).toEqual([...kazakhstanFeeds(), ...['rss', 'atom', 'json'].map((f) => `${publicUrl}/feeds/russia.${f}`)].sort());
  });

  it('pings for at most 10 topics (30 feed URLs) however many the new items touch', async () => {
    const countries = ['Kazakhstan', 'Russia', 'China', 'Mongolia', 'Kyrgyzstan', 'Uzbekistan', 'Tajikistan', 'Turkmenistan', 'Iran', 'Turkey', 'Azerbaijan', 'Georgia', 'Armenia', 'India'];
    await hub.distribute(topic, feed([{ title: `Summit of ${countries.join(', ')}`, guid: 'summit' }]));
    const ping = hub.pings.at(-1) ?? [];
    expect(ping.length).toBe(30);
    expect(new Set(ping).size).toBe(30);
  });
});

describe('discovery from the Link header', () => {
  it('subscribes to the hub and self that the HTTP Link header names, before the ones in the document (WebSub §4)', async () => {
    const headerSelf = `${origin.url}/canonical/header-hub.rss`;
    const documentOnly = feed([{ title: 'Kazakhstan and Russia sign a grid deal', guid: 'grid' }]).replace(/<atom:link rel="self"[^>]*>/, `<atom:link rel="self" href="${origin.url}/not-this-one.rss"/>`);
    origin.routes.set('/header-hub.rss', {
      handler: (res) => {
        res.writeHead(200, {
          'content-type': 'application/rss+xml',
          link: `<${hub.url}>; rel="hub", </canonical/header-hub.rss>; rel="self"`,
        });
        res.end(documentOnly);
      },
    });
    const created = await app.request('/api/sources', { method: 'POST', headers: AUTH, body: JSON.stringify({ url: `${origin.url}/header-hub.rss` }) });
    expect(created.status).toBe(201);
    const id = ((await created.json()) as { id: number }).id;
    for (let i = 0; i < 100 && !hub.requests.some((r) => r.callback === `${publicUrl}/websub/${id}`); i++) await new Promise((resolve) => setTimeout(resolve, 20));
    const request = hub.requests.find((r) => r.callback === `${publicUrl}/websub/${id}`);
    expect(request).toMatchObject({ mode: 'subscribe', topic: headerSelf });
    expect((await getSubscription(runtime.db, id))?.topicUrl).toBe(headerSelf);
  });
});
