import { AppError } from '../domain/errors';

/**
 * The id an item carries in every format, forever: readers key "already read" on it, so it
 * depends on the database id only, never on our host name or the article URL. A `urn:` passes
 * the `new URL()` that feed's Atom writer runs ids through.
 */
export function itemGuid(id: number): string {
  if (!Number.isSafeInteger(id) || id < 0) {
    throw new AppError(
      500,
      'invalid_item_id',
      `publish: item id ${String(id)} is not a non-negative integer`,
    );
  }
  return `urn:topicwire:item:${id}`;
}
