/**
 * Adopting our constructed stylesheet into a document or shadow root from the content script's isolated
 * world, without a single node added to the page.
 *
 * Chrome and Firefox 153 let a content script read and assign `adoptedStyleSheets` as a plain array. In a
 * Firefox 140 content script the property is an opaque Xray wrapper (no length, no iterator, and assigning
 * to it throws), so there the page's own list is reached with its Xray waived (`wrappedJSObject`) and the
 * new list is cloned into the page's realm (`cloneInto`). The page can tamper with what the waived view
 * sees; a failure here throws, and the caller falls back to another painter.
 */

/** Firefox's content-script helpers (absent elsewhere). */
declare const cloneInto: ((value: unknown, target: object, options?: { wrapReflectors?: boolean }) => unknown) | undefined;
declare const XPCNativeWrapper: { unwrap<T>(value: T): T } | undefined;

type Root = Document | ShadowRoot;

interface SheetAccess {
  read(root: Root): CSSStyleSheet[];
  write(root: Root, sheets: CSSStyleSheet[]): void;
}

const direct: SheetAccess = {
  read(root) {
    const list = root.adoptedStyleSheets;
    if (typeof list?.[Symbol.iterator] !== 'function') throw new TypeError('adoptedStyleSheets is not iterable here');
    return [...list];
  },
  write(root, sheets) {
    root.adoptedStyleSheets = sheets;
  },
};

/** The page's own view of the root: Xray waived (Firefox only). */
const waived = (root: Root) => (root as unknown as { wrappedJSObject?: { adoptedStyleSheets: ArrayLike<CSSStyleSheet> } }).wrappedJSObject;

const throughPage: SheetAccess = {
  read(root) {
    const list = waived(root)!.adoptedStyleSheets;
    const out: CSSStyleSheet[] = [];
    // Indexed, not iterated: the page's iterator is the page's to replace.
    for (let i = 0; i < list.length; i++) out.push(list[i]!);
    return out;
  },
  write(root, sheets) {
    const view = root.ownerDocument?.defaultView ?? (root as Document).defaultView;
    if (!view || typeof cloneInto !== 'function') throw new TypeError('cloneInto is unavailable');
    waived(root)!.adoptedStyleSheets = cloneInto(sheets.map(unwrap), view, { wrapReflectors: true }) as CSSStyleSheet[];
  },
};

/** Our sheet as the page sees it, so that it compares equal to the entries of the page's list. */
const unwrap = (s: CSSStyleSheet): CSSStyleSheet =>
  typeof XPCNativeWrapper === 'object' || typeof XPCNativeWrapper === 'function' ? XPCNativeWrapper!.unwrap(s) : s;

function accessFor(root: Root): SheetAccess {
  try {
    const list = root.adoptedStyleSheets;
    if (typeof list?.[Symbol.iterator] === 'function') return direct;
  } catch {
    // An Xray that throws on reading: try the page's view below.
  }
  if (waived(root) && typeof cloneInto === 'function') return throughPage;
  return direct; // throws on use, which makes the caller fall back
}

/** Adds `sheet` to the sheets adopted by `root`, after the page's own, unless it is already there. */
export function adoptSheet(root: Root, sheet: CSSStyleSheet): void {
  const access = accessFor(root);
  const target = access === throughPage ? unwrap(sheet) : sheet;
  const sheets = access.read(root);
  if (!sheets.includes(target)) access.write(root, [...sheets, target]);
}

/** Removes `sheet` from the sheets adopted by `root`, leaving the page's own as they were. */
export function dropSheet(root: Root, sheet: CSSStyleSheet): void {
  const access = accessFor(root);
  const target = access === throughPage ? unwrap(sheet) : sheet;
  const sheets = access.read(root);
  if (sheets.includes(target))
    access.write(
      root,
      sheets.filter((s) => s !== target),
    );
}
