// A small real WebSub hub on 127.0.0.1 (W3C WebSub §5–§7), for tests: it takes subscription
// requests, verifies intent by calling the subscriber's callback with a challenge (only a
// callback that echoes it becomes a subscriber), and delivers content to its subscribers with
// an X-Hub-Signature HMAC of the body, as a real hub does. It also records publish pings.
import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HubSubscriptionRequest {
  mode: string;
  topic: string;
  callback: string;
  secret: string | null;
  leaseSeconds: number | null;
}

export interface HubSubscriber {
  topic: string;
  callback: string;
  secret: string | null;
  leaseSeconds: number;
  verifiedAt: number;
}

export interface Verification {
  callback: string;
  topic: string;
  status: number;
  /** Whether the callback answered with exactly the challenge. */
  echoed: boolean;
}

export interface Hub {
  url: string;
  /** Every subscription request received, in order. */
  requests: HubSubscriptionRequest[];
  /** Every verification GET made, with its outcome. */
  verifications: Verification[];
  /** Verified subscribers by callback. */
  subscribers: Map<string, HubSubscriber>;
  /** `hub.mode=publish` pings: the hub.url values of each. */
  pings: string[][];
  /** The lease the hub grants (default 864000 s, or what the subscriber asked for if lower). */
  grantLeaseSeconds: number | null;
  /** Resolves once `count` verifications have completed. */
  waitForVerifications: (count: number) => Promise<void>;
  /** Calls a callback to verify intent for a topic, as a hub would (used to probe refusals). */
  verify: (callback: string, topic: string, leaseSeconds?: number) => Promise<Verification>;
  /** Delivers `body` to every subscriber of `topic`, signed with `algorithm` (or a wrong/missing signature). */
  distribute: (
    topic: string,
    body: string,
    options?: { contentType?: string; algorithm?: 'sha1' | 'sha256' | 'sha384' | 'sha512'; signature?: 'good' | 'bad' | 'none' },
  ) => Promise<number[]>;
  close: () => Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startHub(): Promise<Hub> {
  const requests: HubSubscriptionRequest[] = [];
  const verifications: Verification[] = [];
  const subscribers = new Map<string, HubSubscriber>();
  const pings: string[][] = [];
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  const settle = () => {
    for (const waiter of [...waiters]) {
      if (verifications.length >= waiter.count) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  };

  const hub: Hub = {
    url: '',
    requests,
    verifications,
    subscribers,
    pings,
    grantLeaseSeconds: null,
    waitForVerifications: (count) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`hub: ${verifications.length} of ${count} verifications after 10 s`)), 10_000);
        waiters.push({ count, resolve: () => (clearTimeout(timer), resolve()) });
        settle();
      }),
    verify: async (callback, topic, leaseSeconds = 3600) => {
      const challenge = randomBytes(12).toString('hex');
      const url = new URL(callback);
      url.searchParams.set('hub.mode', 'subscribe');
      url.searchParams.set('hub.topic', topic);
      url.searchParams.set('hub.challenge', challenge);
      url.searchParams.set('hub.lease_seconds', String(leaseSeconds));
      const response = await fetch(url);
      const text = await response.text();
      const result = { callback, topic, status: response.status, echoed: response.ok && text === challenge };
      verifications.push(result);
      settle();
      return result;
    },
    distribute: async (topic, body, options = {}) => {
      const statuses: number[] = [];
      for (const subscriber of subscribers.values()) {
        if (subscriber.topic !== topic) continue;
        const algorithm = options.algorithm ?? 'sha256';
        const headers: Record<string, string> = {
          'content-type': options.contentType ?? 'application/rss+xml',
          link: `<${hub.url}>; rel="hub", <${topic}>; rel="self"`,
        };
        const signature = options.signature ?? 'good';
        if (signature !== 'none') {
          const key = signature === 'good' ? (subscriber.secret ?? '') : 'not-the-secret';
          headers['x-hub-signature'] = `${algorithm}=${createHmac(algorithm, key).update(body).digest('hex')}`;
        }
        const response = await fetch(subscriber.callback, { method: 'POST', headers, body });
        await response.text();
        statuses.push(response.status);
      }
      return statuses;
    },
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };

  const server = createServer(async (req, res) => {
    if (req.method !== 'POST') return void res.writeHead(405).end();
    const form = new URLSearchParams(await readBody(req));
    const mode = form.get('hub.mode') ?? '';
    if (mode === 'publish') {
      pings.push(form.getAll('hub.url'));
      return void res.writeHead(204).end();
    }
    const request: HubSubscriptionRequest = {
      mode,
      topic: form.get('hub.topic') ?? '',
      callback: form.get('hub.callback') ?? '',
      secret: form.get('hub.secret'),
      leaseSeconds: form.has('hub.lease_seconds') ? Number(form.get('hub.lease_seconds')) : null,
    };
    requests.push(request);
    if (mode !== 'subscribe' || !request.topic || !request.callback) return void res.writeHead(400).end('bad request');
    res.writeHead(202).end();
    // Verification of intent happens after the 202, as WebSub §5.3 describes.
    const lease = Math.min(hub.grantLeaseSeconds ?? 864_000, request.leaseSeconds ?? 864_000);
    const result = await hub.verify(request.callback, request.topic, lease).catch(() => {
      verifications.push({ callback: request.callback, topic: request.topic, status: 0, echoed: false });
      settle();
      return null;
    });
    if (result?.echoed) {
      subscribers.set(request.callback, { topic: request.topic, callback: request.callback, secret: request.secret, leaseSeconds: lease, verifiedAt: Date.now() });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  hub.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hub`;
  return hub;
}
