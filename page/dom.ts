/**
 * How the page side classifies elements when it cuts a page into scan units and decides whether a change
 * concerns it. `extractText` (core/detect) applies the same rules inside each unit; these copies are
 * needed for the unit roots themselves, which `extractText` is handed and never questions.
 */

/** Subtrees a reader does not read as prose, or that belong to the user (mirrors core/detect/extract.ts). */
const OPAQUE = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'BUTTON',
  'CODE',
  'PRE',
  'KBD',
  'SAMP',
  'SVG',
  'MATH',
  'IFRAME',
  'OBJECT',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'HEAD',
  'TITLE',
]);

/** Elements that flow inside a line (mirrors core/detect/extract.ts), plus our own fallback mark. */
const INLINE = new Set([
  'A',
  'ABBR',
  'B',
  'BDI',
  'BDO',
  'CITE',
  'DATA',
  'DFN',
  'EM',
  'I',
  'MARK',
  'Q',
  'S',
  'SMALL',
  'SPAN',
  'STRONG',
  'SUB',
  'SUP',
  'TIME',
  'U',
  'VAR',
  'INS',
  'DEL',
  'FONT',
  'LABEL',
  'REG-LENS-MARK',
]);

/** The tag of the fallback highlight element and of the card's host: never page content. */
export const MARK_TAG = 'reg-lens-mark';
export const UI_TAG = 'reg-lens-card';

/**
 * The card's host: `reg-lens-card`, or, on a page that has claimed that name for a custom element of its
 * own, `reg-lens-card-` and a suffix nobody can guess (page/card-ui.tsx).
 */
export function isOurUi(el: Element): boolean {
  return isOurUiTag(el.tagName.toUpperCase());
}

const UI_TAG_UPPER = UI_TAG.toUpperCase();
const UI_TAG_PREFIX = `${UI_TAG_UPPER}-`;
/** On an upper-cased tag name (isOpaque runs for every element walked: no second case conversion). */
const isOurUiTag = (tag: string) => tag === UI_TAG_UPPER || tag.startsWith(UI_TAG_PREFIX);

export const isElement = (n: Node): n is Element => n.nodeType === 1;
export const isText = (n: Node): n is Text => n.nodeType === 3;

export function isOpaque(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  if (OPAQUE.has(tag) || isOurUiTag(tag)) return true;
  // Editable by inheritance or CSS (designMode, user-modify) even without an attribute of its own.
  if ((el as HTMLElement).isContentEditable) return true;
  // Most elements of prose carry no attributes: one call instead of three.
  if (!el.hasAttributes()) return false;
  return el.getAttribute('contenteditable') !== null || el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true';
}

export function isInline(el: Element): boolean {
  return INLINE.has(el.tagName.toUpperCase());
}

/** Whether `node` sits in a subtree that is never scanned, looking up to (not including) `root`. */
export function insideOpaque(node: Node, root: Node): boolean {
  for (let el: Node | null = isElement(node) ? node : node.parentNode; el && el !== root; el = el.parentNode) {
    if (isElement(el) && isOpaque(el)) return true;
  }
  return false;
}

/** The nearest ancestor (or self) that is not an inline element: the block whose text a change affects. */
export function blockOf(node: Node, root: Node): Node {
  let el: Node | null = isElement(node) ? node : node.parentNode;
  while (el && el !== root && isElement(el) && isInline(el)) el = el.parentNode;
  return el ?? root;
}
