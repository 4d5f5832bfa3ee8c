/**
 * The one URL policy of the publish stage: a link we hand to a feed reader is an absolute
 * http(s) URL, or nothing. `javascript:`, `data:`, `vbscript:` and friends never pass, and a
 * relative URL without a usable base is dropped rather than left to resolve against our host.
 */
export function resolveHttpUrl(
  value: string | null | undefined,
  baseUrl: string | null = null,
): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  if (trimmed === '') return null;
  const url = parseUrl(trimmed, baseUrl) ?? parseUrl(trimmed, null);
  if (url === null) return null;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.hostname === '') return null;
  return url.href;
}

function parseUrl(value: string, baseUrl: string | null): URL | null {
  try {
    return baseUrl === null ? new URL(value) : new URL(value, baseUrl);
  } catch {
    return null;
  }
}
