/**
 * What a batch of page mutations means for the scan: which blocks must be read again, and whether text
 * left the page (its mentions must go). Pure: takes MutationRecords (or look-alikes in tests), returns the
 * smallest set of blocks that covers every change. Duplicate and nested changes fold into one block.
 */
import { blockOf, isElement, isInline, insideOpaque, isOurUi } from './dom';

/** Past this many mutations in one batch, one debounced full rescan is cheaper than many small ones. */
export const MAX_MUTATIONS_PER_BATCH = 1000;

export interface Dirty {
  /** Blocks (or roots) to rescan, none inside another. */
  blocks: Node[];
  /**
   * Whether nodes that may hold mentions were removed: mentions whose text left the page must be dropped
   * (a pass over every mention). Removals inside an editor, a form field or a hidden subtree do not count:
   * nothing there was ever scanned, and a rich editor re-renders on every keystroke.
   */
  removed: boolean;
}

type Rec = Pick<MutationRecord, 'type' | 'target' | 'addedNodes' | 'removedNodes'>;

const isOurs = (n: Node) => isElement(n) && isOurUi(n);

export function dirtyFromRecords(records: Iterable<Rec>, root: Node): Dirty {
  const set = new Set<Node>();
  let removed = false;
  let removedUnread = false;
  let sawAttributes = false;
  const touch = (n: Node | null) => {
    if (n && n.isConnected && !insideOpaque(n, root)) set.add(n);
  };
  for (const r of records) {
    if (r.type === 'characterData') {
      touch(blockOf(r.target, root));
    } else if (r.type === 'attributes') {
      sawAttributes = true;
      // hidden, aria-hidden or contenteditable changed: the element's subtree appears, disappears or
      // becomes the user's; its mentions are dropped and it is read again (or not, if now skipped).
      const el = r.target;
      if (el.isConnected) set.add(isElement(el) && !isInline(el) ? el : blockOf(el, root));
    } else {
      if (isOurs(r.target)) continue;
      if (insideOpaque(r.target, root)) {
        // Nothing added here is read, and nothing removed from here was ever scanned...
        if (r.removedNodes.length) removedUnread = true;
        continue;
      }
      for (const n of r.addedNodes) {
        if (isOurs(n)) continue;
        // A new block is read on its own; new text or inline content changes the block around it.
        touch(isElement(n) && !isInline(n) ? n : blockOf(r.target, root));
      }
      for (const n of r.removedNodes) {
        if (isOurs(n)) continue;
        removed = true;
        // Removing inline content joins the text around it, which may now form a name.
        if (!isElement(n) || isInline(n)) touch(blockOf(r.target, root));
      }
    }
  }
  // ...unless the subtree became unread in this same batch (its mentions are still in the store).
  return { blocks: outermost(set), removed: removed || (removedUnread && sawAttributes) };
}

/** Drops every node that has an ancestor in the set. */
export function outermost(nodes: Set<Node>): Node[] {
  const out: Node[] = [];
  for (const n of nodes) {
    let covered = false;
    for (let p = n.parentNode; p; p = p.parentNode) {
      if (nodes.has(p)) {
        covered = true;
        break;
      }
    }
    if (!covered) out.push(n);
  }
  return out;
}

/** Whether `node` is inside (or is) one of `blocks`. */
export function under(node: Node, blocks: Set<Node>): boolean {
  for (let n: Node | null = node; n; n = n.parentNode) if (blocks.has(n)) return true;
  return false;
}
