/**
 * WebSub (W3C Recommendation, 2018) as a subscriber and as a publisher. The contract:
 * - a feed that advertises a hub and its own URL (`rel="hub"` and `rel="self"`, Atom links or
 *   atom:link in RSS) is subscribed to once PUBLIC_URL can be reached by the hub: a
 *   `hub.mode=subscribe` request with `hub.topic` (the self URL), `hub.callback`
 *   (`{PUBLIC_URL}/websub/{sourceId}`), a per-subscription random `hub.secret` and
 *   `hub.lease_seconds` (LEASE_SECONDS asked for; the hub decides);
 * - the subscription is stored before the request is sent, so a hub that verifies before it
 *   answers finds it. The verification GET is answered (the challenge echoed) only for the
 *   topic we asked for on that callback; anything else is refused;
 * - a lease is renewed before it ends (when less than RENEW_MARGIN of it is left, at most a day),
 *   by the poll of the source and by `renewSubscriptions` (each scheduler round, each cron);
 * - a content distribution POST is stored at once, through the same ingest as a poll, when its
 *   `X-Hub-Signature` (sha1, sha256, sha384 or sha512 HMAC of the raw body, keyed with the
 *   secret) is right; with a wrong or missing signature it is acknowledged and ignored;
 * - a source with an active subscription is polled once a day (a safety poll);
 * - as a publisher, `pingHub` tells WEBSUB_HUB_URL which topic feeds changed
 *   (`hub.mode=publish`, `hub.url`), bounded to MAX_PINGED_TOPICS topics per poll.
 * Nothing here ever fails a poll: a hub that is down is an error recorded on the subscription.
 */
import { assertPublicUrl } from '../fetch/ssrf-guard';
import { describeError } from '../domain/errors';
import type { SourceRow } from '../store/sources';
import {
  activateSubscription,
  getSubscription,
  listSubscriptionsToRenew,
  markSubscriptionDenied,
  recordPush,
  recordSubscriptionRequest,
  type WebSubSubscription,
} from '../store/websub';
import { decodeBody } from '../fetch/decode-body';
import { getSource } from '../store/sources';
import { ingestDocument, type PollReport } from './poll-source';
import type { PipelineDeps } from './deps';

/** What we ask hubs for: ten days, as WebSub hubs commonly grant. */
export const LEASE_SECONDS = 10 * 86_400;
/** Pushed sources are polled this often, in case a push was lost. */
export const SAFETY_POLL_MS = 86_400_000;
/** A request the hub never verified is sent again after this long. */
const PENDING_RETRY_MS = 60 * 60_000;
/** Renew when less than this share of the lease is left (and at most a day before it ends). */
const RENEW_SHARE = 0.5;
const MAX_RENEW_MARGIN_MS = 86_400_000;
/** A hub gets at most this long to answer a subscription request or a ping. */
const HUB_TIMEOUT_MS = 10_000;
/** Topic feeds pinged after one poll, at most (each in three formats). */
export const MAX_PINGED_TOPICS = 10;
/** Subscriptions renewed per `renewSubscriptions` call. */
const RENEW_BATCH = 20;

const ALGORITHMS: Readonly<Record<string, string>> = {
  sha1: 'SHA-1',
  sha256: 'SHA-256',
  sha384: 'SHA-384',
  sha512: 'SHA-512',
};

export interface FeedHubLinks {
  hubUrl: string | null;
  selfUrl: string | null;
}

export function callbackUrl(publicUrl: string, sourceId: number): string {
  return `${publicUrl}/websub/${sourceId}`;
}

/**
 * Subscribes to (or renews) the hub a polled feed advertises, when it is time to. Returns true
 * when the source has an active subscription (so it may be polled rarely).
 */
export async function ensureSubscription(deps: PipelineDeps, source: Pick<SourceRow, 'id'>, links: FeedHubLinks, now: number): Promise<boolean> {
  const existing = await getSubscription(deps.db, source.id);
  if (!deps.websub?.subscribe || links.hubUrl === null || links.selfUrl === null) return existing?.state === 'active' && (existing.expiresAt ?? 0) > now;
  const same = existing !== undefined && existing.hubUrl === links.hubUrl && existing.topicUrl === links.selfUrl;
  if (same && !needsRequest(existing, now)) return existing.state === 'active' && (existing.expiresAt ?? 0) > now;
  await requestSubscription(deps, source.id, links.hubUrl, links.selfUrl, same ? existing : undefined, now);
  const after = await getSubscription(deps.db, source.id);
  return after?.state === 'active' && (after.expiresAt ?? 0) > now;
}

