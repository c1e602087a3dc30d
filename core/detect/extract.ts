/**
 * Visible text of a DOM subtree as one string, with a map back to text nodes, so that names split across
 * inline elements ("<b>General</b> Data Protection Regulation") are found and painted. Block boundaries
 * become BLOCK_BREAK, which is neither a word character nor whitespace, so names never join across
 * paragraphs or table cells; a `<br>` becomes a line break, across which a name may continue. Takes the
 * root as a parameter: the content script passes the page, tests and the CLI pass a DOM of their own.
 *
 * What a reader sees: no scripts, styles, templates, form fields, editable regions or code; nothing
 * `hidden`, `aria-hidden`, `inert` or hidden by an inline style; open shadow roots are read in place of
 * their host's children, with slotted content where the slots are.
 */

/** Subtrees a reader does not read as prose, or that belong to the user: never scanned, never painted. */
const SKIP = new Set([
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

/**
 * Elements that start a block: text on either side belongs to different paragraphs or cells. Every other
 * element, unknown and custom ones included, flows inside a line, as CSS makes them by default.
 */
const BLOCK = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BODY',
  'CAPTION',
  'DD',
  'DETAILS',
  'DIALOG',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HGROUP',
  'HR',
  'HTML',
  'LEGEND',
  'LI',
  'MAIN',
  'MENU',
  'NAV',
  'OL',
  'P',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
  'IMG',
  'PICTURE',
]);

/** U+001F (unit separator): never in page text, never matched by a name's inner whitespace. */
export const BLOCK_BREAK = '\u001f';

export interface TextChunk {
  node: Text;
  /** Offset of the node's first character in `TextIndex.text`. */
  start: number;
}

export interface TextIndex {
  text: string;
  chunks: TextChunk[];
}

export interface ExtractOptions {
  /**
   * Extra test for elements not to read: hidden by layout, for callers that can afford layout information
   * (`(el) => !el.checkVisibility()`), or the extension's own UI. Attributes and inline styles are always
   * checked.
   */
  isHidden?: (el: Element) => boolean;
  /** Read open shadow roots in place of their host's children (default true). */
  shadowRoots?: boolean;
}

const HIDDEN_STYLE =
  /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse)|content-visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i;

function skipElement(el: Element, isHidden?: (el: Element) => boolean): boolean {
  if (SKIP.has(el.tagName.toUpperCase())) return true;
  // Most elements of prose carry no attributes: one call instead of five.
  if (!el.hasAttributes()) return isHidden ? isHidden(el) : false;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable.toLowerCase() !== 'false') return true;
  if (el.hasAttribute('hidden') || el.hasAttribute('inert') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  if (style && HIDDEN_STYLE.test(style)) return true;
  return isHidden ? isHidden(el) : false;
}

/**
 * Pushes, last first, what is rendered in place of an element's children: its open shadow root's
 * children, a slot's assigned nodes, or its own children (walked by sibling links: no array per element).
 */
function pushRenderedChildren(stack: Array<Node | 'leave-block'>, el: Element, tag: string, shadowRoots: boolean): void {
  const shadow = shadowRoots ? (el as Element & { shadowRoot?: ShadowRoot | null }).shadowRoot : null;
  if (shadow) return pushChildren(stack, shadow);
  if (tag === 'SLOT') {
    const assigned = (el as HTMLSlotElement).assignedNodes?.() ?? [];
    if (assigned.length) {
      for (let i = assigned.length - 1; i >= 0; i--) stack.push(assigned[i]!);
      return;
    }
  }
  pushChildren(stack, el);
}

function pushChildren(stack: Array<Node | 'leave-block'>, parent: Node): void {
  for (let c = parent.lastChild; c; c = c.previousSibling) stack.push(c);
}

/** Collects the visible text under `root` (a document, element or shadow root). */
export function extractText(root: Node, _doc?: Document, options: ExtractOptions = {}): TextIndex {
  const parts: string[] = [];
  const chunks: TextChunk[] = [];
  let length = 0;
  let pendingBreak = false;
  const isHidden = options.isHidden;
  const shadowRoots = options.shadowRoots ?? true;

  const visit = (node: Node) => {
    // An explicit stack: pages nest deep enough to overflow recursion.
    const stack: Array<Node | 'leave-block'> = [node];
    while (stack.length) {
      const n = stack.pop()!;
      if (n === 'leave-block') {
        pendingBreak = true;
        continue;
      }
      if (n.nodeType === 3) {
        const data = (n as Text).data;
        if (!data) continue;
        // Whitespace between blocks (source indentation) reads as nothing.
        if (pendingBreak && !/\S/.test(data)) continue;
        if (pendingBreak && length > 0) {
          parts.push(BLOCK_BREAK);
          length += 1;
        }
        pendingBreak = false;
        chunks.push({ node: n as Text, start: length });
        parts.push(data);
        length += data.length;
        continue;
      }
      if (n.nodeType === 1) {
        const el = n as Element;
        if (skipElement(el, isHidden)) continue;
        const tag = el.tagName.toUpperCase();
        if (tag === 'BR') {
          if (length > 0 && !pendingBreak) {
            parts.push('\n');
            length += 1;
          }
          continue;
        }
        if (BLOCK.has(tag)) {
          pendingBreak = true;
          stack.push('leave-block');
        }
        pushRenderedChildren(stack, el, tag, shadowRoots);
      } else if (n.nodeType === 9 || n.nodeType === 11) pushChildren(stack, n);
    }
  };
  visit(root);
  return { text: parts.join(''), chunks };
}

/**
 * The number of the chunk holding `offset` of the joined text (the last one starting at or before it; with
 * `preferEnd`, an offset where a chunk starts belongs to the chunk before), or -1 before the first.
 */
export function chunkAt(index: TextIndex, offset: number, preferEnd = false): number {
  const { chunks } = index;
  let lo = 0;
  let hi = chunks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (chunks[mid]!.start < offset || (!preferEnd && chunks[mid]!.start === offset)) lo = mid;
    else hi = mid - 1;
  }
  const c = chunks[lo];
  return c && offset >= c.start ? lo : -1;
}

/** Maps an offset in the joined text back to a node and an offset inside it. */
export function locate(index: TextIndex, offset: number, preferEnd = false): { node: Text; offset: number } | undefined {
  const c = index.chunks[chunkAt(index, offset, preferEnd)];
  if (!c) return undefined;
  const inner = offset - c.start;
  return inner <= c.node.data.length ? { node: c.node, offset: inner } : undefined;
}
