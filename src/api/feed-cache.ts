/**
 * Rendered feeds in memory, so that a popular feed is queried and rendered once per change of
 * the data, not once per request. Contract:
 * - an entry is keyed by the request's normalised key (format, expression, every query value
 *   that changes the output) and holds the body rendered at one data version; `get` returns it
 *   only for that version, so a write anywhere (which moves the version) retires every entry;
 * - the total size of the bodies held is at most `maxBytes`; the least recently used entries
 *   go first, and a body larger than a quarter of the bound is never held;
 * - one instance per process (or Worker isolate): it is a cache, never the truth, and two
 *   processes on one database each keep their own.
 */
export interface CachedFeed {
  version: string;
  body: Uint8Array<ArrayBuffer>;
  contentType: string;
}

export const DEFAULT_FEED_CACHE_BYTES = 32 * 1024 * 1024;

export class FeedCache {
  // A Map iterates in insertion order: re-inserting on a hit keeps the oldest use first.
  readonly #entries = new Map<string, CachedFeed>();
  #bytes = 0;

  constructor(readonly maxBytes: number = DEFAULT_FEED_CACHE_BYTES) {}

  get(key: string, version: string): CachedFeed | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    this.#entries.delete(key);
    if (entry.version !== version) {
      this.#bytes -= entry.body.byteLength;
      return undefined;
    }
    this.#entries.set(key, entry);
    return entry;
  }

  set(key: string, entry: CachedFeed): void {
    const previous = this.#entries.get(key);
    if (previous) {
      this.#entries.delete(key);
      this.#bytes -= previous.body.byteLength;
    }
    if (entry.body.byteLength > this.maxBytes / 4) return;
    this.#entries.set(key, entry);
    this.#bytes += entry.body.byteLength;
    for (const [oldest, old] of this.#entries) {
      if (this.#bytes <= this.maxBytes) break;
      this.#entries.delete(oldest);
      this.#bytes -= old.body.byteLength;
    }
  }

  get size(): number {
    return this.#entries.size;
  }

  get bytes(): number {
    return this.#bytes;
  }
}