function needsRequest(subscription: WebSubSubscription, now: number): boolean {
  if (subscription.state === 'denied') return false;
  if (subscription.state === 'pending') return now - subscription.requestedAt >= PENDING_RETRY_MS;
  const expiresAt = subscription.expiresAt ?? 0;
  const leaseMs = (subscription.leaseSeconds ?? 0) * 1000;
  return now >= expiresAt - Math.min(leaseMs * RENEW_SHARE, MAX_RENEW_MARGIN_MS);
}

/** Renews the leases that end soon (each scheduler round and each cron call this). */
export async function renewSubscriptions(deps: PipelineDeps): Promise<number> {
  if (!deps.websub?.subscribe) return 0;
  const now = deps.now();
  const due = (await listSubscriptionsToRenew(deps.db, now, MAX_RENEW_MARGIN_MS, RENEW_BATCH)).filter((s) => needsRequest(s, now));
  for (const subscription of due) {
    await requestSubscription(deps, subscription.sourceId, subscription.hubUrl, subscription.topicUrl, subscription, now);
  }
  return due.length;
}

async function requestSubscription(
  deps: PipelineDeps,
  sourceId: number,
  hubUrl: string,
  topicUrl: string,
  existing: WebSubSubscription | undefined,
  now: number,
): Promise<void> {
  const websub = deps.websub;
  if (!websub) return;
  // A renewal keeps its secret: a push signed with it may be on its way.
  const secret = existing?.secret ?? randomSecret();
  await recordSubscriptionRequest(deps.db, { sourceId, hubUrl, topicUrl, secret, requestedAt: now });
  const body = new URLSearchParams({
    'hub.mode': 'subscribe',
    'hub.topic': topicUrl,
    'hub.callback': callbackUrl(websub.publicUrl, sourceId),
    'hub.secret': secret,
    'hub.lease_seconds': String(LEASE_SECONDS),
  });
  try {
    const response = await postForm(deps, hubUrl, body);
    if (!response.ok) throw new Error(`the hub answered ${response.status}: ${(await response.text()).slice(0, 200)}`);
    await response.body?.cancel();
    deps.log?.('websub_subscribe', { source: sourceId, hub: hubUrl, topic: topicUrl });
  } catch (error) {
    const message = `websub: subscribing at ${hubUrl}: ${describeError(error)}`;
    await recordSubscriptionRequest(deps.db, { sourceId, hubUrl, topicUrl, secret, requestedAt: now, lastError: message });
    deps.log?.('websub_failed', { source: sourceId, error: message });
  }
}

/**
 * Answers a hub's verification of intent (WebSub §5.3): the challenge to echo, or null to
 * refuse (404). Only a subscription we asked for, for exactly that topic, is confirmed.
 */
export async function verifyIntent(
  deps: PipelineDeps,
  sourceId: number,
  query: { mode: string; topic: string; challenge?: string | undefined; leaseSeconds?: number | undefined; reason?: string | undefined },
): Promise<string | null> {
  const subscription = await getSubscription(deps.db, sourceId);
  if (subscription === undefined || subscription.topicUrl !== query.topic) return null;
  const now = deps.now();
  if (query.mode === 'denied') {
    await markSubscriptionDenied(deps.db, sourceId, `websub: the hub denied the subscription${query.reason ? `: ${query.reason}` : ''}`);
    return '';
  }
  if (query.mode !== 'subscribe' || !query.challenge || subscription.state === 'denied') return null;
  const leaseSeconds = query.leaseSeconds ?? subscription.leaseSeconds ?? LEASE_SECONDS;
  await activateSubscription(deps.db, sourceId, now, leaseSeconds);
  deps.log?.('websub_verified', { source: sourceId, topic: query.topic, leaseSeconds });
  return query.challenge;
}

/**
 * Whether a content distribution is signed with this subscription's secret: `X-Hub-Signature:
 * {sha1|sha256|sha384|sha512}={hex}`, an HMAC of the raw body. Checked with crypto.subtle
 * (Node and Workers alike), whose verify compares in constant time.
 */
export async function hasValidSignature(secret: string, body: Uint8Array, header: string | undefined): Promise<boolean> {
  const match = /^\s*(sha1|sha256|sha384|sha512)=([0-9a-f]+)\s*$/i.exec(header ?? '');
  const algorithm = match ? ALGORITHMS[(match[1] ?? '').toLowerCase()] : undefined;
  const hex = match?.[2] ?? '';
  if (algorithm === undefined || hex.length % 2 !== 0) return false;
  const signature = new Uint8Array(hex.length / 2);
  for (let i = 0; i < signature.length; i++) signature[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: algorithm }, false, ['verify']);
  return crypto.subtle.verify('HMAC', key, signature, new Uint8Array(body));
}

