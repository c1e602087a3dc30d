/**
 * Visible text of a DOM subtree as one string, with a map back to text nodes, so that names split across
 * inline elements ("<b>General</b> Data Protection Regulation") are found and painted. Block boundaries
 * become BLOCK_BREAK, which is neither a word character nor whitespace, so names never join across
 * paragraphs. Takes the root as a parameter: the content
 * script passes the page, tests pass a DOM of their own.
 */

/** Subtrees a reader does not read as prose, or that belong to the user: never scanned, never painted. */
const SKIP = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'BUTTON',
  'CODE', 'PRE', 'KBD', 'SAMP', 'SVG', 'MATH', 'IFRAME', 'OBJECT', 'CANVAS', 'VIDEO', 'AUDIO', 'HEAD', 'TITLE',
]);

/** Elements that flow inside a line: text on either side belongs to the same sentence. */
const INLINE = new Set([
  'A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'DATA', 'DFN', 'EM', 'I', 'MARK', 'Q', 'S', 'SMALL', 'SPAN',
  'STRONG', 'SUB', 'SUP', 'TIME', 'U', 'VAR', 'INS', 'DEL', 'FONT', 'LABEL',
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

function skipElement(el: Element): boolean {
  if (SKIP.has(el.tagName.toUpperCase())) return true;
  if ((el as HTMLElement).isContentEditable || el.getAttribute('contenteditable') !== null) return true;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  return false;
}

function blockOf(node: Node, root: Node): Node {
  let el = node.parentNode;
  while (el && el !== root && el.nodeType === 1 && INLINE.has((el as Element).tagName.toUpperCase())) el = el.parentNode;
  return el ?? root;
}

/** Collects the visible text under `root` (a document, element or shadow root). */
export function extractText(root: Node, doc: Document = root.ownerDocument ?? (root as Document)): TextIndex {
  const walker = doc.createTreeWalker(root, 0x1 | 0x4 /* SHOW_ELEMENT | SHOW_TEXT */, {
    acceptNode(n) {
      if (n.nodeType === 1) return skipElement(n as Element) ? 2 /* REJECT */ : 3 /* SKIP */;
      return 1; /* ACCEPT */
    },
  });
  const parts: string[] = [];
  const chunks: TextChunk[] = [];
  let length = 0;
  let lastBlock: Node | undefined;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const t = n as Text;
    const data = t.data;
    if (!data) continue;
    const block = blockOf(t, root);
    if (lastBlock && block !== lastBlock) {
      parts.push(BLOCK_BREAK);
      length += 1;
    }
    lastBlock = block;
    chunks.push({ node: t, start: length });
    parts.push(data);
    length += data.length;
  }
  return { text: parts.join(''), chunks };
}

/** Maps an offset in the joined text back to a node and an offset inside it. */
export function locate(index: TextIndex, offset: number, preferEnd = false): { node: Text; offset: number } | undefined {
  const { chunks } = index;
  let lo = 0;
  let hi = chunks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (chunks[mid]!.start < offset || (!preferEnd && chunks[mid]!.start === offset)) lo = mid;
    else hi = mid - 1;
  }
  const c = chunks[lo];
  if (!c) return undefined;
  const inner = offset - c.start;
  return inner >= 0 && inner <= c.node.data.length ? { node: c.node, offset: inner } : undefined;
}
