/**
 * How long an upstream asks us to wait, from the headers that say so. The HTTP-date form of
 * Retry-After is measured against the response's own `Date` header, so the server's clock
 * and ours need not agree, and this stage reads no clock; `now` is the fallback when the
 * response carries no `Date`.
 */

/** Seconds from a Retry-After value (delta-seconds or HTTP-date), never negative; null if unreadable. */
export function parseRetryAfterSeconds(
  value: string | null,
  responseDate: string | null,
  now: Date | null = null,
): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number.parseInt(trimmed, 10);
  const retryAtMs = Date.parse(trimmed);
  if (Number.isNaN(retryAtMs)) return null;
  const serverNowMs = responseDate === null ? Number.NaN : Date.parse(responseDate);
  const referenceMs = Number.isNaN(serverNowMs) ? now?.getTime() : serverNowMs;
  if (referenceMs === undefined) return null;
  return Math.max(0, Math.ceil((retryAtMs - referenceMs) / 1000));
}

/** `max-age` of a Cache-Control value in seconds, or null when absent or malformed. */
export function parseMaxAgeSeconds(cacheControl: string | null): number | null {
  if (cacheControl === null) return null;
  const match = /(?:^|,)\s*max-age\s*=\s*"?(\d+)"?\s*(?:,|$)/i.exec(cacheControl);
  return match?.[1] === undefined ? null : Number.parseInt(match[1], 10);
}
