/** Which mentions a rescan found again: those stay as they are, so nothing is unpainted and painted again. */
import type { Mention } from './mentions';

/** What a mention says, apart from where it was found: found again the same, it is the same mention. */
const sameKey = (m: Mention) => {
  const d = m.detection;
  return `${m.startOffset}:${m.endOffset}:${m.endNode === m.startNode ? '' : 'x'}:${d.kind}:${d.id}:${d.confidence}:${d.candidates?.map((c) => c.id).join(',') ?? ''}`;
};

/**
 * A rescan (the full scan after the visible viewport, a segment settled again, a change nearby) mostly
 * finds what was there: those mentions stay as they are, taking the new scan's stamp, so that nothing is
 * unpainted and painted again. Only what changed goes to the store.
 */
export function keepSame(old: Mention[], found: Mention[]): { stale: Mention[]; fresh: Mention[] } {
  if (!old.length) return { stale: old, fresh: found };
  const byNode = new Map<Text, Map<string, Mention>>();
  for (const m of old) {
    let keys = byNode.get(m.startNode);
    if (!keys) byNode.set(m.startNode, (keys = new Map()));
    keys.set(sameKey(m), m);
  }
  const kept = new Set<Mention>();
  const fresh: Mention[] = [];
  for (const m of found) {
    const o = byNode.get(m.startNode)?.get(sameKey(m));
    if (o && o.endNode === m.endNode && o.root === m.root && !kept.has(o)) {
      kept.add(o);
      o.stamp = m.stamp;
      o.detection = m.detection;
    } else fresh.push(m);
  }
  return { stale: kept.size ? old.filter((m) => !kept.has(m)) : old, fresh };
}
