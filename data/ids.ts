/**
 * The identifiers every runtime shares, as plain constants: the dataset's zod schema builds on them, and so do
 * the protocols, including the content script's hand-written checks (which must not bring zod along).
 */

/**
 * The kinds of entity a mention, a card or a lookup is about: a curated record, or a citation of an instrument
 * by its official number (core/detect/citations/).
 */
export const ENTITY_KINDS = ['framework', 'jurisdiction', 'technology', 'citation'] as const;

/** Lower-case kebab-case ids: stable keys that links, storage and tests rely on. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The longest id a message may carry (the dataset's are far shorter). */
export const MAX_ID_LENGTH = 80;

export function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_ID_LENGTH && ID_PATTERN.test(value);
}