export type PushOutcome =
  | { status: 'stored'; report: PollReport }
  | { status: 'ignored'; reason: string }
  | { status: 'unknown' };

/**
 * A content distribution (WebSub §7): the raw body as the hub sent it. Signed right, it is
 * stored at once through the same ingest as a poll; signed wrong or not at all, it is ignored
 * (the hub still gets a 2xx, §8: "MUST … locally ignore the message"). `unknown` means no
 * subscription for this callback (the route answers 410, which tells the hub to stop).
 */
export async function receivePush(
  deps: PipelineDeps,
  sourceId: number,
  body: Uint8Array,
  headers: { contentType: string | null; signature: string | undefined },
): Promise<PushOutcome> {
  const subscription = await getSubscription(deps.db, sourceId);
  const source = await getSource(deps.db, sourceId);
  if (subscription === undefined || subscription.state === 'denied' || source === undefined) return { status: 'unknown' };
  if (!(await hasValidSignature(subscription.secret, body, headers.signature))) {
    const reason = headers.signature === undefined ? 'no X-Hub-Signature' : 'X-Hub-Signature does not match';
    deps.log?.('websub_push_ignored', { source: sourceId, reason });
    return { status: 'ignored', reason };
  }
  const startedAt = deps.now();
  try {
    const { text } = decodeBody(body, headers.contentType);
    const report = await ingestDocument(deps, source, { text, url: subscription.topicUrl, httpStatus: 200, etag: null, lastModified: null, retryAfterSeconds: null }, { startedAt, push: true });
    await recordPush(deps.db, sourceId, deps.now());
    return { status: 'stored', report };
  } catch (error) {
    // A pushed document we cannot read is the hub's problem, not a reason to make it retry.
    const reason = `websub: the pushed document: ${describeError(error)}`;
    deps.log?.('websub_push_ignored', { source: sourceId, reason });
    return { status: 'ignored', reason };
  }
}

/**
 * Tells the hub that topic feeds changed (`hub.mode=publish`, one `hub.url` per feed URL, in one
 * request): the single-topic feeds of `slugs`, in the three formats, for at most
 * MAX_PINGED_TOPICS topics (those most new entries belong to). Feeds of combinations
 * (`kazakhstan+russia`) are not pinged: there are too many; hubs that fetch on a schedule still
 * see them change.
 */
export async function pingHub(deps: PipelineDeps, slugs: Iterable<string>): Promise<void> {
  const websub = deps.websub;
  if (!websub?.hubUrl) return;
  // The topics most of the new entries belong to come first (a slug repeats once per entry).
  const counts = new Map<string, number>();
  for (const slug of slugs) counts.set(slug, (counts.get(slug) ?? 0) + 1);
  const topics = [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, MAX_PINGED_TOPICS)
    .map(([slug]) => slug);
  if (topics.length === 0) return;
  const body = new URLSearchParams({ 'hub.mode': 'publish' });
  for (const url of topicFeedUrls(websub.publicUrl, topics)) body.append('hub.url', url);
  try {
    const response = await postForm(deps, websub.hubUrl, body);
    await response.body?.cancel();
    if (!response.ok) throw new Error(`the hub answered ${response.status}`);
    deps.log?.('websub_ping', { hub: websub.hubUrl, topics: topics.length });
  } catch (error) {
    deps.log?.('websub_ping_failed', { hub: websub.hubUrl, error: describeError(error) });
  }
}

export function topicFeedUrls(publicUrl: string, slugs: string[]): string[] {
  return slugs.flatMap((slug) => ['rss', 'atom', 'json'].map((format) => `${publicUrl}/feeds/${slug}.${format}`));
}

async function postForm(deps: PipelineDeps, url: string, body: URLSearchParams): Promise<Response> {
  await assertPublicUrl(new URL(url), deps.fetchOptions);
  return deps.fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': deps.fetchOptions.userAgent },
    body: body.toString(),
    redirect: 'manual',
    signal: AbortSignal.timeout(Math.min(deps.fetchOptions.timeoutMs, HUB_TIMEOUT_MS)),
  });
}

function randomSecret(): string {
  const bytes = new Uint8Array(32);
  crypto.getRandomValues(bytes);
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}
