/** Resolves a possibly relative reference; null when it is empty or cannot be resolved. */
export function resolveUrl(reference: string | null | undefined, base: string | null | undefined): string | null {
  if (typeof reference !== 'string') return null;
  const trimmed = reference.trim();
  if (trimmed === '') return null;
  try {
    return new URL(trimmed, base ?? undefined).href;
  } catch {
    return null;
  }
}

/**
 * Resolves a link that will be shown to readers: only http(s) results are kept, so a
 * `javascript:` or `data:` link in a feed never reaches a published page.
 */
export function resolveWebUrl(reference: string | null | undefined, base: string | null | undefined): string | null {
  const resolved = resolveUrl(reference, base);
  if (resolved === null) return null;
  return /^https?:\/\//i.test(resolved) ? resolved : null;
}

/** True for an absolute http(s) URL (an RSS guid that is also a permalink, a JSON Feed id). */
export function isWebUrl(text: string | null | undefined): boolean {
  return typeof text === 'string' && /^https?:\/\/[^\s/?#]+/i.test(text.trim()) && resolveUrl(text, null) !== null;
}
