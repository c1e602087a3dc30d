import type { SearchHit } from '../utils/search';
import { BindingBadge } from './BindingBadge';

const KIND_LABEL = { framework: 'Framework', jurisdiction: 'Jurisdiction', technology: 'Technology' } as const;

export function SearchResults({ hits, active, onChoose }: { hits: SearchHit[]; active: number; onChoose: (hit: SearchHit) => void }) {
  return (
    <ul class="rl-results" role="listbox" aria-label="Results">
      {hits.map((h, i) => (
        <li
          key={`${h.doc.kind}:${h.doc.id}`}
          role="option"
          id={`result-${i}`}
          aria-selected={i === active}
          class={i === active ? 'is-active' : ''}
          data-id={h.doc.id}
          onClick={() => onChoose(h)}
        >
          <span class="rl-results__name">{h.doc.shortName ?? h.doc.name}</span>
          <span class="rl-results__meta">
            {h.doc.binding ? <BindingBadge binding={h.doc.binding} /> : null}
            <span class="rl-muted">{KIND_LABEL[h.doc.kind]}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
