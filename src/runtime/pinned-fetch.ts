/**
 * The Node fetch for feeds, with the address pinned (DNS rebinding defence).
 *
 * The SSRF guard in fetch/ checks a URL before any request, but a guard that resolves a name
 * and a connection that resolves it again can see two different answers: a name that answers
 * a public address to the check and 127.0.0.1 to the connection walks past the check. Here the
 * connection's own lookup is the check: the agent resolves the host name once per connection,
 * refuses the connection when any address it got is not public (unless private sources are
 * allowed), and connects to the addresses it checked. Every request of fetchFeed goes through
 * this fetch, redirect hops included, so a redirect target passes the same check. An IP
 * literal needs no lookup; fetchFeed's guard refuses a private one before connecting.
 *
 * The refusal is a `FetchError` (`blocked_address`); fetchFeed finds it in the cause chain of
 * the fetch's "fetch failed" error. The Worker runtime has no equivalent and needs none:
 * Cloudflare's fetch cannot reach private addresses.
 *
 * undici (the package, pinned to a version that runs on Node 20) rather than Node's bundled
 * copy: its Agent takes the `connect.lookup` option, and its own fetch takes that agent.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupAddress } from 'node:dns';
import { Agent, fetch as undiciFetch } from 'undici';
import { assertPublicAddresses } from '../fetch/ssrf-guard';

/** Resolves a host name to every address it has (injected by tests). */
export type ResolveAddresses = (hostname: string) => Promise<LookupAddress[]>;

export interface PinnedFetch {
  fetch: typeof globalThis.fetch;
  /** Closes the agent's pooled connections. */
  close: () => Promise<void>;
}

type LookupCallback = (error: Error | null, address: string | LookupAddress[], family?: number) => void;

export const resolveAllAddresses: ResolveAddresses = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

export function createPinnedFetch(options: { allowPrivate: boolean; resolve?: ResolveAddresses }): PinnedFetch {
  const resolve = options.resolve ?? resolveAllAddresses;
  const checkedLookup = (hostname: string, lookupOptions: { family?: number | string; all?: boolean }, callback: LookupCallback): void => {
    resolve(hostname)
      .then((all) => {
        if (!options.allowPrivate) assertPublicAddresses(hostname, all.map((entry) => entry.address));
        const family = lookupOptions.family === 'IPv4' ? 4 : lookupOptions.family === 'IPv6' ? 6 : lookupOptions.family;
        const usable = family === 4 || family === 6 ? all.filter((entry) => entry.family === family) : all;
        const first = usable[0];
        if (!first) throw Object.assign(new Error(`cannot resolve ${hostname}: no ${family === 4 || family === 6 ? `IPv${family} ` : ''}address`), { code: 'ENOTFOUND' });
        // Node asks for every address when it races IPv4 and IPv6 (autoSelectFamily), else for one.
        if (lookupOptions.all) callback(null, usable);
        else callback(null, first.address, first.family);
      })
      .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), ''));
  };
  const agent = new Agent({ connect: { lookup: checkedLookup } });
  const pinned = (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = input instanceof Request ? input.url : String(input);
    // undici's Response is the class Node's global fetch returns, from another copy of undici.
    return undiciFetch(url, { ...(init as Parameters<typeof undiciFetch>[1]), dispatcher: agent }) as unknown as Promise<Response>;
  };
  return { fetch: pinned as typeof globalThis.fetch, close: () => agent.close() };
}
